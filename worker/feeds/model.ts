/**
 * What a feed says, independent of its format: built once per data version,
 * scope, language and origin, then written as RSS, Atom and JSON Feed.
 */
import type { Snapshot } from '../data-source';
import { LANG_TAGS } from '../language';
import { absolute, datasetPath, FEED_FORMAT_NAMES, type FeedFormat, feedPath, newsAnchor } from '../links';
import type { Dataset, Indicator, Lang, Localized, NewsItem } from '../schema';
import { periodStart } from './dates';
import { datasetItemId, feedId, newsItemId } from './ids';
import { type Block, blocksHtml, blocksText, datasetBlocks, datasetItemTitle, newsBlocks, urlsFor } from './text';

/** A category of an item: a dataset it belongs to or reports on. */
export interface FeedCategory {
  /** The dataset id. */
  term: string;
  /** Base of `term`: the dataset pages' URL prefix. */
  scheme: string;
  label: string;
}

/** One entry: a dataset's release or a news event. */
export interface FeedItem {
  /** Permanent `tag:` URI, the same in every feed and language. */
  id: string;
  /** The item's HTML page. */
  url: string;
  title: string;
  /** `YYYY-MM-DD`: a dataset's `issued`, an event's first day. */
  published: string;
  /** `YYYY-MM-DD`: a dataset's `modified`; an event's first day. */
  updated: string;
  /** Plain-text summary. */
  summary: string;
  /** The full body as an HTML fragment, Chinese first. */
  html: string;
  /** The full body as plain text. */
  text: string;
  categories: FeedCategory[];
  /** Pages the item refers to besides its own (an event's datasets). */
  related: { href: string; title: string }[];
}

/** A feed: the whole catalog or one dataset, in one language variant. */
export interface Feed {
  id: string;
  title: string;
  description: string;
  /** BCP 47 tag of the main language. */
  language: string;
  /** The HTML page the feed stands for. */
  homePage: string;
  /** Absolute URL of this feed in each format (the `self` links). */
  urls: Record<FeedFormat, string>;
  /** `YYYY-MM-DD`: the newest item's `updated`. */
  updated: string;
  author: { name: string; url: string };
  rights: string;
  items: FeedItem[];
}

/** What a feed covers and how it speaks. */
export interface FeedScope {
  /** One dataset's feed; the whole catalog when absent. */
  datasetId?: string;
  /** One language; Chinese with English alongside when absent. */
  lang?: Lang;
  /** Absolute origin for links (`publicOrigin`). */
  origin: string;
}

/** The languages a variant speaks, the original first. */
const languagesOf = (lang: Lang | undefined): Lang[] => (lang ? [lang] : ['zh', 'en']);

/**
 * The feed for `scope`. Items are newest first by publication date, then in
 * catalog order. A dataset's feed holds its release and the events that
 * report its figures.
 * @throws {Error} when `scope.datasetId` is not in the snapshot (routes check first).
 */
export function buildFeed(snapshot: Snapshot, scope: FeedScope): Feed {
  const { datasetId, lang, origin } = scope;
  const langs = languagesOf(lang);
  // Links of the feed and its items go to the pages in the feed's main language.
  const main = langs[0]!;
  const urls = urlsFor(origin);
  const both = (text: Localized, separator = ' · ') => langs.map((l) => text[l]).join(separator);
  const body = (blocks: (l: Lang) => Block[]) => ({
    html: langs.map((l) => blocksHtml(blocks(l), l).markup).join('\n'),
    text: langs.map((l) => blocksText(blocks(l))).join('\n\n'),
  });
  const category = (d: Dataset): FeedCategory => ({
    term: d.id,
    scheme: absolute(origin, datasetPath('', 'zh')),
    label: both(d.title),
  });

  const dataset = datasetId === undefined ? undefined : snapshot.dataset(datasetId);
  if (datasetId !== undefined && !dataset) throw new Error(`No dataset "${datasetId}"`);
  const datasets = dataset ? [dataset] : snapshot.datasets;

  const datasetItems = datasets.map(
    (d): FeedItem => ({
      id: datasetItemId(d.id),
      url: urls.dataset(d.id, main),
      title: langs.map((l) => datasetItemTitle(d, l)).join(' · '),
      published: d.issued,
      updated: d.modified,
      summary: both(d.description, '\n\n'),
      ...body((l) => datasetBlocks(d, snapshot.meta, l, urls)),
      categories: [category(d)],
      related: [],
    }),
  );

  const newsItems = snapshot.news.flatMap((news: NewsItem): FeedItem[] => {
    const indicators = (news.indicators ?? [])
      .map((id) => snapshot.indicator(id))
      .filter((i): i is Indicator => i !== undefined);
    const reported = snapshot.datasets.filter((d) => indicators.some((i) => i.dataset === d.id));
    if (dataset && !reported.includes(dataset)) return [];
    const day = periodStart(news.date);
    return [
      {
        id: newsItemId(news.id),
        // The landing page lists the events; each has the anchor `news-<id>`.
        url: urls.home(main, newsAnchor(news.id)),
        title: both(news.title),
        published: day,
        updated: day,
        summary: both(news.summary, '\n\n'),
        ...body((l) => newsBlocks(news, indicators, reported, l, urls)),
        categories: reported.map(category),
        related: reported.map((d) => ({ href: urls.dataset(d.id, main), title: both(d.title) })),
      },
    ];
  });

  // Array.prototype.sort is stable: equal dates keep catalog order.
  const items = [...datasetItems, ...newsItems].sort((a, b) =>
    a.published < b.published ? 1 : a.published > b.published ? -1 : 0,
  );
  const updated = items.reduce((max, item) => (item.updated > max ? item.updated : max), '0000-01-01');
  const { meta } = snapshot;
  const site = both(meta.title);

  return {
    id: feedId(datasetId, lang),
    title: dataset ? `${both(dataset.title)} — ${site}` : site,
    description: both(dataset ? dataset.description : meta.description, '\n\n'),
    language: LANG_TAGS[main],
    homePage: dataset ? urls.dataset(dataset.id, main) : urls.home(main),
    urls: Object.fromEntries(
      FEED_FORMAT_NAMES.map((f) => [f, absolute(origin, feedPath(f, datasetId, lang))]),
    ) as Record<FeedFormat, string>,
    updated,
    author: { name: both(meta.publisher), url: urls.home(main) },
    rights: `${meta.license.name} (${meta.license.url})`,
    items,
  };
}
