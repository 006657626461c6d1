import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import {
  datasetItemId,
  feedId,
  indicatorFeedId,
  newsItemId,
  revisionItemId,
  TAG_AUTHORITY,
  TAG_DATE,
  tagUri,
} from '../../../worker/feeds/ids';
import { get, snapshot, text, xml } from './helpers';

/**
 * RFC 4151 §2.1: tag:<DNSname or email>,<date>:<specific>, where specific is
 * pchar / "/" / "?" (RFC 3986) and the date is YYYY, YYYY-MM or YYYY-MM-DD.
 */
const DNS_COMP = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const PCHAR = "[A-Za-z0-9\\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2}";
const TAG_URI = new RegExp(`^tag:${DNS_COMP}(?:\\.${DNS_COMP})*,\\d{4}(?:-\\d{2}(?:-\\d{2})?)?:(?:${PCHAR})*$`);

const atomIds = async (url: string) => {
  const body = await (await exports.default.fetch(url)).text();
  const feed = xml.parse(body).feed as {
    id: string;
    link: { '@rel': string; '@href': string }[];
    entry: { id: string }[];
  };
  return {
    feed: text(feed.id),
    entries: feed.entry.map((e) => text(e.id)),
    self: feed.link.find((l) => l['@rel'] === 'self')!['@href'],
  };
};

describe('feed and item ids', () => {
  it('are tag: URIs under a fixed authority, in RFC 4151 syntax', async () => {
    const s = await snapshot();
    expect(TAG_AUTHORITY).toBe('zhuzhou-innovation-open-data');
    expect(TAG_DATE).toBe('2026');
    const ids = [
      tagUri('feed'),
      feedId(undefined, undefined),
      feedId('rd-investment', 'en'),
      ...s.datasets.map((d) => datasetItemId(d.id)),
      ...s.news.map((n) => newsItemId(n.id)),
      ...s.indicators.map((i) => indicatorFeedId(i.id, 'zh')),
      ...s.indicators.map((i) => revisionItemId(`seed-indicator-${i.id}`)),
      revisionItemId(crypto.randomUUID()),
    ];
    for (const id of ids) expect(id).toMatch(TAG_URI);
  });

  it('never change: published ids are permanent', () => {
    expect(newsItemId('job-fair-guizhou')).toBe('tag:zhuzhou-innovation-open-data,2026:news/job-fair-guizhou');
    expect(datasetItemId('innovation-platforms')).toBe(
      'tag:zhuzhou-innovation-open-data,2026:datasets/innovation-platforms',
    );
    expect(feedId(undefined, undefined)).toBe('tag:zhuzhou-innovation-open-data,2026:feed');
    expect(feedId('innovation-platforms', 'en')).toBe(
      'tag:zhuzhou-innovation-open-data,2026:datasets/innovation-platforms/feed?lang=en',
    );
    expect(revisionItemId('seed-indicator-platforms-total')).toBe(
      'tag:zhuzhou-innovation-open-data,2026:revisions/seed-indicator-platforms-total',
    );
    expect(indicatorFeedId('platforms-total', undefined)).toBe(
      'tag:zhuzhou-innovation-open-data,2026:indicators/platforms-total/feed',
    );
  });

  it('do not depend on the host the feed is fetched from, while self links do', async () => {
    const a = await atomIds('http://example.com/feed.atom');
    const b = await atomIds('https://opendata.zhuzhou.example/feed.atom');
    expect(b.feed).toBe(a.feed);
    expect(b.entries).toEqual(a.entries);
    expect(a.self).toBe('http://example.com/feed.atom');
    expect(b.self).toBe('https://opendata.zhuzhou.example/feed.atom');
  });

  it('are unique in a feed, and an item keeps its id across feeds and languages', async () => {
    const s = await snapshot();
    const catalog = (await atomIds('http://example.com/feed.atom')).entries;
    expect(new Set(catalog).size).toBe(s.datasets.length + s.news.length);
    for (const d of s.datasets) {
      for (const path of [`/datasets/${d.id}/feed.atom`, `/en/datasets/${d.id}/feed.atom`]) {
        const feed = xml.parse(await (await get(path)).text()).feed as {
          entry: { id: string }[];
        };
        const entries = feed.entry.map((e) => text(e.id));
        expect(new Set(entries).size).toBe(entries.length);
        for (const id of entries) expect(catalog).toContain(id);
        expect(entries).toContain(datasetItemId(d.id));
      }
    }
  });
});
