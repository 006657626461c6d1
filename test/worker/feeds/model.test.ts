import { describe, expect, it } from 'vitest';
import { periodStart } from '../../../worker/feeds/dates';
import { buildFeed } from '../../../worker/feeds/model';
import { snapshot } from './helpers';

const origin = 'https://data.example';

describe('buildFeed', () => {
  it('holds one item per dataset release and per news event in the catalog feed', async () => {
    const s = await snapshot();
    const feed = buildFeed(s, { origin });
    expect(feed.items).toHaveLength(s.datasets.length + s.news.length);
    expect(new Set(feed.items.map((i) => i.id)).size).toBe(feed.items.length);
    for (const d of s.datasets) {
      const item = feed.items.find((i) => i.url === `${origin}/datasets/${d.id}`)!;
      expect(item.published).toBe(d.issued);
      expect(item.updated).toBe(d.modified);
      expect(item.title).toBe(`数据集：${d.title.zh} · Dataset: ${d.title.en}`);
    }
  });

  it('dates a news item by its first day and says the whole range in the text', async () => {
    const s = await snapshot();
    const feed = buildFeed(s, { origin });
    for (const news of s.news) {
      const item = feed.items.find((i) => i.id.endsWith(`:news/${news.id}`))!;
      expect(item.published).toBe(periodStart(news.date));
      expect(item.updated).toBe(item.published);
      expect(item.title).toBe(`${news.title.zh} · ${news.title.en}`);
      expect(item.url).toBe(`${origin}/#news-${news.id}`);
    }
    const fair = feed.items.find((i) => i.id.endsWith(':news/job-fair-guizhou'))!;
    expect(fair.published).toBe('2023-04-19');
    expect(fair.text).toContain('2023年4月19日至21日');
    expect(fair.html).toContain('19–21 April 2023');
  });

  it('orders items newest first and keeps catalog order on the same day', async () => {
    const s = await snapshot();
    const items = buildFeed(s, { origin }).items;
    for (let n = 1; n < items.length; n++) expect(items[n - 1]!.published >= items[n]!.published).toBe(true);
    const releases = items.filter((i) => i.id.includes(':datasets/')).map((i) => i.url.split('/').pop());
    expect(releases).toEqual(s.datasets.map((d) => d.id));
  });

  it('gives a dataset feed its release and the events that report its figures, and nothing else', async () => {
    const s = await snapshot();
    for (const d of s.datasets) {
      const feed = buildFeed(s, { origin, datasetId: d.id });
      const expectedNews = s.news.filter((n) => (n.indicators ?? []).some((id) => s.indicator(id)?.dataset === d.id));
      expect(feed.items.map((i) => i.id).sort()).toEqual(
        [
          `tag:zhuzhou-innovation-open-data,2026:datasets/${d.id}`,
          ...expectedNews.map((n) => `tag:zhuzhou-innovation-open-data,2026:news/${n.id}`),
        ].sort(),
      );
      expect(feed.homePage).toBe(`${origin}/datasets/${d.id}`);
      expect(feed.updated).toBe([d.modified, ...expectedNews.map((n) => periodStart(n.date))].sort().pop());
    }
    // The job fair and the roadshow report talent-and-cooperation figures.
    expect(buildFeed(s, { origin, datasetId: 'talent-cooperation' }).items).toHaveLength(3);
  });

  it('speaks Chinese with English alongside by default, or one language on request', async () => {
    const s = await snapshot();
    const both = buildFeed(s, { origin });
    const zh = buildFeed(s, { origin, lang: 'zh' });
    const en = buildFeed(s, { origin, lang: 'en' });
    expect([both.language, zh.language, en.language]).toEqual(['zh-CN', 'zh-CN', 'en']);
    expect(both.title).toBe(`${s.meta.title.zh} · ${s.meta.title.en}`);
    expect(zh.title).toBe(s.meta.title.zh);
    expect(en.title).toBe(s.meta.title.en);
    const html = both.items[0]!.html;
    expect(html.indexOf('<div lang="zh-CN">')).toBe(0);
    expect(html.indexOf('<div lang="en">')).toBeGreaterThan(0);
    expect(zh.items[0]!.html).not.toContain('lang="en"');
    expect(en.items[0]!.text).not.toMatch(/[\u4e00-\u9fff]/);
    expect(en.homePage).toBe(`${origin}/en/`);
    expect(en.items.find((i) => i.id.includes(':datasets/'))!.url).toMatch(new RegExp(`^${origin}/en/datasets/`));
    expect(new Set([both.id, zh.id, en.id]).size).toBe(3);
    expect(en.items.map((i) => i.id)).toEqual(both.items.map((i) => i.id));
  });

  it('puts self links for every format on the public origin, with the language', async () => {
    const s = await snapshot();
    expect(buildFeed(s, { origin, datasetId: 'rd-investment', lang: 'en' }).urls).toEqual({
      rss: `${origin}/datasets/rd-investment/feed.xml?lang=en`,
      atom: `${origin}/datasets/rd-investment/feed.atom?lang=en`,
      json: `${origin}/datasets/rd-investment/feed.json?lang=en`,
    });
  });

  it('refuses a dataset that does not exist', async () => {
    const s = await snapshot();
    expect(() => buildFeed(s, { origin, datasetId: 'nope' })).toThrow(/nope/);
  });
});
