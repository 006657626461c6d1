import { type Context, Hono } from 'hono';
import type { AppEnv } from '../env';
import { getDataset, getDatasetCsv, listDatasets } from './datasets';
import { getIndex } from './home';
import { getIndicator, listIndicators, listIndicatorsCsv } from './indicators';
import { getNewsItem, listNews } from './news';
import { getOpenApi } from './openapi';
import { OPERATIONS, type OperationId } from './operations';
import { getHistory, getRevision, getSeries, listRevisions } from './revisions';
import { postDataset, postIndicator, postNews, postObservation, postRevisions, postWithdrawal } from './write';

/** The handler of every operation in `OPERATIONS`; a missing one is a type error. */
const HANDLERS: Record<OperationId, (c: Context<AppEnv>) => Response | Promise<Response>> = {
  getIndex,
  getOpenApi,
  listDatasets,
  getDatasetCsv,
  getDataset,
  listIndicatorsCsv,
  listIndicators,
  getIndicator,
  listNews,
  getNewsItem,
  getSeries,
  getHistory,
  listRevisions,
  getRevision,
  postObservation,
  postWithdrawal,
  postIndicator,
  postDataset,
  postNews,
  postRevisions,
};

/**
 * The JSON and CSV API and the write API; mounted at `/api/v1` by `worker/app.ts`. `HEAD` is answered by every `GET`
 * route.
 */
export const api = new Hono<AppEnv>();

// `/api/v1/` (with a slash) is redirected to `/api/v1` by the app's trailing-slash rule, like every other path.
for (const op of OPERATIONS) api.on(op.method.toUpperCase(), op.route, HANDLERS[op.id]);

export { OPERATIONS } from './operations';
