import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { parseQuery, publicOrigin } from '../http';
import { apiDatasets } from '../links';
import type { Dataset, Lang } from '../schema';
import { reply } from './format-response';
import { localize } from './localize';
import { lookup } from './lookup';
import { entriesFor } from './params';
import { presentDataset, presentDatasetSummary } from './present';
import { DatasetDetailSchema, DatasetListSchema } from './schema';
import { indicatorCsv } from './table';

const findDataset = (c: Context<AppEnv>, id: string): Dataset => {
  const snapshot = c.var.snapshot;
  return lookup(
    'dataset',
    id,
    snapshot.dataset,
    snapshot.datasets.map((d) => d.id),
    apiDatasets(),
  );
};

const csvOf = (dataset: Dataset, lang: Lang | undefined) => () => indicatorCsv(dataset.indicators, lang);

/** `GET /api/v1/datasets` */
export function listDatasets(c: Context<AppEnv>): Response {
  const { lang } = parseQuery(c, entriesFor(c.var.snapshot, ['lang', 'vintage']));
  const origin = publicOrigin(c);
  return reply(
    c,
    {
      json: () =>
        JSON.stringify(
          localize(
            DatasetListSchema,
            { datasets: c.var.snapshot.datasets.map((d) => presentDatasetSummary(d, origin)) },
            lang,
          ),
        ),
    },
    { key: 'datasets', lang },
  );
}

/** `GET /api/v1/datasets/{id}`: JSON, or CSV by `?format=csv` or `Accept: text/csv`. */
export function getDataset(c: Context<AppEnv>): Response {
  const { lang, format } = parseQuery(c, entriesFor(c.var.snapshot, ['lang', 'format', 'vintage']));
  const dataset = findDataset(c, c.req.param('id') ?? '');
  const origin = publicOrigin(c);
  return reply(
    c,
    {
      json: () => JSON.stringify(localize(DatasetDetailSchema, presentDataset(dataset, origin), lang)),
      csv: csvOf(dataset, lang),
    },
    { key: `dataset:${dataset.id}`, format, lang, filename: `zhuzhou-${dataset.id}` },
  );
}

/** `GET /api/v1/datasets/{id}.csv` */
export function getDatasetCsv(c: Context<AppEnv>): Response {
  const { lang } = parseQuery(c, entriesFor(c.var.snapshot, ['lang', 'vintage']));
  const dataset = findDataset(c, (c.req.param('id') ?? '').replace(/\.csv$/, ''));
  return reply(
    c,
    { csv: csvOf(dataset, lang) },
    { key: `dataset:${dataset.id}`, format: 'csv', lang, filename: `zhuzhou-${dataset.id}` },
  );
}
