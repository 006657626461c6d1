/**
 * What a feed says, independent of its format: built once per data version,
 * scope, language and origin, then written as RSS, Atom and JSON Feed.
 */
import type { Snapshot } from '../data-source';
import { LANG_TAGS, paren } from '../language';
import {
  absolute,
  datasetPath,
  FEED_FORMAT_NAMES,
  type FeedFormat,
  feedPath,
  homePath,
  indicatorFeedPath,
} from '../links';
import type { Indicator, Lang, Localized, NewsItem } from '../schema';
import type { Revision } from '../store';
import { instant, periodStart } from './dates';
import { datasetItemId, feedId, indicatorFeedId, newsItemId, revisionItemId } from './ids';
import {
  type Change,
  changeBlocks,
  changeHeadline,
  changeSentence,
  changeUrl,
  MAX_REVISION_ITEMS,
  revisionLog,
} from './revisions';
import {
  type Block,
  blocksHtml,
  blocksText,
  datasetBlocks,
  datasetItemSummary,
  datasetItemTitle,
  feedTitle,
  labelWithKind,
  newsBlocks,
  urlsFor,
} from './text';

/** A category of an item: a dataset it belongs to or reports on. */
export interface FeedCategory {
  /** The dataset id. */
  term: string;
  /** Base of `term`: the dataset pages' URL prefix. */
  scheme: string;
  label: string;
}

/** One entry: a dataset's release, a news event, or a published revision. */
export interface FeedItem {
  /** Permanent `tag:` URI, the same in every feed and language. */
  id: string;
  /** The item's HTML page. */
  url: string;
  title: string;
  /**
   * A calendar day `YYYY-MM-DD` (a dataset's `issued`, an event's first day: midnight in Zhuzhou) or an instant
   * (a revision's publication, UTC ISO 8601); see `instant()` in `dates.ts`.
   */
  published: string;
  /** As `published`: a dataset's `modified`, an event's first day, a revision's publication. */
  updated: string;
  /** Plain-text summary. */
  summary: string;
  /** The full body as an HTML fragment, in the feed's language. */
  html: string;
  /** The full body as plain text. */
  text: string;
  categories: FeedCategory[];
  /** Pages the item refers to besides its own (an event's datasets). */
  related: { href: string; title: string }[];
}

/** A feed: the whole catalog, one dataset or one indicator, in one language. */
export interface Feed {
  id: string;
  title: string;
  description: string;
  /** BCP 47 tag of its language. */
  language: string;
  /** The HTML page the feed stands for. */
  homePage: string;
  /** Absolute URL of this feed in each format (the `self` links). */
  urls: Record<FeedFormat, string>;
  /** The newest item's `updated` (a day or an instant, as items have them). */
  updated: string;
  author: { name: string; url: string };
  rights: string;
  items: FeedItem[];
}

/** What a feed covers and how it speaks. */
export interface FeedScope {
  /** One dataset's feed; the whole catalog when absent. */
  datasetId?: string;
  /** One indicator's feed: every revision of its figure (not with `datasetId`). */
  indicatorId?: string;
  /** The one language the feed speaks: titles, text and the pages it links to. */
  lang: Lang;
  /** Absolute origin for links (`publicOrigin`). */
  origin: string;
}

/**
 * Which variant a feed's id names (see `ids.ts`): none for Chinese, the root feed's own id, which every subscriber
 * of the root had before feeds were split by language (its `?lang=zh` variant is the same feed now); `en` for English,
 * the id the `?lang=en` feed always had.
 */
const variantOf = (lang: Lang): Lang | undefined => (lang === 'zh' ? undefined : lang);

/**
 * The feed for `scope`. Items are newest first by publication time, then in catalog order (revisions: log order,
 * newest first). The catalog's feed holds every dataset's release, every event and the newest
 * {@link MAX_REVISION_ITEMS} revisions published after the seed (but for news and new listed datasets, which their
 * own items tell); a dataset's feed holds its release, the events that report its figures and its revisions; an
 * indicator's feed holds its revisions, the seed's original publication included.
 * @throws {Error} when `scope.datasetId` or `scope.indicatorId` is unknown (routes check first).
 */
export function buildFeed(snapshot: Snapshot, scope: FeedScope): Feed {
  const { datasetId, indicatorId, lang, origin } = scope;
  // Links of the feed and its items go to the pages in the feed's language.
  const urls = urlsFor(origin);
  const body = (blocks: Block[]) => ({ html: blocksHtml(blocks, lang).markup, text: blocksText(blocks) });
  const category = (d: { id: string; title: Localized }): FeedCategory => ({
    term: d.id,
    // The scheme names the taxonomy (dataset ids), not a page: the same in both languages.
    scheme: absolute(origin, datasetPath('', 'zh')),
    label: d.title[lang],
  });
  const log = revisionLog(snapshot);

  const revisionItem = (change: Change): FeedItem => {
    const url = changeUrl(change, snapshot, lang, urls);
    const { revision } = change;
    return {
      id: revisionItemId(revision.id),
      url,
      title: changeHeadline(change, lang),
      published: revision.publishedAt,
      updated: revision.publishedAt,
      summary: changeSentence(change, lang),
      ...body(changeBlocks(change, snapshot.meta, lang, url)),
      categories: change.datasets.flatMap((id) => {
        const title = snapshot.dataset(id)?.title ?? log.datasetTitle(id);
        return title ? [category({ id, title })] : [];
      }),
      related: [],
    };
  };

  if (indicatorId !== undefined) {
    const history = log.history(indicatorId);
    if (!history) throw new Error(`No indicator "${indicatorId}"`);
    return feedOf(snapshot, {
      id: indicatorFeedId(indicatorId, variantOf(lang)),
      title: feedTitle(indicatorTitle(history, snapshot, indicatorId, lang), snapshot.meta.title[lang], lang),
      description: indicatorDescription(history, snapshot)[lang],
      homePage: urls.indicator(indicatorId, lang),
      path: (f) => indicatorFeedPath(f, indicatorId, lang),
      items: history.slice(0, MAX_REVISION_ITEMS).map(revisionItem),
      lang,
      origin,
    });
  }

  const dataset = datasetId === undefined ? undefined : snapshot.dataset(datasetId);
  if (datasetId !== undefined && !dataset) throw new Error(`No dataset "${datasetId}"`);
  const datasets = dataset ? [dataset] : snapshot.datasets;

  const datasetItems = datasets.map(
    (d): FeedItem => ({
      id: datasetItemId(d.id),
      url: urls.dataset(d.id, lang),
      title: datasetItemTitle(d, lang),
      published: d.issued,
      updated: d.modified,
      summary: datasetItemSummary(d, snapshot.meta, lang),
      ...body(datasetBlocks(d, snapshot.meta, lang, urls)),
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
    // Published live: when it first appeared, and when it was last corrected (feed readers then show it as updated).
    const dates = log.newsDates(news.id);
    return [
      {
        id: newsItemId(news.id),
        // Every event has its own page (`/news/:id`, `/en/news/:id`).
        url: urls.news(news.id, lang),
        title: news.title[lang],
        published: dates.published ?? day,
        updated: dates.updated ?? dates.published ?? day,
        summary: news.summary[lang],
        ...body(newsBlocks(news, indicators, reported, lang, urls)),
        categories: reported.map(category),
        related: reported.map((d) => ({ href: urls.dataset(d.id, lang), title: d.title[lang] })),
      },
    ];
  });

  // One item per story: a news revision is told by its event's item, and a new dataset's by its release item once it
  // is listed; a second item saying the same would show twice in a reader.
  const toldByItsOwnItem = (revision: Revision) =>
    revision.kind === 'news' || (revision.kind === 'dataset' && snapshot.dataset(revision.dataset.id) !== undefined);
  const revisionItems = log
    .published(
      MAX_REVISION_ITEMS,
      (revision, datasets) => !toldByItsOwnItem(revision) && (!dataset || datasets.includes(dataset.id)),
    )
    .map(revisionItem);

  const { meta } = snapshot;
  return feedOf(snapshot, {
    id: feedId(datasetId, variantOf(lang)),
    title: dataset ? feedTitle(dataset.title[lang], meta.title[lang], lang) : meta.title[lang],
    description: (dataset ? dataset.description : meta.description)[lang],
    homePage: dataset ? urls.dataset(dataset.id, lang) : urls.home(lang),
    path: (f) => feedPath(f, datasetId, lang),
    items: [...revisionItems, ...datasetItems, ...newsItems],
    lang,
    origin,
  });
}

/**
 * Items a feed carries at most: the newest. Today's catalog feed has 11 (7 datasets, 4 events, and revisions as they
 * come, at most {@link MAX_REVISION_ITEMS}); a catalog of 100 datasets would otherwise carry them all on every poll.
 */
export const MAX_ITEMS = 100;

/**
 * The feed around its items: sorted newest first (stable: equal times keep the given order), the newest
 * {@link MAX_ITEMS} of them, dated by the newest.
 */
function feedOf(
  snapshot: Snapshot,
  parts: {
    id: string;
    title: string;
    description: string;
    homePage: string;
    path: (format: FeedFormat) => string;
    items: FeedItem[];
    lang: Lang;
    origin: string;
  },
): Feed {
  const { meta } = snapshot;
  const items = parts.items
    .map((item) => ({ item, at: instant(item.published) }))
    .sort((a, b) => b.at - a.at)
    .slice(0, MAX_ITEMS)
    .map(({ item }) => item);
  const updated = items.reduce<string | undefined>(
    (max, item) => (max === undefined || instant(item.updated) > instant(max) ? item.updated : max),
    undefined,
  );
  return {
    id: parts.id,
    title: parts.title,
    description: parts.description,
    language: LANG_TAGS[parts.lang],
    homePage: parts.homePage,
    urls: Object.fromEntries(FEED_FORMAT_NAMES.map((f) => [f, absolute(parts.origin, parts.path(f))])) as Record<
      FeedFormat,
      string
    >,
    updated: updated ?? meta.article.published,
    author: { name: meta.publisher[parts.lang], url: absolute(parts.origin, homePath(parts.lang)) },
    rights: meta.license.name + paren(parts.lang, meta.license.url),
    items,
  };
}

/** An indicator's name with its kind: as served, else as it was defined (a withdrawn indicator keeps its feed). */
function indicatorTitle(history: readonly Change[], snapshot: Snapshot, id: string, lang: Lang): string {
  const indicator = snapshot.indicator(id) ?? history.find((c) => c.definition)?.definition;
  return indicator ? labelWithKind(indicator, lang) : id;
}

/** What an indicator's feed is about: its description, else its label. */
function indicatorDescription(history: readonly Change[], snapshot: Snapshot): Localized {
  const definition = history.find((c) => c.definition)?.definition;
  return definition?.description ?? definition?.label ?? snapshot.meta.description;
}
