import { describe, expect, it } from 'vitest';
import { periodStart } from '../../../worker/feeds/dates';
import { feedPaths, get, ORIGIN, snapshot, text, xml } from './helpers';

interface Link {
  '@rel': string;
  '@type': string;
  '@href': string;
  '@title'?: string;
}
interface Entry {
  id: string;
  title: { '#text': string; '@type': string };
  link: Link[];
  published: string;
  updated: string;
  summary: { '#text': string; '@type': string };
  content: { '#text': string; '@type': string };
  category?: { '@term': string; '@scheme': string; '@label': string }[];
  author?: unknown;
}
interface AtomFeed {
  '@xmlns': string;
  '@xml:lang': string;
  id: string;
  title: unknown;
  updated: string;
  author: { name: string; uri: string };
  link: Link[];
  entry: Entry[];
}

const feedOf = async (path: string) => {
  const body = await (await get(path)).text();
  return { body, feed: (xml.parse(body) as { feed: AtomFeed }).feed };
};

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

describe('Atom 1.0 feeds', () => {
  it('meet the feed-level MUSTs of RFC 4287 and put the alternate link first', async () => {
    const s = await snapshot();
    for (const path of feedPaths(s, 'feed.atom')) {
      const { body, feed } = await feedOf(path);
      expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
      expect(feed['@xml:lang']).toBe('zh-CN');
      expect(text(feed.id)).toMatch(/^tag:/);
      expect(text(feed.title).length).toBeGreaterThan(0);
      expect(text(feed.updated)).toMatch(RFC3339);
      expect(text(feed.author.name).length).toBeGreaterThan(0);
      // The first child element of the feed is its alternate link to the HTML page.
      expect(body).toMatch(/<feed [^>]*>\s*<link rel="alternate" type="text\/html" href="[^"]+"\/>/);
      const alternate = feed.link.filter((l) => l['@rel'] === 'alternate');
      expect(alternate).toHaveLength(1);
      expect(alternate[0]!['@href']).toBe(
        path === '/feed.atom' ? `${ORIGIN}/` : `${ORIGIN}${path.replace('/feed.atom', '')}`,
      );
      expect(feed.link.filter((l) => l['@rel'] === 'self')).toEqual([
        { '@rel': 'self', '@type': 'application/atom+xml', '@href': `${ORIGIN}${path}` },
      ]);
      // Feed updated is the newest entry's.
      const newest = Math.max(...feed.entry.map((e) => Date.parse(text(e.updated))));
      expect(Date.parse(text(feed.updated))).toBe(newest);
    }
  });

  it('give every entry id, title, updated, one alternate link first, summary and HTML content', async () => {
    const s = await snapshot();
    const { body, feed } = await feedOf('/feed.atom');
    expect(feed.entry).toHaveLength(s.datasets.length + s.news.length);
    expect(body.match(/<entry>\s*<link rel="alternate"/g)).toHaveLength(feed.entry.length);
    for (const entry of feed.entry) {
      expect(text(entry.id)).toMatch(/^tag:zhuzhou-innovation-open-data,2026:(datasets|news)\/[a-z0-9-]+$/);
      expect(entry.title['@type']).toBe('text');
      expect(text(entry.published)).toMatch(RFC3339);
      expect(text(entry.updated)).toMatch(RFC3339);
      expect(Date.parse(text(entry.updated))).toBeGreaterThanOrEqual(Date.parse(text(entry.published)));
      const alternates = entry.link.filter((l) => l['@rel'] === 'alternate');
      expect(alternates).toHaveLength(1);
      expect(entry.link[0]!['@rel']).toBe('alternate');
      expect(entry.summary['@type']).toBe('text');
      expect(entry.content['@type']).toBe('html');
      expect(text(entry.content)).toMatch(/^<div lang="zh-CN">/);
    }
  });

  it('date releases by issued and modified, and events by their first day', async () => {
    const s = await snapshot();
    const { feed } = await feedOf('/feed.atom');
    const byId = new Map(feed.entry.map((e) => [text(e.id), e]));
    for (const d of s.datasets) {
      const e = byId.get(`tag:zhuzhou-innovation-open-data,2026:datasets/${d.id}`)!;
      expect(text(e.published)).toBe(`${d.issued}T00:00:00+08:00`);
      expect(text(e.updated)).toBe(`${d.modified}T00:00:00+08:00`);
      expect(e.category).toEqual([{ '@term': d.id, '@scheme': `${ORIGIN}/datasets/`, '@label': d.title.zh }]);
    }
    for (const n of s.news) {
      const e = byId.get(`tag:zhuzhou-innovation-open-data,2026:news/${n.id}`)!;
      expect(text(e.published)).toBe(`${periodStart(n.date)}T00:00:00+08:00`);
    }
  });

  it('link an event to the datasets that hold its figures', async () => {
    const { feed } = await feedOf('/feed.atom');
    const roadshow = feed.entry.find((e) => text(e.id).endsWith(':news/innovation-roadshow-zhuzhou'))!;
    expect(roadshow.link.filter((l) => l['@rel'] === 'related').map((l) => l['@href'])).toEqual([
      `${ORIGIN}/datasets/talent-cooperation`,
    ]);
    // The entry's own page is the event's.
    expect(roadshow.link[0]).toMatchObject({
      '@rel': 'alternate',
      '@href': `${ORIGIN}/news/innovation-roadshow-zhuzhou`,
    });
    const html = text(roadshow.content);
    expect(html).toContain('2023年4月26日');
    expect(html).toContain('8项');
    expect(html).toContain(`href="${ORIGIN}/indicators/roadshow-achievements"`);
  });

  it('state the language of a one-language feed in xml:lang', async () => {
    expect((await feedOf('/feed.atom')).feed['@xml:lang']).toBe('zh-CN');
    expect((await feedOf('/en/feed.atom')).feed['@xml:lang']).toBe('en');
    expect((await feedOf('/feed.atom?lang=en')).feed['@xml:lang']).toBe('en');
    expect((await feedOf('/en/datasets/rd-investment/feed.atom')).feed['@xml:lang']).toBe('en');
    expect((await feedOf('/datasets/rd-investment/feed.atom?lang=zh')).feed['@xml:lang']).toBe('zh-CN');
  });
});
