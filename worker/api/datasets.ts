import type { Context } from 'hono';
import { type Snapshot, stringWeight } from '../data-source';
import type { AppEnv } from '../env';
import { parseQuery, publicOrigin } from '../http';
import { apiDataset, apiDatasetCsv, apiDatasets } from '../links';
import type { Dataset, Indicator, Lang } from '../schema';
import { replyPage } from './format-response';
import { localize } from './localize';
import { lookup } from './lookup';
import { datasetRank, indicatorRank, nextLink, type Page, pageOf } from './page';
import { DEFAULT_LIMIT, entriesFor } from './params';
import { presentDatasetSummary, presentIndicator } from './present';
import { ApiIndicatorSchema, DatasetSummarySchema } from './schema';
import { indicatorCsvPage } from './table';

const findDataset = (c: Context<AppEnv>, id: string): Dataset => {
  const snapshot = c.var.snapshot;
  return lookup('dataset', id, snapshot.dataset, () => snapshot.datasets.map((d) => d.id), apiDatasets());
};

/** Cache key part of a page: empty for the first page at the default limit, so that stays the resource it was. */
export const pageKey = (after: string | undefined, limit: number | undefined): string =>
  after === undefined && limit === undefined ? '' : `?after=${after ?? ''}&limit=${limit ?? DEFAULT_LIMIT}`;

/** A dataset's summary as JSON, made once per version, language and origin (the parts lists are assembled from). */
const summaryJson = (snapshot: Snapshot, dataset: Dataset, lang: Lang | undefined, origin: string): string =>
  snapshot.cache(
    `api:dataset-summary-json:${dataset.id}|${lang ?? '*'}|${origin}`,
    () => JSON.stringify(localize(DatasetSummarySchema, presentDatasetSummary(dataset, origin), lang)),
    stringWeight,
  );

/** An indicator as a dataset lists it (links, no series), as JSON. */
const memberJson = (snapshot: Snapshot, indicator: Indicator, lang: Lang | undefined, origin: string): string =>
  snapshot.cache(
    `api:dataset-indicator-json:${indicator.id}|${lang ?? '*'}|${origin}`,
    () => JSON.stringify(localize(ApiIndicatorSchema, presentIndicator(indicator, origin), lang)),
    stringWeight,
  );

/** `GET /api/v1/datasets`: a page of the datasets, in catalog order. */
export function listDatasets(c: Context<AppEnv>): Response {
  const snapshot = c.var.snapshot;
  const { lang, vintage, after, limit } = parseQuery(c, entriesFor(snapshot, ['lang', 'vintage', 'after', 'limit']));
  const origin = publicOrigin(c);
  const page = pageOf(snapshot.datasets, (d) => d.id, datasetRank(snapshot), after, limit ?? DEFAULT_LIMIT, 'dataset');
  return replyPage(
    c,
    { json: () => `{"datasets":[${page.items.map((d) => summaryJson(snapshot, d, lang, origin)).join(',')}]}` },
    {
      key: `datasets${pageKey(after, limit)}`,
      lang,
      links: nextLink(origin, apiDatasets(), { lang, vintage }, page, limit),
    },
  );
}

/** A page of a dataset's indicators: `limit` after `after`, in the dataset's order. */
const membersOf = (c: Context<AppEnv>, dataset: Dataset, after: string | undefined, limit: number | undefined) =>
  pageOf(dataset.indicators, (i) => i.id, indicatorRank(c.var.snapshot), after, limit ?? DEFAULT_LIMIT, 'indicator');

/** The dataset with a page of its indicators, as JSON: the summary's fields, then `indicators`. */
function datasetJson(c: Context<AppEnv>, dataset: Dataset, page: Page<Indicator>, lang: Lang | undefined): string {
  const snapshot = c.var.snapshot;
  const origin = publicOrigin(c);
  const summary = summaryJson(snapshot, dataset, lang, origin);
  const members = page.items.map((i) => memberJson(snapshot, i, lang, origin));
  return `${summary.slice(0, -1)},"indicators":[${members.join(',')}]}`;
}

/**
 * `GET /api/v1/datasets/{id}`: the dataset with a page of its indicators; JSON, or CSV by `?format=csv` or
 * `Accept: text/csv`.
 */
export function getDataset(c: Context<AppEnv>): Response {
  const snapshot = c.var.snapshot;
  const { lang, format, vintage, after, limit } = parseQuery(
    c,
    entriesFor(snapshot, ['lang', 'format', 'vintage', 'after', 'limit']),
  );
  const dataset = findDataset(c, c.req.param('id') ?? '');
  const page = membersOf(c, dataset, after, limit);
  return replyPage(
    c,
    {
      json: () => datasetJson(c, dataset, page, lang),
      csv: () => indicatorCsvPage(snapshot, page.items, lang),
    },
    {
      key: `dataset:${dataset.id}${pageKey(after, limit)}`,
      format,
      lang,
      filename: `zhuzhou-${dataset.id}`,
      links: nextLink(publicOrigin(c), apiDataset(dataset.id), { lang, format, vintage }, page, limit),
    },
  );
}

/** `GET /api/v1/datasets/{id}.csv`: a page of the dataset's indicators as CSV. */
export function getDatasetCsv(c: Context<AppEnv>): Response {
  const snapshot = c.var.snapshot;
  const { lang, vintage, after, limit } = parseQuery(c, entriesFor(snapshot, ['lang', 'vintage', 'after', 'limit']));
  const dataset = findDataset(c, (c.req.param('id') ?? '').replace(/\.csv$/, ''));
  const page = membersOf(c, dataset, after, limit);
  return replyPage(
    c,
    { csv: () => indicatorCsvPage(snapshot, page.items, lang) },
    {
      key: `dataset:${dataset.id}${pageKey(after, limit)}`,
      format: 'csv',
      lang,
      filename: `zhuzhou-${dataset.id}`,
      links: nextLink(publicOrigin(c), apiDatasetCsv(dataset.id), { lang, vintage }, page, limit),
    },
  );
}
