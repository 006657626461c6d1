import { describe, expect, it } from 'vitest';
import { periodStart } from '../../../worker/feeds/dates';
import { feedPaths, get, ORIGIN, snapshot, text, xml } from './helpers';

interface RssItem {
  title: string;
  link: string;
  description: string;
  guid: { '#text': string; '@isPermaLink': string };
  pubDate: string;
  category?: string[];
}
interface Channel {
  title: string;
  link: string;
  description: string;
  language: string;
  pubDate: string;
  lastBuildDate: string;
  'atom:link': { '@href': string; '@rel': string; '@type': string }[];
  item: RssItem[];
}

const channelOf = async (path: string) => {
  const doc = xml.parse(await (await get(path)).text()) as {
    rss: { '@version': string; '@xmlns:atom': string; channel: Channel };
  };
  return doc.rss;
};

describe('RSS 2.0 feeds', () => {
  it('have the required channel elements, a self link and the language', async () => {
    const s = await snapshot();
    for (const path of feedPaths(s, 'feed.xml')) {
      const rss = await channelOf(path);
      expect(rss['@version']).toBe('2.0');
      expect(rss['@xmlns:atom']).toBe('http://www.w3.org/2005/Atom');
      const c = rss.channel;
      expect(text(c.title).length).toBeGreaterThan(0);
      expect(text(c.description).length).toBeGreaterThan(0);
      expect(text(c.link)).toBe(path === '/feed.xml' ? `${ORIGIN}/` : `${ORIGIN}${path.replace('/feed.xml', '')}`);
      expect(c['atom:link']).toEqual([{ '@href': `${ORIGIN}${path}`, '@rel': 'self', '@type': 'application/rss+xml' }]);
      expect(text(c.language)).toBe('zh-CN');
      expect(text(c.lastBuildDate)).toMatch(/^\w{3}, \d{2} \w{3} \d{4} 00:00:00 \+0800$/);
      for (const item of c.item) {
        expect(text(item.title).length).toBeGreaterThan(0);
        expect(text(item.description).length).toBeGreaterThan(0);
        expect(text(item.link)).toMatch(new RegExp(`^${ORIGIN}/`));
        expect(item.guid['@isPermaLink']).toBe('false');
        expect(item.guid['#text']).toMatch(/^tag:zhuzhou-innovation-open-data,2026:/);
      }
    }
  });

  it('date items in RFC 822: dataset releases by issued, events by their first day', async () => {
    const s = await snapshot();
    const c = (await channelOf('/feed.xml')).channel;
    expect(c.item).toHaveLength(s.datasets.length + s.news.length);
    const byGuid = new Map(c.item.map((i) => [i.guid['#text'], i]));
    for (const d of s.datasets) {
      const item = byGuid.get(`tag:zhuzhou-innovation-open-data,2026:datasets/${d.id}`)!;
      expect(Date.parse(text(item.pubDate))).toBe(Date.parse(`${d.issued}T00:00:00+08:00`));
      expect(text(item.link)).toBe(`${ORIGIN}/datasets/${d.id}`);
    }
    for (const n of s.news) {
      const item = byGuid.get(`tag:zhuzhou-innovation-open-data,2026:news/${n.id}`)!;
      expect(Date.parse(text(item.pubDate))).toBe(Date.parse(`${periodStart(n.date)}T00:00:00+08:00`));
    }
    expect(text(byGuid.get('tag:zhuzhou-innovation-open-data,2026:news/job-fair-guizhou')!.pubDate)).toBe(
      'Wed, 19 Apr 2023 00:00:00 +0800',
    );
  });

  it('carry the figures with qualifiers as HTML in the description, in the one language of the feed', async () => {
    const c = (await channelOf('/feed.xml')).channel;
    const targets = c.item.find((i) => i.guid['#text'].endsWith(':datasets/targets-2023'))!;
    const html = text(targets.description);
    expect(html.startsWith('<div lang="zh-CN">')).toBe(true);
    expect(html).toContain('12%以上（2023年）');
    expect(html).toContain('500件左右');
    expect(html).toContain('150家以上');
    expect(html).not.toContain('at least 12%');
    expect(targets.category).toEqual(['2023年科技创新攻坚目标']);
    const en = (await channelOf('/en/feed.xml')).channel;
    const english = text(en.item.find((i) => i.guid['#text'].endsWith(':datasets/targets-2023'))!.description);
    expect(english.startsWith('<div lang="en">')).toBe(true);
    expect(english).toContain('at least 12% (2023)');
    expect(english).not.toContain('12%以上');
  });

  it('speak English under /en and with ?lang=en', async () => {
    for (const path of ['/en/feed.xml', '/feed.xml?lang=en']) {
      const en = (await channelOf(path)).channel;
      expect(text(en.language)).toBe('en');
      expect(text(en.title)).toBe('Zhuzhou Innovation Open Data');
      expect(text(en.link)).toBe(`${ORIGIN}/en/`);
      expect(en['atom:link'][0]!['@href']).toBe(`${ORIGIN}/en/feed.xml`);
      expect(en.item.every((i) => !/[\u4e00-\u9fff]/.test(text(i.title)))).toBe(true);
    }
  });
});
