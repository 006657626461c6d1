/**
 * Live publishing in the feeds: revisions written to the D1 log become items of the catalog's, the dataset's and the
 * indicator's feeds, in words, through the real app over the test D1 with the real migrations.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../worker/app';
import type { Snapshot } from '../../../worker/data-source';
import { buildFeed } from '../../../worker/feeds/model';
import { MAX_REVISION_ITEMS } from '../../../worker/feeds/revisions';
import {
  appendRevision,
  buildLiveSnapshot,
  bundledData,
  d1Source,
  type LiveSource,
  type Revision,
  seedRevisions,
} from '../../../worker/store';
import { freshDb, manualClock, observation } from '../store/support';
import { get as getSelf, ORIGIN, text, xml } from './helpers';

const TAG = 'tag:zhuzhou-innovation-open-data,2026:';
const SOURCE = {
  publisher: { zh: '株洲日报', en: 'Zhuzhou Daily' },
  title: { zh: '上半年科技创新平台建设情况', en: 'Innovation platforms in the first half of 2023' },
  url: 'https://example.com/report-2023-h1',
};
/** An indicator and a dataset that an officer creates after the seed. */
const NEW_FIGURE = {
  id: 'new-rd-institutions',
  label: { zh: '新型研发机构', en: 'New-type R&D institutions' },
  unit: 'count',
  unitLabel: { zh: '家', en: 'institutions' },
  kind: 'actual',
  measure: 'level',
} as const;
const NEW_DATASET = {
  id: 'rd-institutions',
  title: { zh: '研发机构', en: 'R&D institutions' },
  description: { zh: '株洲的研发机构。', en: 'R&D institutions in Zhuzhou.' },
  issued: '2026-11-28',
  modified: '2026-11-28',
};

interface AtomEntry {
  id: string;
  title: unknown;
  published: string;
  updated: string;
  link: { '@rel': string; '@href': string }[];
  content: unknown;
}
interface RssItem {
  title: string;
  link: string;
  guid: unknown;
  pubDate: string;
  description: string;
}
interface JsonItem {
  id: string;
  url: string;
  title: string;
  content_text: string;
  content_html: string;
  date_published: string;
  date_modified: string;
}

let source: LiveSource;
let fetchApp: (path: string) => Promise<Response>;
/** Revisions written by the tests, by name. */
const written: Record<string, Revision> = {};

async function publish(name: string, body: Record<string, unknown>): Promise<Revision> {
  const result = await source.append(body);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result)}`);
  written[name] = result.revision;
  return result.revision;
}

const atomEntries = async (path: string): Promise<AtomEntry[]> => {
  const res = await fetchApp(path);
  expect(res.status, path).toBe(200);
  return (xml.parse(await res.text()).feed.entry ?? []) as AtomEntry[];
};
const rssItems = async (path: string): Promise<RssItem[]> => {
  const res = await fetchApp(path);
  expect(res.status, path).toBe(200);
  return (xml.parse(await res.text()).rss.channel.item ?? []) as RssItem[];
};
const jsonItems = async (path: string): Promise<JsonItem[]> => {
  const res = await fetchApp(path);
  expect(res.status, path).toBe(200);
  return ((await res.json()) as { items: JsonItem[] }).items;
};
const itemId = (revision: Revision) => `${TAG}revisions/${revision.id}`;

beforeAll(async () => {
  source = d1Source(await freshDb(), { now: manualClock().now });
  const app = createApp(source);
  fetchApp = async (path) => app.request(`${ORIGIN}${path}`, {}, env);
  // The first read seeds the store.
  expect((await fetchApp('/feed.xml')).status).toBe(200);

  await publish(
    'next',
    observation('platforms-national', {
      period: '2023-06-30',
      asOf: '2023-06-30',
      value: 61,
      figure: '61家',
      source: SOURCE,
      reason: '上半年新增1家国家级平台',
      publisher: 'officer-a',
    }),
  );
  await publish(
    'correction',
    observation('platforms-national', {
      period: '2023-06-30',
      asOf: '2023-06-30',
      value: 62,
      qualifier: 'exact',
      source: SOURCE,
      reason: '漏计1家',
      publisher: 'officer-b',
    }),
  );
  await publish('withdrawal', {
    kind: 'withdrawal',
    indicator: 'little-giants-key',
    reason: '口径调整',
    publisher: 'officer-a',
  });
  await publish('indicator', {
    kind: 'indicator',
    dataset: 'innovation-platforms',
    indicator: NEW_FIGURE,
    period: '2023-06-30',
    value: 25,
    qualifier: 'at_least',
    figure: '25家以上',
    source: { ...SOURCE, quote: '全市共有新型研发机构25家以上。' },
    reason: '新增指标',
    publisher: 'officer-a',
  });
  await publish('dataset', {
    kind: 'dataset',
    dataset: NEW_DATASET,
    reason: '新数据集',
    publisher: 'officer-a',
  });
  await publish('news', {
    kind: 'news',
    news: {
      id: 'platforms-h1',
      date: '2023-07-05',
      title: { zh: '上半年新增国家级平台', en: 'A new national platform in the first half' },
      summary: { zh: '上半年新增1家国家级科技创新平台。', en: 'One new national-level platform in the first half.' },
      indicators: ['platforms-national'],
    },
    source: SOURCE,
    reason: '新闻发布',
    publisher: 'officer-a',
  });
});

describe('a revision published after the seed', () => {
  it('is served live', async () => {
    const res = await fetchApp('/indicators/platforms-national/feed.atom');
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Data-State')).toBe('live');
  });

  it('states the change in words, Chinese and English: previous value → new value, with the date and reason', async () => {
    const zh = await jsonItems('/indicators/platforms-national/feed.json?lang=zh');
    const en = await jsonItems('/indicators/platforms-national/feed.json?lang=en');
    const next = itemId(written.next!);
    expect(zh.find((i) => i.id === next)!.content_text).toContain(
      '国家级科技创新平台：60家 → 61家（截至2023年6月30日）。说明：上半年新增1家国家级平台',
    );
    expect(en.find((i) => i.id === next)!.content_text).toContain(
      'National-level innovation platforms: 60 → 61 platforms (as of 30 June 2023). Reason: 上半年新增1家国家级平台',
    );
    expect(zh.find((i) => i.id === next)!.title).toBe('国家级科技创新平台：60家 → 61家（截至2023年6月30日）');
    expect(en.find((i) => i.id === next)!.title).toBe(
      'National-level innovation platforms: 60 → 61 platforms (as of 30 June 2023)',
    );
  });

  it('says what kind of change it is: correction, new figure, withdrawal, new dataset', async () => {
    const zh = await jsonItems('/feed.json?lang=zh');
    const en = await jsonItems('/feed.json?lang=en');
    const find = (items: JsonItem[], name: string) => items.find((i) => i.id === itemId(written[name]!))!;
    expect(find(zh, 'correction').content_text).toContain(
      '更正：国家级科技创新平台：61家 → 62家（截至2023年6月30日）。说明：漏计1家',
    );
    expect(find(en, 'correction').content_text).toContain(
      'Correction: National-level innovation platforms: 61 → 62 platforms (as of 30 June 2023). Reason: 漏计1家',
    );
    // A first observation has no arrow.
    expect(find(zh, 'indicator').content_text).toContain(
      '新指标：新型研发机构：25家以上（2023年6月30日）。说明：新增指标',
    );
    expect(find(en, 'indicator').content_text).toContain(
      'New figure: New-type R&D institutions: at least 25 institutions (30 June 2023). Reason: 新增指标',
    );
    expect(find(zh, 'indicator').content_text).not.toContain('→');
    const keyLabel = bundledData()
      .datasets.flatMap((d) => d.indicators)
      .find((i) => i.id === 'little-giants-key')!.label;
    expect(find(zh, 'withdrawal').content_text).toContain(`停止发布：${keyLabel.zh}。说明：口径调整`);
    expect(find(en, 'withdrawal').content_text).toContain(`Withdrawn: ${keyLabel.en}. Reason: 口径调整`);
    expect(find(zh, 'dataset').content_text).toContain('新数据集：研发机构。说明：新数据集');
    expect(find(en, 'dataset').content_text).toContain('New dataset: R&D institutions. Reason: 新数据集');
  });

  it('is one item when it is news: the event’s own, dated by its publication', async () => {
    const event = `${TAG}news/platforms-h1`;
    for (const path of ['/feed.json', '/en/feed.json', '/datasets/innovation-platforms/feed.json']) {
      const items = await jsonItems(path);
      expect(items.filter((i) => i.id === event).length, path).toBe(1);
      // No second item for the same story.
      expect(
        items.map((i) => i.id),
        path,
      ).not.toContain(itemId(written.news!));
      const story = items.filter((i) => i.title.includes('上半年新增国家级平台') || i.title.includes('first half'));
      expect(story.length, path).toBe(1);
    }
    const zh = (await jsonItems('/feed.json')).find((i) => i.id === event)!;
    expect(zh.title).toBe('上半年新增国家级平台');
    expect(zh.content_text).toContain('上半年新增1家国家级科技创新平台。');
    // Dated when it was published (the event itself was on 5 July 2023), so readers see it as new.
    expect(Date.parse(zh.date_published)).toBe(Date.parse(written.news!.publishedAt));
    expect(Date.parse(zh.date_modified)).toBe(Date.parse(written.news!.publishedAt));
    // The seed's events keep their own day.
    const seedEvent = (await jsonItems('/feed.json')).find((i) => i.id === `${TAG}news/job-fair-guizhou`)!;
    expect(seedEvent.date_published).toMatch(/^2023-/);
  });

  it('names its source with its address, and its publisher', async () => {
    const [zh] = (await jsonItems('/indicators/platforms-national/feed.json?lang=zh')).filter(
      (i) => i.id === itemId(written.next!),
    );
    expect(zh!.content_text).toContain(`来源：株洲日报《上半年科技创新平台建设情况》 ${SOURCE.url}`);
    expect(zh!.content_text).toContain('发布者：officer-a');
    expect(zh!.content_html).toContain(`<a href="${SOURCE.url}">株洲日报《上半年科技创新平台建设情况》</a>`);
    const [en] = (await jsonItems('/indicators/platforms-national/feed.json?lang=en')).filter(
      (i) => i.id === itemId(written.next!),
    );
    expect(en!.content_text).toContain(
      `Source: Zhuzhou Daily, “Innovation platforms in the first half of 2023” ${SOURCE.url}`,
    );
    expect(en!.content_text).toContain('Published by: officer-a');
    // Quotes are the source's own words: the new indicator's goes with the Chinese text.
    const created = (await jsonItems('/feed.json?lang=zh')).find((i) => i.id === itemId(written.indicator!))!;
    expect(created.content_text).toContain('原文：全市共有新型研发机构25家以上。');
  });

  it('is an item of the catalog feed, its dataset feed and its indicator feed, in all three formats', async () => {
    const id = itemId(written.next!);
    for (const path of ['/feed', '/datasets/innovation-platforms/feed', '/indicators/platforms-national/feed']) {
      expect(
        (await atomEntries(`${path}.atom`)).map((e) => e.id),
        path,
      ).toContain(id);
      expect(
        (await rssItems(`${path}.xml`)).map((i) => text(i.guid)),
        path,
      ).toContain(id);
      expect(
        (await jsonItems(`${path}.json`)).map((i) => i.id),
        path,
      ).toContain(id);
    }
    // Not in another dataset's feed.
    expect((await jsonItems('/datasets/specialised-enterprises/feed.json')).map((i) => i.id)).not.toContain(id);
    expect((await jsonItems('/datasets/specialised-enterprises/feed.json')).map((i) => i.id)).toContain(
      itemId(written.withdrawal!),
    );
    // Every revision after the seed is in the catalog (news as its event's item); the existing items stay alongside.
    const catalog = (await jsonItems('/feed.json')).map((i) => i.id);
    for (const revision of Object.values(written))
      expect(catalog).toContain(revision.kind === 'news' ? `${TAG}news/${revision.news.id}` : itemId(revision));
    expect(catalog).toContain(`${TAG}datasets/innovation-platforms`);
    expect(catalog).toContain(`${TAG}news/job-fair-guizhou`);
    expect(catalog.filter((i) => i.includes(':revisions/seed-'))).toEqual([]);
  });

  it('links to the indicator page, in the feed language, and is dated by its publication, newest first', async () => {
    const next = written.next!;
    const entry = (await atomEntries('/indicators/platforms-national/feed.atom?lang=en')).find(
      (e) => e.id === itemId(next),
    )!;
    expect(entry.link[0]).toMatchObject({ '@rel': 'alternate', '@href': `${ORIGIN}/en/indicators/platforms-national` });
    expect(Date.parse(entry.published)).toBe(Date.parse(next.publishedAt));
    expect(Date.parse(entry.updated)).toBe(Date.parse(next.publishedAt));
    expect(entry.published).toMatch(/\+08:00$/);
    const item = (await rssItems('/indicators/platforms-national/feed.xml')).find(
      (i) => text(i.guid) === itemId(next),
    )!;
    expect(item.link).toBe(`${ORIGIN}/indicators/platforms-national`);
    expect(Math.floor(Date.parse(item.pubDate) / 1000)).toBe(Math.floor(Date.parse(next.publishedAt) / 1000));
    const json = (await jsonItems('/indicators/platforms-national/feed.json')).find((i) => i.id === itemId(next))!;
    expect(json.url).toBe(`${ORIGIN}/indicators/platforms-national`);
    expect(Date.parse(json.date_published)).toBe(Date.parse(next.publishedAt));
    // Newest first: the catalog starts with the last write (a news item: its event's own item).
    const [newest] = await jsonItems('/feed.json');
    expect(newest!.id).toBe(`${TAG}news/platforms-h1`);
    // A published news item links to the event's own page, in the feed's language.
    expect(newest!.url).toBe(`${ORIGIN}/news/platforms-h1`);
    expect((await jsonItems('/en/feed.json'))[0]!.url).toBe(`${ORIGIN}/en/news/platforms-h1`);
    expect((await fetchApp('/news/platforms-h1')).status).toBe(200);
    // So does the revision's own record in the API.
    const record = JSON.stringify(await (await fetchApp(`/api/v1/revisions/${written.news!.id}`)).json());
    expect(record).toContain(`"html":"${ORIGIN}/news/platforms-h1"`);
  });

  it('turns the release item of a dataset changed since its release into an update (数据更新 / Data update)', async () => {
    const zh = (await jsonItems('/feed.json')).find((i) => i.id === `${TAG}datasets/innovation-platforms`)!;
    const en = (await jsonItems('/en/feed.json')).find((i) => i.id === zh.id)!;
    expect(zh.title).toBe('数据更新：科技创新平台');
    expect(en.title).toBe('Data update: Science and technology innovation platforms');
    expect(zh.content_text).toMatch(
      /^本站于\d{4}年\d{1,2}月\d{1,2}日更新数据集“科技创新平台”（2026年11月27日首次发布）/,
    );
    expect(Date.parse(zh.date_modified)).toBeGreaterThan(Date.parse(zh.date_published));
    // A dataset nobody has touched since stays a release.
    const untouched = (await jsonItems('/feed.json')).find((i) => i.id === `${TAG}datasets/rd-investment`)!;
    expect(untouched.title).toBe('数据发布：研发投入');
  });

  it('writes Chinese with full-width punctuation; only the source quote and the reason stay as written', async () => {
    for (const item of await jsonItems('/feed.json?lang=zh')) {
      if (!item.id.includes(':revisions/')) continue;
      expect(item.title, item.title).not.toMatch(/[:(),;]/);
      expect(item.title).toMatch(/：/);
    }
    const next = (await jsonItems('/indicators/platforms-national/feed.json?lang=zh')).find(
      (i) => i.id === itemId(written.next!),
    )!;
    expect(next.title).toContain('（截至2023年6月30日）');
    expect(next.content_text).toContain('。说明：');
  });
});

describe('the feed of one indicator', () => {
  const PATH = '/indicators/platforms-national';

  it('holds its revisions newest first, the seed last as the original publication', async () => {
    const zh = await jsonItems(`${PATH}/feed.json?lang=zh`);
    expect(zh.map((i) => i.id)).toEqual([
      itemId(written.correction!),
      itemId(written.next!),
      `${TAG}revisions/seed-indicator-platforms-national`,
    ]);
    const seed = zh.at(-1)!;
    expect(seed.title).toBe('首次发布：国家级科技创新平台：60家（截至2023年3月31日）');
    expect(seed.content_text).toContain('首次发布：国家级科技创新平台：60家（截至2023年3月31日）。');
    expect(seed.content_text).toContain('来源：株洲日报《这场“攻坚战” 株洲这样打》');
    expect(seed.content_text).toContain('发布者：株洲科创开放数据');
    expect(Date.parse(seed.date_published)).toBe(Date.parse('2023-04-28T00:00:00Z'));
    const en = await jsonItems(`${PATH}/feed.json?lang=en`);
    expect(en.at(-1)!.title).toBe(
      'First published: National-level innovation platforms: 60 platforms (as of 31 March 2023)',
    );
  });

  it('parses in every format and language, with its media type, Content-Language and self links', async () => {
    // Request → the language it speaks, its id's variant and where it lives (`?lang=en` is the /en feed).
    const variants = [
      { path: PATH, query: '', language: 'zh-CN', id: '', home: '' },
      { path: PATH, query: '?lang=zh', language: 'zh-CN', id: '', home: '' },
      { path: PATH, query: '?lang=en', language: 'en', id: '?lang=en', home: '/en' },
      { path: `/en${PATH}`, query: '', language: 'en', id: '?lang=en', home: '/en' },
    ];
    for (const { path, query, language, id, home } of variants) {
      const atom = await fetchApp(`${path}/feed.atom${query}`);
      expect(atom.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8');
      expect(atom.headers.get('Content-Language')).toBe(language);
      const feed = xml.parse(await atom.text()).feed;
      expect(feed.id).toBe(`${TAG}indicators/platforms-national/feed${id}`);
      expect(feed.entry).toHaveLength(3);
      expect(feed.link.find((l: { '@rel': string }) => l['@rel'] === 'self')['@href']).toBe(
        `${ORIGIN}${home}${PATH}/feed.atom`,
      );
      expect(feed.link[0]['@href']).toBe(`${ORIGIN}${home}${PATH}`);

      const rss = await fetchApp(`${path}/feed.xml${query}`);
      expect(rss.headers.get('Content-Type')).toBe('application/rss+xml; charset=utf-8');
      expect(rss.headers.get('Content-Language')).toBe(language);
      const channel = xml.parse(await rss.text()).rss.channel;
      expect(channel.item).toHaveLength(3);
      expect(channel.title).toContain(language === 'en' ? 'National-level innovation platforms' : '国家级科技创新平台');
      expect(channel.title).not.toContain(language === 'en' ? '国家级科技创新平台' : 'National-level');

      const json = await fetchApp(`${path}/feed.json${query}`);
      expect(json.headers.get('Content-Type')).toBe('application/feed+json; charset=utf-8');
      expect(json.headers.get('Content-Language')).toBe(language);
      const doc = (await json.json()) as { version: string; feed_url: string; items: unknown[] };
      expect(doc.version).toBe('https://jsonfeed.org/version/1.1');
      expect(doc.feed_url).toBe(`${ORIGIN}${home}${PATH}/feed.json`);
      expect(doc.items).toHaveLength(3);
    }
  });

  it('stays for a withdrawn indicator, with the withdrawal as its newest item', async () => {
    const items = await jsonItems('/indicators/little-giants-key/feed.json?lang=zh');
    expect(items.map((i) => i.id)).toEqual([
      itemId(written.withdrawal!),
      `${TAG}revisions/seed-indicator-little-giants-key`,
    ]);
  });

  it('is a 404 problem for an unknown indicator', async () => {
    for (const path of ['/indicators/no-such-figure/feed.xml', '/indicators/Platforms-National/feed.atom']) {
      const res = await fetchApp(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8');
      expect(((await res.json()) as { detail: string }).detail).toContain('/api/v1/indicators');
    }
  });

  it('is rendered once per data version: the same ETag until the next write', async () => {
    const first = await fetchApp(`${PATH}/feed.atom`);
    const again = await fetchApp(`${PATH}/feed.atom`);
    expect(again.headers.get('ETag')).toBe(first.headers.get('ETag'));
    expect(await again.text()).toBe(await first.text());
  });
});

describe('a news item corrected after it was published', () => {
  it('stays one item: published when it first was, updated when corrected, with the corrected text', async () => {
    const seed = seedRevisions();
    const news = (n: number, summary: string): Revision => ({
      seq: seed.length + n,
      id: `news-${n}`,
      publishedAt: `2026-12-0${n}T02:00:00.000Z`,
      publisher: 'officer-a',
      reason: n === 1 ? '新闻发布' : '更正人数',
      kind: 'news',
      news: {
        id: 'talent-fair',
        date: '2023-07-05',
        title: { zh: '人才招聘会', en: 'A talent fair' },
        summary: { zh: summary, en: 'A talent fair was held.' },
      },
      source: SOURCE,
    });
    const snapshot = await buildLiveSnapshot(bundledData().meta, [
      ...seed,
      news(1, '招聘会吸引300人。'),
      news(2, '招聘会吸引3000人。'),
    ]);
    const items = buildFeed(snapshot, { origin: ORIGIN, lang: 'zh' }).items;
    expect(items.filter((i) => i.id.includes(':revisions/'))).toEqual([]);
    const story = items.filter((i) => i.id === `${TAG}news/talent-fair`);
    expect(story).toHaveLength(1);
    expect(Date.parse(story[0]!.published)).toBe(Date.parse('2026-12-01T02:00:00.000Z'));
    expect(Date.parse(story[0]!.updated)).toBe(Date.parse('2026-12-02T02:00:00.000Z'));
    expect(story[0]!.text).toContain('招聘会吸引3000人。');
    expect(story[0]!.text).not.toContain('300人。');
    // Published last, it is the newest item.
    expect(items[0]!.id).toBe(`${TAG}news/talent-fair`);
  });
});

describe('a dataset created after the seed', () => {
  it('is its release item once it is listed, not a second item', async () => {
    const seed = seedRevisions();
    const at = (n: number) => ({
      seq: seed.length + n,
      id: `rd-${n}`,
      publishedAt: `2026-12-0${n}T02:00:00.000Z`,
      publisher: 'officer-a',
      reason: '新数据集',
    });
    const dataset: Revision = {
      ...at(1),
      kind: 'dataset',
      dataset: NEW_DATASET,
    };
    const unlisted = await buildLiveSnapshot(bundledData().meta, [...seed, dataset]);
    const feedIds = (snapshot: Snapshot) => buildFeed(snapshot, { origin: ORIGIN, lang: 'zh' }).items.map((i) => i.id);
    // With no figure yet it is not listed: the revision item is all there is to tell of it.
    expect(feedIds(unlisted)).toContain(`${TAG}revisions/rd-1`);
    expect(feedIds(unlisted)).not.toContain(`${TAG}datasets/rd-institutions`);
    const figure: Revision = {
      ...at(2),
      kind: 'indicator',
      dataset: 'rd-institutions',
      indicator: NEW_FIGURE,
      observation: { period: '2023-06-30', value: 25, qualifier: 'at_least', source: SOURCE },
    };
    const listed = feedIds(await buildLiveSnapshot(bundledData().meta, [...seed, dataset, figure]));
    expect(listed.filter((id) => id.endsWith('rd-institutions'))).toEqual([`${TAG}datasets/rd-institutions`]);
    expect(listed).not.toContain(`${TAG}revisions/rd-1`);
    // The figure's own revision is still told.
    expect(listed).toContain(`${TAG}revisions/rd-2`);
  });
});

describe('?vintage=', () => {
  it('is accepted by every feed route; the data of 2023-04-30 has no revision items', async () => {
    for (const path of ['/feed', '/datasets/innovation-platforms/feed', '/indicators/platforms-national/feed']) {
      for (const ext of ['xml', 'atom', 'json']) {
        const res = await fetchApp(`${path}.${ext}?vintage=2023-04-30&lang=en`);
        expect(res.status, `${path}.${ext}`).toBe(200);
        const body = await res.text();
        expect(body, `${path}.${ext}`).not.toMatch(/:revisions\/(?!seed-)/);
        expect(body).not.toContain('Reason:');
      }
    }
    const seedOnly = await jsonItems('/indicators/platforms-national/feed.json?vintage=2023-04-30');
    expect(seedOnly.map((i) => i.id)).toEqual([`${TAG}revisions/seed-indicator-platforms-national`]);
    // The new indicator did not exist yet.
    expect((await fetchApp('/indicators/new-rd-institutions/feed.json?vintage=2023-04-30')).status).toBe(404);
    // Today's vintage has them.
    const today = new Date().toISOString().slice(0, 10);
    expect((await jsonItems(`/feed.json?vintage=${today}`)).map((i) => i.id)).toContain(itemId(written.next!));
  });
});

describe('the cap on revision items', () => {
  it(`keeps the newest ${MAX_REVISION_ITEMS} revisions in a feed`, async () => {
    const seed = seedRevisions();
    const extra: Revision[] = Array.from({ length: MAX_REVISION_ITEMS + 5 }, (_, n) => ({
      seq: seed.length + n + 1,
      id: `r${n}`,
      publishedAt: new Date(Date.parse('2026-11-28T00:00:00Z') + n * 1000).toISOString(),
      publisher: 'officer-a',
      reason: `update ${n}`,
      kind: 'observation',
      indicator: 'platforms-total',
      observation: { period: '2023-06-30', value: 700 + n, qualifier: 'exact', source: SOURCE },
    }));
    const snapshot = await buildLiveSnapshot(bundledData().meta, [...seed, ...extra]);
    for (const scope of [{}, { datasetId: 'innovation-platforms' }, { indicatorId: 'platforms-total' }]) {
      const ids = buildFeed(snapshot, { ...scope, origin: ORIGIN, lang: 'zh' })
        .items.map((i) => i.id)
        .filter((id) => id.includes(':revisions/'));
      expect(ids).toHaveLength(MAX_REVISION_ITEMS);
      expect(ids[0]).toBe(`${TAG}revisions/r${MAX_REVISION_ITEMS + 4}`);
    }
  });
});

describe('the Worker itself (SELF over the test D1)', () => {
  it('shows a revision written with appendRevision once the source looks again (at most a second later)', async () => {
    // The log already holds the writes above; the Worker's own source reads it like any isolate would.
    expect((await getSelf('/feed.json')).status).toBe(200);
    const result = await appendRevision(
      env.DB!,
      observation('platforms-total', {
        period: '2023-06-30',
        asOf: '2023-06-30',
        value: 720,
        source: SOURCE,
        reason: '年中统计',
        publisher: 'officer-a',
      }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const res = await getSelf('/indicators/platforms-total/feed.json?lang=zh');
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Data-State')).toBe('live');
    const items = ((await res.json()) as { items: JsonItem[] }).items;
    expect(items[0]!.id).toBe(itemId(result.revision));
    expect(items[0]!.content_text).toContain(
      '全市各类科技创新平台：708家 → 720家（截至2023年6月30日）。说明：年中统计',
    );
    expect((await (await getSelf('/feed.json')).json<{ items: JsonItem[] }>()).items[0]!.id).toBe(
      itemId(result.revision),
    );
  });
});

describe('the indicator page', () => {
  it('advertises the indicator feed with <link rel="alternate"> and links to it: 订阅此指标 / Subscribe to this figure', async () => {
    for (const [prefix, words] of [
      ['', '订阅此指标'],
      ['/en', 'Subscribe to this figure'],
    ] as const) {
      const html = await (await fetchApp(`${prefix}/indicators/platforms-national`)).text();
      for (const [type, file] of [
        ['application/rss+xml', 'feed.xml'],
        ['application/atom+xml', 'feed.atom'],
        ['application/feed+json', 'feed.json'],
      ]) {
        // The feed in the page's language: /en/… on the English page.
        const href = `${prefix}/indicators/platforms-national/${file}`;
        const head = html.split('\n').filter((line) => line.startsWith('<link rel="alternate"'));
        expect(
          head.some((line) => line.includes(`type="${type}"`) && line.includes(`href="${href}"`)),
          `${prefix} ${file}`,
        ).toBe(true);
        expect(html).toContain(`<a href="${href}" type="${type}">`);
        expect(html).not.toContain(`href="${prefix ? '' : '/en'}/indicators/platforms-national/${file}"`);
        const feed = await fetchApp(href);
        expect(feed.status, href).toBe(200);
        expect(feed.headers.get('Content-Language')).toBe(prefix ? 'en' : 'zh-CN');
      }
      expect(html).toContain(words);
    }
  });
});

describe('a source without a revision log (the bundled data alone)', () => {
  it('still gives every indicator a feed: the seed, its original publication', async () => {
    const { bundledSource } = await import('../../../worker/data-source');
    const s = await bundledSource.current();
    for (const indicator of s.indicators) {
      const feed = buildFeed(s, { indicatorId: indicator.id, origin: ORIGIN, lang: 'zh' });
      expect(feed.items.map((i) => i.id)).toEqual([`${TAG}revisions/seed-indicator-${indicator.id}`]);
      expect(feed.items[0]!.title.startsWith('首次发布：')).toBe(true);
    }
    // And no revision items in the catalog.
    expect(buildFeed(s, { origin: ORIGIN, lang: 'zh' }).items.filter((i) => i.id.includes(':revisions/'))).toEqual([]);
  });
});
