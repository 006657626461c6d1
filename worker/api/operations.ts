/**
 * Every operation of the JSON API, reads and writes, described once. `worker/api/index.ts` registers a handler for
 * each under its method (the compiler insists on all of them), and `worker/api/openapi` documents each, so the router
 * and the OpenAPI document cannot drift apart.
 */
import type * as v from 'valibot';
import { API_ROUTES, openApiPath } from '../links';
import { MAX_BATCH } from '../store';
import type { ParamName } from './params';
import {
  ApiIndexSchema,
  ApiIndicatorSchema,
  ApiNewsItemSchema,
  BatchBodySchema,
  BatchResultSchema,
  ChangeLogSchema,
  DatasetBodySchema,
  DatasetDetailSchema,
  DatasetListSchema,
  HistorySchema,
  IndicatorBodySchema,
  IndicatorListSchema,
  NewsBodySchema,
  NewsListSchema,
  ObservationBodySchema,
  RevisionSchema,
  SeriesSchema,
  WithdrawalBodySchema,
  WriteResultSchema,
} from './schema';

/** One operation: a read (`get`, answered for `HEAD` too) or a write (`post`). */
export interface Operation {
  /** `get` (and `HEAD`), or `post`: a write, which needs a bearer token. */
  readonly method: 'get' | 'post';
  /** Unique, stable; also the OpenAPI `operationId`. */
  readonly id: string;
  /** The path below `/api/v1` in OpenAPI template form (`/datasets/{id}.csv`), derived from `route`. */
  readonly path: string;
  /** The route pattern below `/api/v1`, from the link module's `API_ROUTES`. */
  readonly route: string;
  readonly tag: 'meta' | 'datasets' | 'indicators' | 'news' | 'revisions' | 'publishing';
  readonly summary: string;
  readonly description: string;
  /** Query parameters it takes; anything else is a 400. */
  readonly params: readonly ParamName[];
  /** The `{id}` path parameter, if any: what it names. */
  readonly pathId?: 'dataset' | 'indicator' | 'news item' | 'revision';
  /** JSON body schema (bilingual form; `?lang=` gives its one-language form). */
  readonly json?: v.GenericSchema;
  /** Whether it has a CSV representation. */
  readonly csv?: boolean;
  /** Whether the JSON form is an OpenAPI document rather than data (no `lang`). */
  readonly plain?: boolean;
  /** Writes: the JSON request body. */
  readonly body?: v.GenericSchema;
  /** Writes: the 201 body. */
  readonly created?: v.GenericSchema;
  /** Writes to an indicator: `If-Match` takes its ETag. */
  readonly ifMatch?: boolean;
}

/** An operation's route, and the same path as OpenAPI writes it. */
const apiRoute = (route: string) => ({ route, path: openApiPath(route) });

/** The operations in route-matching order. */
export const OPERATIONS = [
  // Reads: every one is `get` (and `HEAD`).
  {
    method: 'get',
    id: 'getIndex',
    ...apiRoute(API_ROUTES.index),
    tag: 'meta',
    summary: 'What this service publishes',
    description:
      'Title, licence, data version and links to every collection, the OpenAPI document, the HTML pages and the feeds.',
    params: ['lang'],
    json: ApiIndexSchema,
  },
  {
    method: 'get',
    id: 'getOpenApi',
    ...apiRoute(API_ROUTES.openapi),
    tag: 'meta',
    summary: 'This OpenAPI 3.1 document',
    description: 'Generated from the same valibot schemas that validate the data and the query parameters.',
    params: [],
    plain: true,
  },
  {
    method: 'get',
    id: 'listDatasets',
    ...apiRoute(API_ROUTES.datasets),
    tag: 'datasets',
    summary: 'List the datasets',
    description:
      'The datasets in display order, a page at a time (`limit`, default 100; `after`, the last dataset id you have; `Link: <…>; rel="next"` while there is more), each with its indicator count, dates and links to its JSON, CSV, HTML page and feeds.',
    params: ['lang', 'vintage', 'after', 'limit'],
    json: DatasetListSchema,
  },
  {
    method: 'get',
    id: 'getDatasetCsv',
    ...apiRoute(API_ROUTES.datasetCsv),
    tag: 'datasets',
    summary: 'One dataset as CSV',
    description:
      'The indicators of one dataset as UTF-8 CSV with a byte order mark (opens correctly in Excel), one row per indicator, a page at a time as the JSON (`limit`, `after`, `Link: <…>; rel="next"`); columns follow the Indicator schema.',
    params: ['lang', 'vintage', 'after', 'limit'],
    pathId: 'dataset',
    csv: true,
  },
  {
    method: 'get',
    id: 'getDataset',
    ...apiRoute(API_ROUTES.dataset),
    tag: 'datasets',
    summary: 'One dataset with its indicators',
    description: `The dataset and its indicators, a page of them at a time (\`limit\`, default 100; \`after\`, the last indicator id you have; \`Link: <…>; rel="next"\` while there is more; \`indicatorCount\` counts them all). \`?format=csv\` or \`Accept: text/csv\` gives the same table as \`${openApiPath(API_ROUTES.datasetCsv)}\`.`,
    params: ['lang', 'format', 'vintage', 'after', 'limit'],
    pathId: 'dataset',
    json: DatasetDetailSchema,
    csv: true,
  },
  {
    method: 'get',
    id: 'listIndicatorsCsv',
    ...apiRoute(API_ROUTES.indicatorsCsv),
    tag: 'indicators',
    summary: 'All indicators as CSV',
    description:
      'The catalog (or the filtered part of it) as a CSV table, one row per indicator, a page at a time (`limit`, default 100; `after`; `Link: <…>; rel="next"` while there is more: follow it for the rest).',
    params: ['dataset', 'kind', 'unit', 'qualifier', 'measure', 'lang', 'vintage', 'after', 'limit'],
    csv: true,
  },
  {
    method: 'get',
    id: 'listIndicators',
    ...apiRoute(API_ROUTES.indicators),
    tag: 'indicators',
    summary: 'List, filter or batch-fetch indicators',
    description:
      'Without `ids`: the indicators in catalog order, optionally filtered (filters combine with AND), a page at a time (`limit`, default 100; `after`, the last indicator id you have; `Link: <…>; rel="next"` while there is more). With `ids`: exactly those indicators in the order given, plus `missing` for ids that do not exist (the widgets\' one request per page); no paging.',
    params: ['ids', 'dataset', 'kind', 'unit', 'qualifier', 'measure', 'lang', 'format', 'vintage', 'after', 'limit'],
    json: IndicatorListSchema,
    csv: true,
  },
  {
    method: 'get',
    id: 'getIndicator',
    ...apiRoute(API_ROUTES.indicator),
    tag: 'indicators',
    summary: 'One indicator',
    description:
      'One figure of the article: value in base units, unit, qualifier, kind, period, as-of date, relations and the verbatim source sentence.',
    params: ['lang', 'vintage'],
    pathId: 'indicator',
    json: ApiIndicatorSchema,
  },
  {
    method: 'get',
    id: 'listNews',
    ...apiRoute(API_ROUTES.news),
    tag: 'news',
    summary: 'The dated events',
    description: 'The events the article reports (job fair, visits, roadshow) with their real dates, newest first.',
    params: ['lang'],
    json: NewsListSchema,
  },
  {
    method: 'get',
    id: 'getNewsItem',
    ...apiRoute(API_ROUTES.newsItem),
    tag: 'news',
    summary: 'One dated event',
    description: 'One event with its date or date range, place, summary, related indicators and source sentence.',
    params: ['lang'],
    pathId: 'news item',
    json: ApiNewsItemSchema,
  },
  {
    method: 'get',
    id: 'getSeries',
    ...apiRoute(API_ROUTES.indicatorSeries),
    tag: 'revisions',
    summary: "An indicator's series",
    description:
      'One observation per reference period (the latest revision of each period), oldest period first, each with its source and the revision that published it. `?format=csv` or `Accept: text/csv` gives CSV. Withdrawn indicators keep their series.',
    params: ['lang', 'format', 'vintage'],
    pathId: 'indicator',
    json: SeriesSchema,
    csv: true,
  },
  {
    method: 'get',
    id: 'getHistory',
    ...apiRoute(API_ROUTES.indicatorHistory),
    tag: 'revisions',
    summary: "An indicator's history",
    description:
      'Every revision of the indicator, oldest first: its creation, each observation and correction, its withdrawal. `?format=csv` or `Accept: text/csv` gives CSV (without the definition and links).',
    params: ['lang', 'format', 'vintage'],
    pathId: 'indicator',
    json: HistorySchema,
    csv: true,
  },
  {
    method: 'get',
    id: 'listRevisions',
    ...apiRoute(API_ROUTES.revisions),
    tag: 'revisions',
    summary: 'The change log',
    description:
      'Every revision of every dataset, indicator and news item, oldest first, a page at a time. `after` is the id of the last revision you have; while there is more, `Link: <…>; rel="next"` names the next page. Poll with the last id to get what is new.',
    params: ['after', 'limit', 'lang'],
    json: ChangeLogSchema,
  },
  {
    method: 'get',
    id: 'getRevision',
    ...apiRoute(API_ROUTES.revision),
    tag: 'revisions',
    summary: 'One revision (permalink)',
    description: 'One published change, for good: revisions are never edited or deleted.',
    params: ['lang'],
    pathId: 'revision',
    json: RevisionSchema,
  },
  // Writes: each needs `Authorization: Bearer <token>`; `?dry-run=true` validates and previews without writing.
  {
    method: 'post',
    id: 'postObservation',
    ...apiRoute(API_ROUTES.indicatorRevisions),
    tag: 'publishing',
    summary: 'Publish a figure of an indicator',
    description:
      "A new observation, or a correction of an existing period (the latest revision of a period wins; the current value is the observation whose period ends last). Send the indicator's ETag as `If-Match` to write only if nobody changed it since you read it.",
    params: ['dry-run'],
    pathId: 'indicator',
    body: ObservationBodySchema,
    created: WriteResultSchema,
    ifMatch: true,
  },
  {
    method: 'post',
    id: 'postWithdrawal',
    ...apiRoute(API_ROUTES.indicatorWithdrawal),
    tag: 'publishing',
    summary: 'Withdraw an indicator',
    description:
      'Takes the indicator out of the current data. Its history and series stay, its id is never reused, and it takes no new figures.',
    params: ['dry-run'],
    pathId: 'indicator',
    body: WithdrawalBodySchema,
    created: WriteResultSchema,
    ifMatch: true,
  },
  {
    method: 'post',
    id: 'postIndicator',
    ...apiRoute(API_ROUTES.datasetIndicators),
    tag: 'publishing',
    summary: 'Create an indicator in a dataset',
    description: 'A new indicator with its first observation. Its id must be new (ids are never reused).',
    params: ['dry-run'],
    pathId: 'dataset',
    body: IndicatorBodySchema,
    created: WriteResultSchema,
  },
  {
    method: 'post',
    id: 'postDataset',
    ...apiRoute(API_ROUTES.datasets),
    tag: 'publishing',
    summary: 'Create a dataset',
    description: 'A new dataset. It is listed once it has an indicator. Its id must be new.',
    params: ['dry-run'],
    body: DatasetBodySchema,
    created: WriteResultSchema,
  },
  {
    method: 'post',
    id: 'postNews',
    ...apiRoute(API_ROUTES.news),
    tag: 'publishing',
    summary: 'Publish a news item',
    description: 'A dated news item, or a correction of one (same id).',
    params: ['dry-run'],
    body: NewsBodySchema,
    created: WriteResultSchema,
  },
  {
    method: 'post',
    id: 'postRevisions',
    ...apiRoute(API_ROUTES.revisions),
    tag: 'publishing',
    summary: 'Publish several revisions at once',
    description: `Up to ${MAX_BATCH} revisions of any kind (\`kind\`: observation, indicator, dataset, withdrawal, news), written in one transaction: all or none. Rows may build on earlier rows (a dataset, then its indicators). Every bad row is named as \`revisions.<n>.<field>\`.`,
    params: ['dry-run'],
    body: BatchBodySchema,
    created: BatchResultSchema,
  },
] as const satisfies readonly Operation[];

/** An operation's id. */
export type OperationId = (typeof OPERATIONS)[number]['id'];
