import { describe, expect, it } from 'vitest';
import { createSnapshot } from '../../../worker/data-source/snapshot';
import { periodStart } from '../../../worker/feeds/dates';
import { buildFeed } from '../../../worker/feeds/model';
import { snapshot } from './helpers';

const origin = 'https://data.example';

describe('buildFeed', () => {
  it('holds one item per dataset release and per news event in the catalog feed', async () => {
    const s = await snapshot();
    const feed = buildFeed(s, { origin, lang: 'zh' });
    expect(feed.items).toHaveLength(s.datasets.length + s.news.length);
    expect(new Set(feed.items.map((i) => i.id)).size).toBe(feed.items.length);
    for (const d of s.datasets) {
      const item = feed.items.find((i) => i.url === `${origin}/datasets/${d.id}`)!;
      expect(item.published).toBe(d.issued);
      expect(item.updated).toBe(d.modified);
      // The bundled datasets have not changed since this service published them: a release, not an update.
      expect(d.modified).toBe(d.issued);
      expect(item.title).toBe(`数据发布：${d.title.zh}`);
    }
  });

  it('dates a news item by its first day, says the whole range in the text and links to its page', async () => {
    const s = await snapshot();
    const feed = buildFeed(s, { origin, lang: 'zh' });
    const en = buildFeed(s, { origin, lang: 'en' });
    for (const news of s.news) {
      const item = feed.items.find((i) => i.id.endsWith(`:news/${news.id}`))!;
      expect(item.published).toBe(periodStart(news.date));
      expect(item.updated).toBe(item.published);
      expect(item.title).toBe(news.title.zh);
      expect(item.url).toBe(`${origin}/news/${news.id}`);
      const english = en.items.find((i) => i.id === item.id)!;
      expect(english.title).toBe(news.title.en);
      expect(english.url).toBe(`${origin}/en/news/${news.id}`);
    }
    const fair = feed.items.find((i) => i.id.endsWith(':news/job-fair-guizhou'))!;
    expect(fair.published).toBe('2023-04-19');
    expect(fair.text).toContain('时间：2023年4月19日至21日；地点：贵州');
    expect(en.items.find((i) => i.id === fair.id)!.html).toContain('19–21 April 2023');
  });

  it('orders items newest first and keeps catalog order on the same day', async () => {
    const s = await snapshot();
    const items = buildFeed(s, { origin, lang: 'zh' }).items;
    for (let n = 1; n < items.length; n++) expect(items[n - 1]!.published >= items[n]!.published).toBe(true);
    const releases = items.filter((i) => i.id.includes(':datasets/')).map((i) => i.url.split('/').pop());
    expect(releases).toEqual(s.datasets.map((d) => d.id));
  });

  it('gives a dataset feed its release and the events that report its figures, and nothing else', async () => {
    const s = await snapshot();
    for (const d of s.datasets) {
      const feed = buildFeed(s, { origin, datasetId: d.id, lang: 'zh' });
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
    expect(buildFeed(s, { origin, datasetId: 'talent-cooperation', lang: 'en' }).items).toHaveLength(3);
  });

  it('speaks one language: Chinese under the root feed id, English under the id its ?lang=en variant had', async () => {
    const s = await snapshot();
    const zh = buildFeed(s, { origin, lang: 'zh' });
    const en = buildFeed(s, { origin, lang: 'en' });
    expect([zh.language, en.language]).toEqual(['zh-CN', 'en']);
    expect(zh.title).toBe(s.meta.title.zh);
    expect(en.title).toBe(s.meta.title.en);
    expect(zh.author.name).toBe(s.meta.publisher.zh);
    for (const item of zh.items) {
      expect(item.html.indexOf('<div lang="zh-CN">')).toBe(0);
      expect(item.html).not.toContain('lang="en"');
    }
    for (const item of en.items) {
      expect(item.html.indexOf('<div lang="en">')).toBe(0);
      expect(item.text).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect(zh.homePage).toBe(`${origin}/`);
    expect(en.homePage).toBe(`${origin}/en/`);
    expect(en.items.find((i) => i.id.includes(':datasets/'))!.url).toMatch(new RegExp(`^${origin}/en/datasets/`));
    // Ids as they were published before feeds were split by language: subscribers keep their feed and items.
    expect(zh.id).toBe('tag:zhuzhou-innovation-open-data,2026:feed');
    expect(en.id).toBe('tag:zhuzhou-innovation-open-data,2026:feed?lang=en');
    expect(en.items.map((i) => i.id)).toEqual(zh.items.map((i) => i.id));
  });

  it('says what a dataset item is: its release by this service, or an update, and not news of the day', async () => {
    const s = await snapshot();
    const d = s.datasets[0]!;
    const updatedSnapshot = await createSnapshot({
      meta: s.meta,
      datasets: [{ ...d, modified: '2026-12-03' }],
      news: [],
    });
    const item = (lang: 'zh' | 'en', from = s) =>
      buildFeed(from, { origin, lang }).items.find((i) => i.id.endsWith(`:datasets/${d.id}`))!;
    expect(item('zh').title).toBe(`数据发布：${d.title.zh}`);
    expect(item('en').title).toBe(`Data release: ${d.title.en}`);
    expect(item('zh').summary).toBe(
      `本站于2026年11月27日发布数据集“${d.title.zh}”，共${d.indicators.length}项指标；数字引自株洲日报《${s.meta.article.title.zh}》（2023年4月），各注明所属时间。`,
    );
    expect(item('en').summary).toMatch(
      new RegExp(
        `^This site published the dataset “.+” on 27 November 2026, with ${d.indicators.length} figures\\. The figures are quoted from Zhuzhou Daily, “.+” \\(April 2023\\), each with the period it stands for\\.$`,
      ),
    );
    expect(item('zh').text.startsWith(item('zh').summary)).toBe(true);
    const updated = updatedSnapshot;
    expect(item('zh', updated).title).toBe(`数据更新：${d.title.zh}`);
    expect(item('en', updated).title).toBe(`Data update: ${d.title.en}`);
    expect(item('zh', updated).summary).toContain('本站于2026年12月3日更新数据集');
    expect(item('zh', updated).summary).toContain('（2026年11月27日首次发布）');
    expect(item('en', updated).summary).toContain('updated the dataset');
    expect(item('en', updated).summary).toContain('(first published on 27 November 2026)');
  });

  it('puts self links for every format on the public origin, English under /en', async () => {
    const s = await snapshot();
    expect(buildFeed(s, { origin, datasetId: 'rd-investment', lang: 'en' }).urls).toEqual({
      rss: `${origin}/en/datasets/rd-investment/feed.xml`,
      atom: `${origin}/en/datasets/rd-investment/feed.atom`,
      json: `${origin}/en/datasets/rd-investment/feed.json`,
    });
    expect(buildFeed(s, { origin, lang: 'zh' }).urls.atom).toBe(`${origin}/feed.atom`);
  });

  it('writes its own Chinese with full-width punctuation: the title dash, the licence brackets', async () => {
    const s = await snapshot();
    const zh = buildFeed(s, { origin, datasetId: 'rd-investment', lang: 'zh' });
    expect(zh.title).toBe(`研发投入——${s.meta.title.zh}`);
    expect(zh.rights).toBe(`${s.meta.license.name}（${s.meta.license.url}）`);
    const en = buildFeed(s, { origin, datasetId: 'rd-investment', lang: 'en' });
    expect(en.title).toBe(`R&D investment — ${s.meta.title.en}`);
    expect(en.rights).toBe(`${s.meta.license.name} (${s.meta.license.url})`);
  });

  it('refuses a dataset that does not exist', async () => {
    const s = await snapshot();
    expect(() => buildFeed(s, { origin, datasetId: 'nope', lang: 'zh' })).toThrow(/nope/);
  });
});
