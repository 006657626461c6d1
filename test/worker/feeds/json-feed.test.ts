import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { periodStart } from '../../../worker/feeds/dates';
import { feedPaths, get, ORIGIN, snapshot } from './helpers';

/** The parts of JSON Feed 1.1 this service promises, with the spec's types. */
const Item = v.object({
  id: v.pipe(v.string(), v.startsWith('tag:zhuzhou-innovation-open-data,2026:')),
  url: v.pipe(v.string(), v.url()),
  title: v.pipe(v.string(), v.minLength(1)),
  content_html: v.pipe(v.string(), v.minLength(1)),
  content_text: v.pipe(v.string(), v.minLength(1)),
  summary: v.string(),
  date_published: v.pipe(v.string(), v.isoTimestamp()),
  date_modified: v.pipe(v.string(), v.isoTimestamp()),
  tags: v.array(v.string()),
});
const JsonFeed = v.object({
  version: v.literal('https://jsonfeed.org/version/1.1'),
  title: v.pipe(v.string(), v.minLength(1)),
  home_page_url: v.pipe(v.string(), v.url()),
  feed_url: v.pipe(v.string(), v.url()),
  description: v.string(),
  language: v.picklist(['zh-CN', 'en']),
  authors: v.array(v.object({ name: v.string(), url: v.pipe(v.string(), v.url()) })),
  items: v.array(Item),
});

const feedOf = async (path: string) => v.parse(JsonFeed, await (await get(path)).json());

describe('JSON Feed 1.1 feeds', () => {
  it('have version, title, home page, feed URL, language, authors and well-typed items', async () => {
    const s = await snapshot();
    for (const path of feedPaths(s, 'feed.json')) {
      const feed = await feedOf(path);
      expect(feed.feed_url).toBe(`${ORIGIN}${path}`);
      expect(feed.home_page_url).toBe(
        path === '/feed.json' ? `${ORIGIN}/` : `${ORIGIN}${path.replace('/feed.json', '')}`,
      );
      expect(feed.language).toBe('zh-CN');
      expect(feed.authors).toEqual([{ name: s.meta.publisher.zh, url: `${ORIGIN}/` }]);
      expect(new Set(feed.items.map((i) => i.id)).size).toBe(feed.items.length);
    }
  });

  it('date items in RFC 3339 and state the figures in text and HTML', async () => {
    const s = await snapshot();
    const feed = await feedOf('/feed.json');
    const byId = new Map(feed.items.map((i) => [i.id, i]));
    for (const d of s.datasets) {
      const item = byId.get(`tag:zhuzhou-innovation-open-data,2026:datasets/${d.id}`)!;
      expect(item.date_published).toBe(`${d.issued}T00:00:00+08:00`);
      expect(item.date_modified).toBe(`${d.modified}T00:00:00+08:00`);
      expect(item.url).toBe(`${ORIGIN}/datasets/${d.id}`);
      for (const indicator of d.indicators) {
        expect(item.content_text).toContain(indicator.label.zh);
        expect(item.content_text).not.toContain(indicator.label.en);
        expect(item.content_html).toContain(`href="${ORIGIN}/indicators/${indicator.id}"`);
      }
    }
    for (const n of s.news)
      expect(byId.get(`tag:zhuzhou-innovation-open-data,2026:news/${n.id}`)!.date_published).toBe(
        `${periodStart(n.date)}T00:00:00+08:00`,
      );
    const platforms = byId.get('tag:zhuzhou-innovation-open-data,2026:datasets/innovation-platforms')!;
    expect(platforms.content_text).toContain('全市各类科技创新平台：708家（截至2023年3月31日）');
    expect(platforms.content_text).not.toContain('708 platforms');
  });

  it('speak English only under /en and with ?lang=en', async () => {
    for (const path of ['/en/feed.json', '/feed.json?lang=en']) {
      const feed = await feedOf(path);
      expect(feed.language).toBe('en');
      expect(feed.feed_url).toBe(`${ORIGIN}/en/feed.json`);
      expect(feed.home_page_url).toBe(`${ORIGIN}/en/`);
      for (const item of feed.items) expect(item.title).not.toMatch(/[\u4e00-\u9fff]/);
      const platforms = feed.items.find((i) => i.id.endsWith(':datasets/innovation-platforms'))!;
      expect(platforms.content_text).toContain('708 platforms (as of 31 March 2023)');
    }
  });
});
