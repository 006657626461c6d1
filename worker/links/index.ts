/**
 * Every public URL of the service is spelled here and nowhere else: the route patterns the features register
 * ({@link ROUTES}, {@link API_ROUTES}, the feed routes of {@link FEED_FORMATS}) and the builders of links to them, which
 * fill those same patterns. Moving a route or adding a feed format changes this folder only.
 *
 * Builders return paths (`/datasets/x`); {@link absolute} puts the public origin in front where a link leaves the site
 * (feeds, embed code, JSON). Browser-safe: the widget builds its API requests here too.
 *
 * @example
 * pages.get(localized('zh', ROUTES.dataset), handler)   // registers /datasets/:id
 * datasetPath('x', 'en')                                // '/en/datasets/x'
 */
import { LANG_PREFIX } from '../language/tags';
import type { Lang } from '../schema';
import { FEED_FORMATS, type FeedFormat } from './feed-formats';

export { FEED_FORMAT_NAMES, FEED_FORMATS, type FeedFormat } from './feed-formats';

// Each pattern is its own constant so a bundle that builds one link (the widget) carries only that pattern, not the
// tables; the tables below are made of the same constants.
const HOME = '/';
const DATASETS = '/datasets';
const DATASET = '/datasets/:id';
const INDICATOR = '/indicators/:id';
const PROBLEMS = '/problems';
const PROBLEM = '/problems/:type';
const SITE_ASSET = '/assets/:file';
const WIDGET = '/widget.js';
const WIDGET_FILE = '/widgets/:file';
const FRAME_SCRIPT = '/embed/resize.js';
const HOST_SCRIPT = '/embed/host.js';
const FRAME_STYLES = '/embed/frame.css';
const DEMO_STYLES = '/embed/demo.css';
const DATASET_FRAME = '/embed/dataset/:id';
const INDICATOR_FRAME = '/embed/:id';
const BADGE = '/badge/:file';
const OEMBED = '/oembed';
const DEMO = '/demo';
const PUBLISH = '/publish';
const INDICATORS = '/indicators';
const NEWS = '/news/:id';
const API_REFERENCE = '/api-reference';
const ROBOTS = '/robots.txt';
const SITEMAP = '/sitemap.xml';
const FAVICON = '/favicon.svg';

/** Route patterns of the site (Hono syntax), language-neutral: {@link localized} adds the `/en` prefix. */
export const ROUTES = {
  home: HOME,
  dataset: DATASET,
  indicator: INDICATOR,
  problems: PROBLEMS,
  problem: PROBLEM,
  siteAsset: SITE_ASSET,
  widget: WIDGET,
  widgetFile: WIDGET_FILE,
  frameScript: FRAME_SCRIPT,
  hostScript: HOST_SCRIPT,
  frameStyles: FRAME_STYLES,
  demoStyles: DEMO_STYLES,
  datasetFrame: DATASET_FRAME,
  indicatorFrame: INDICATOR_FRAME,
  badge: BADGE,
  oembed: OEMBED,
  demo: DEMO,
  publish: PUBLISH,
  indicators: INDICATORS,
  news: NEWS,
  apiReference: API_REFERENCE,
  robots: ROBOTS,
  sitemap: SITEMAP,
  favicon: FAVICON,
} as const;

/** Where the JSON and CSV API is mounted. */
export const API_BASE = '/api/v1';
const API_INDEX = '/';
const API_DATASETS = '/datasets';
const API_DATASET = '/datasets/:id';
const API_INDICATORS = '/indicators';

/**
 * Route patterns of the API below {@link API_BASE}, in matching order where it matters: `.csv` paths use a regex so
 * they match before the plain `:id`.
 */
export const API_ROUTES = {
  index: API_INDEX,
  openapi: '/openapi.json',
  datasets: API_DATASETS,
  datasetCsv: '/datasets/:id{[^/]+\\.csv}',
  dataset: API_DATASET,
  indicatorsCsv: '/indicators.csv',
  indicators: API_INDICATORS,
  indicator: '/indicators/:id',
  indicatorSeries: '/indicators/:id/series',
  indicatorHistory: '/indicators/:id/history',
  /** `POST`: a new observation or a correction. */
  indicatorRevisions: '/indicators/:id/revisions',
  /** `POST`: takes the indicator out of the current data (its history stays). */
  indicatorWithdrawal: '/indicators/:id/withdrawal',
  /** `POST`: a new indicator in the dataset. */
  datasetIndicators: '/datasets/:id/indicators',
  news: '/news',
  newsItem: '/news/:id',
  /** The global change log (`?after=<revision id>`); `POST` takes a batch, all or nothing. */
  revisions: '/revisions',
  revision: '/revisions/:id',
} as const;

/** Whether a path is in the API's namespace (`/api`, `/api/…`), where every answer, errors included, is JSON. */
export const isApiPath = (path: string): boolean =>
  path === API_BASE.slice(0, 4) || path.startsWith(API_BASE.slice(0, 5));

/**
 * Feed route patterns: the catalog's, a dataset's and an indicator's, for one format, in one language: Chinese at
 * the root (`/feed.xml`), English under `/en` (`/en/feed.xml`), as pages are.
 */
export const feedRoutes = (
  format: FeedFormat,
  lang: Lang = 'zh',
): { catalog: string; dataset: string; indicator: string } => ({
  catalog: localized(lang, `/${FEED_FORMATS[format].file}`),
  dataset: localized(lang, `${DATASET}/${FEED_FORMATS[format].file}`),
  indicator: localized(lang, `${INDICATOR}/${FEED_FORMATS[format].file}`),
});

/**
 * A route pattern with its parameters filled in (a parameter's regex, if any, is dropped with it).
 *
 * @example fill('/datasets/:id{[^/]+\\.csv}', { id: 'x.csv' }) // '/datasets/x.csv'
 */
export const fill = (route: string, params: Readonly<Record<string, string>> = {}): string =>
  route.replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string) => params[name] ?? '');

/**
 * The parameters of `path` if it matches a route pattern (plain `:name` parameters; a trailing slash is tolerated),
 * else `undefined`.
 *
 * @example matchRoute('/datasets/:id', '/datasets/x/') // { id: 'x' }
 */
export function matchRoute(route: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const source = route
    .split(/(:\w+)/)
    .map((part) => {
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(part.slice(1));
      return '([^/]+)';
    })
    .join('');
  const match = new RegExp(`^${source}/?$`).exec(path);
  return match ? Object.fromEntries(names.map((name, n) => [name, match[n + 1]!])) : undefined;
}

/** An API route pattern as the OpenAPI document writes it: `/datasets/{id}.csv`. */
export const openApiPath = (route: string): string =>
  route.replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string, regex?: string) =>
    regex?.endsWith('\\.csv}') ? `{${name}}.csv` : `{${name}}`,
  );

/** A site route in one language: `/en` in front for English, and `/en/` for the English home page. */
export const localized = (lang: Lang, route: string): string => LANG_PREFIX[lang] + route;

/** `origin` + `path`: a link that leaves the site. */
export const absolute = (origin: string, path: string): string => origin + path;

// Pages.

/** The landing page (`/`, `/en/`), optionally at one of its anchors. */
export const homePath = (lang: Lang, anchor?: string): string => localized(lang, HOME) + (anchor ? `#${anchor}` : '');
// `fill(DATASET, { id })` and `fill(INDICATOR, { id })`, written out: fewer bytes in the widget.
export const datasetPath = (id: string, lang: Lang): string => localized(lang, `${DATASETS}/${id}`);
export const indicatorPath = (id: string, lang: Lang): string => localized(lang, `${INDICATORS}/${id}`);
export const problemsPath = (lang: Lang): string => localized(lang, PROBLEMS);
/** A problem type's page; also the `type` of a problem document (the Chinese page, no language prefix). */
export const problemPath = (type: string, lang: Lang = 'zh'): string => localized(lang, fill(PROBLEM, { type }));
/** A landing-page anchor of a news event (its entry in the list of events; its own page is {@link newsPath}). */
export const newsAnchor = (id: string): string => `news-${id}`;
export const siteAsset = (file: string): string => fill(SITE_ASSET, { file });

// The API.

const api = (route: string, params?: Record<string, string>): string =>
  API_BASE + (route === API_INDEX ? '' : fill(route, params));
export const apiIndex = (): string => api(API_ROUTES.index);
export const apiOpenApi = (): string => api(API_ROUTES.openapi);
export const apiDatasets = (): string => api(API_DATASETS);
/** `api(API_DATASET, { id })`, written out: fewer bytes in the widget. */
export const apiDataset = (id: string): string => `${API_BASE}${API_DATASETS}/${id}`;
export const apiDatasetCsv = (id: string): string => api(API_ROUTES.datasetCsv, { id: `${id}.csv` });
export const apiIndicators = (): string => api(API_INDICATORS);
export const apiIndicatorsCsv = (): string => api(API_ROUTES.indicatorsCsv);
export const apiIndicator = (id: string): string => api(API_ROUTES.indicator, { id });
/** A batch of indicators (the API takes up to 50 ids). */
export const apiIndicatorBatch = (ids: readonly string[]): string => `${API_BASE}${API_INDICATORS}?ids=${ids.join()}`;
export const apiNews = (): string => api(API_ROUTES.news);
export const apiNewsItem = (id: string): string => api(API_ROUTES.newsItem, { id });
/** An indicator's observations, oldest period first. */
export const apiSeries = (id: string): string => api(API_ROUTES.indicatorSeries, { id });
/** An indicator's revisions, oldest first. */
export const apiHistory = (id: string): string => api(API_ROUTES.indicatorHistory, { id });
/** Where a new observation of an indicator is posted. */
export const apiIndicatorRevisions = (id: string): string => api(API_ROUTES.indicatorRevisions, { id });
export const apiIndicatorWithdrawal = (id: string): string => api(API_ROUTES.indicatorWithdrawal, { id });
/** Where a new indicator of a dataset is posted. */
export const apiDatasetIndicators = (id: string): string => api(API_ROUTES.datasetIndicators, { id });
/** The change log, from the revision after `after` on, `limit` a page. */
export const apiRevisions = (after?: string, limit?: number): string =>
  api(API_ROUTES.revisions) +
  (after === undefined ? '' : `?after=${encodeURIComponent(after)}`) +
  (limit === undefined ? '' : `${after === undefined ? '?' : '&'}limit=${limit}`);
/** A revision's permalink. */
export const apiRevision = (id: string): string => api(API_ROUTES.revision, { id });

// Feeds.

/**
 * A feed: the whole catalog (`/feed.xml`) or one dataset's (`/datasets/<id>/feed.xml`), in one language: Chinese at
 * the root (the default), English under `/en` (`/en/feed.xml`).
 */
export function feedPath(format: FeedFormat, datasetId?: string, lang: Lang = 'zh'): string {
  const routes = feedRoutes(format, lang);
  return datasetId === undefined ? routes.catalog : fill(routes.dataset, { id: datasetId });
}

/** An indicator's feed (every revision of its figure), in one language, as {@link feedPath}. */
export const indicatorFeedPath = (format: FeedFormat, id: string, lang: Lang = 'zh'): string =>
  fill(feedRoutes(format, lang).indicator, { id });

/** The catalog page of every indicator. */
export const indicatorsPath = (lang: Lang): string => localized(lang, INDICATORS);
/** A news event's permalink page. */
export const newsPath = (id: string, lang: Lang): string => localized(lang, fill(NEWS, { id }));
/** The API reference for people, rendered from the OpenAPI document. */
export const apiReferencePath = (lang: Lang): string => localized(lang, API_REFERENCE);
export const robotsPath = (): string => ROBOTS;
export const sitemapPath = (): string => SITEMAP;
export const faviconPath = (): string => FAVICON;

/** The data officers' publishing page. */
export const publishPath = (lang: Lang): string => localized(lang, PUBLISH);

// The embed kit.

/** What a card shows: one indicator, or one dataset's figures. */
export type EmbedKind = 'indicator' | 'dataset';

/** The human page of an indicator or dataset. */
export const kindPath = (kind: EmbedKind, id: string, lang: Lang): string =>
  kind === 'indicator' ? indicatorPath(id, lang) : datasetPath(id, lang);

export const widgetScriptPath = (): string => WIDGET;
export const widgetFile = (file: string): string => fill(WIDGET_FILE, { file });
export const frameScriptPath = (): string => FRAME_SCRIPT;
export const hostScriptPath = (): string => HOST_SCRIPT;
export const frameStylesPath = (): string => FRAME_STYLES;
export const demoStylesPath = (): string => DEMO_STYLES;
export const demoPath = (): string => DEMO;

/**
 * Which indicator or dataset a path of this site shows, read back from its page (`/indicators/:id`,
 * `/en/datasets/:id`, with the language of the prefix) or its iframe card (`/embed/:id`, `/embed/dataset/:id`, whose
 * language is in the query). `undefined` for any other path.
 */
export function readEmbeddablePath(path: string): { kind: EmbedKind; id: string; lang?: Lang } | undefined {
  for (const lang of Object.keys(LANG_PREFIX) as Lang[]) {
    for (const kind of ['indicator', 'dataset'] as const) {
      const params = matchRoute(localized(lang, kind === 'indicator' ? INDICATOR : DATASET), path);
      if (params?.id) return { kind, id: params.id, lang };
    }
  }
  const dataset = matchRoute(DATASET_FRAME, path);
  if (dataset?.id) return { kind: 'dataset', id: dataset.id };
  const indicator = matchRoute(INDICATOR_FRAME, path);
  return indicator?.id ? { kind: 'indicator', id: indicator.id } : undefined;
}

/**
 * The iframe card. Embed code always names `lang`, so the frame never guesses, and `theme` only when not the default;
 * the API's links name neither.
 */
export function framePath(kind: EmbedKind, id: string, lang?: Lang, theme?: string): string {
  const path = fill(kind === 'indicator' ? INDICATOR_FRAME : DATASET_FRAME, { id });
  return lang ? `${path}?lang=${lang}${theme ? `&theme=${theme}` : ''}` : path;
}

/** The SVG badge of an indicator; `?lang=en` only for English, Chinese being every page's default. */
export const badgePath = (id: string, lang: Lang): string =>
  fill(BADGE, { file: `${id}.svg` }) + (lang === 'zh' ? '' : `?lang=${lang}`);

/** The oEmbed endpoint for a page URL (the discovery `<link>` points here). */
export const oembedPath = (pageUrl: string): string => `${OEMBED}?url=${encodeURIComponent(pageUrl)}&format=json`;
