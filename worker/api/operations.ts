/**
 * Every operation of the JSON API, described once. `worker/api/index.ts`
 * registers a handler for each (the compiler insists on all of them), and
 * `worker/openapi` documents each, so the router and the OpenAPI document
 * cannot drift apart.
 */
import type * as v from 'valibot';
import { API_ROUTES, openApiPath } from '../links';
import type { ParamName } from './params';
import {
  ApiIndexSchema,
  ApiIndicatorSchema,
  ApiNewsItemSchema,
  DatasetDetailSchema,
  DatasetListSchema,
  IndicatorListSchema,
  NewsListSchema,
} from './schema';

/** One `GET` (and `HEAD`) operation. */
export interface Operation {
  /** Unique, stable; also the OpenAPI `operationId`. */
  readonly id: string;
  /** The path below `/api/v1` in OpenAPI template form (`/datasets/{id}.csv`), derived from `route`. */
  readonly path: string;
  /** The route pattern below `/api/v1`, from the link module's `API_ROUTES`. */
  readonly route: string;
  readonly tag: 'meta' | 'datasets' | 'indicators' | 'news';
  readonly summary: string;
  readonly description: string;
  /** Query parameters it takes; anything else is a 400. */
  readonly params: readonly ParamName[];
  /** The `{id}` path parameter, if any: what it names. */
  readonly pathId?: 'dataset' | 'indicator' | 'news item';
  /** JSON body schema (bilingual form; `?lang=` gives its one-language form). */
  readonly json?: v.GenericSchema;
  /** Whether it has a CSV representation. */
  readonly csv?: boolean;
  /** Whether the JSON form is an OpenAPI document rather than data (no `lang`). */
  readonly plain?: boolean;
}

/** An operation's route, and the same path as OpenAPI writes it. */
const apiRoute = (route: string) => ({ route, path: openApiPath(route) });

/** The operations in route-matching order. */
export const OPERATIONS = [
  {
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
    id: 'getOpenApi',
    ...apiRoute(API_ROUTES.openapi),
    tag: 'meta',
    summary: 'This OpenAPI 3.1 document',
    description: 'Generated from the same valibot schemas that validate the data and the query parameters.',
    params: [],
    plain: true,
  },
  {
    id: 'listDatasets',
    ...apiRoute(API_ROUTES.datasets),
    tag: 'datasets',
    summary: 'List the datasets',
    description:
      'Every dataset in display order, with its indicator count, dates and links to its JSON, CSV, HTML page and feeds.',
    params: ['lang'],
    json: DatasetListSchema,
  },
  {
    id: 'getDatasetCsv',
    ...apiRoute(API_ROUTES.datasetCsv),
    tag: 'datasets',
    summary: 'One dataset as CSV',
    description:
      'The indicators of one dataset as UTF-8 CSV with a byte order mark (opens correctly in Excel), one row per indicator; columns follow the Indicator schema.',
    params: ['lang'],
    pathId: 'dataset',
    csv: true,
  },
  {
    id: 'getDataset',
    ...apiRoute(API_ROUTES.dataset),
    tag: 'datasets',
    summary: 'One dataset with its indicators',
    description: `The dataset and every indicator in it. \`?format=csv\` or \`Accept: text/csv\` gives the same table as \`${openApiPath(API_ROUTES.datasetCsv)}\`.`,
    params: ['lang', 'format'],
    pathId: 'dataset',
    json: DatasetDetailSchema,
    csv: true,
  },
  {
    id: 'listIndicatorsCsv',
    ...apiRoute(API_ROUTES.indicatorsCsv),
    tag: 'indicators',
    summary: 'All indicators as CSV',
    description: 'The whole catalog (or the filtered part of it) as one CSV table, one row per indicator.',
    params: ['dataset', 'kind', 'unit', 'qualifier', 'measure', 'lang'],
    csv: true,
  },
  {
    id: 'listIndicators',
    ...apiRoute(API_ROUTES.indicators),
    tag: 'indicators',
    summary: 'List, filter or batch-fetch indicators',
    description:
      "Without `ids`: every indicator, optionally filtered (filters combine with AND). With `ids`: exactly those indicators in the order given, plus `missing` for ids that do not exist (the widgets' one request per page).",
    params: ['ids', 'dataset', 'kind', 'unit', 'qualifier', 'measure', 'lang', 'format'],
    json: IndicatorListSchema,
    csv: true,
  },
  {
    id: 'getIndicator',
    ...apiRoute(API_ROUTES.indicator),
    tag: 'indicators',
    summary: 'One indicator',
    description:
      'One figure of the article: value in base units, unit, qualifier, kind, period, as-of date, relations and the verbatim source sentence.',
    params: ['lang'],
    pathId: 'indicator',
    json: ApiIndicatorSchema,
  },
  {
    id: 'listNews',
    ...apiRoute(API_ROUTES.news),
    tag: 'news',
    summary: 'The dated events',
    description: 'The events the article reports (job fair, visits, roadshow) with their real dates, newest first.',
    params: ['lang'],
    json: NewsListSchema,
  },
  {
    id: 'getNewsItem',
    ...apiRoute(API_ROUTES.newsItem),
    tag: 'news',
    summary: 'One dated event',
    description: 'One event with its date or date range, place, summary, related indicators and source sentence.',
    params: ['lang'],
    pathId: 'news item',
    json: ApiNewsItemSchema,
  },
] as const satisfies readonly Operation[];

/** An operation's id. */
export type OperationId = (typeof OPERATIONS)[number]['id'];
