/**
 * Which snapshot a request reads: the source's current one, or with `?vintage=YYYY-MM-DD` the data as it was published
 * by the end of that day (ALFRED's real-time period). `asOf` stays the name of an indicator's own reference date.
 */
import type { DataSource, Snapshot } from '../data-source';
import { type DataProblem, type DataState, dataStateHeader, isLiveSource } from '../store';
import { Problem } from './problem';

/** Response header saying where the data came from: `live`, `stale; problem=store-error`, `fallback; …`. */
export const DATA_STATE_HEADER = 'X-Data-State';

/** The query parameter of as-published views. */
export const VINTAGE_PARAM = 'vintage';

/** A snapshot for this request, and (for a live source) how fresh it is. */
export interface RequestData {
  snapshot: Snapshot;
  state?: DataState;
  problem?: DataProblem;
}

/**
 * Reads the snapshot for `request`. A malformed vintage is a 400 and a day before anything was published a 404, both
 * as problems; any other query is the routes' to check.
 *
 * @example
 * const { snapshot, state } = await readData(source, c.req.raw); // state: 'live' | 'stale' | 'fallback'
 */
export async function readData(source: DataSource, request: Request): Promise<RequestData> {
  const day = request.method === 'GET' || request.method === 'HEAD' ? vintageOf(request) : undefined;
  if (day === undefined) return readCurrent(source);
  if (!isLiveSource(source)) return { snapshot: await source.current() };
  const read = await source.vintage(day);
  if (!read) {
    throw new Problem(
      404,
      'not-found',
      `Nothing had been published by ${day}. The first publication is the seed of 2023-04-28; ask for that day or later.`,
      { 'invalid-params': [{ name: VINTAGE_PARAM, reason: 'before the first publication' }] },
    );
  }
  return read;
}

/** The source's current snapshot, and (for a live source) how fresh it is. */
export const readCurrent = async (source: DataSource): Promise<RequestData> =>
  isLiveSource(source) ? source.read() : { snapshot: await source.current() };

/**
 * The `X-Data-State` value of a read (`live`, `stale; problem=store-error`, …), empty for a source that has none.
 *
 * @example c.header(DATA_STATE_HEADER, dataStateOf(await readCurrent(source)))
 */
export const dataStateOf = (read: RequestData): string =>
  // Every hot-path hit asks: the read itself, not a copy of it.
  read.state ? dataStateHeader(read as RequestData & { state: DataState }) : '';

/** The `vintage` of a request's query, checked: a real calendar day, not in the future. */
function vintageOf(request: Request): string | undefined {
  // Every request passes here: one without a query string (most cached reads) needs no URL parse.
  if (!request.url.includes('?')) return undefined;
  const values = new URL(request.url).searchParams.getAll(VINTAGE_PARAM);
  if (values.length === 0) return undefined;
  const [day] = values;
  const valid =
    values.length === 1 &&
    /^\d{4}-\d{2}-\d{2}$/.test(day!) &&
    new Date(`${day}T00:00:00Z`).toISOString().startsWith(day!) &&
    day! <= new Date().toISOString().slice(0, 10);
  if (!valid) {
    throw new Problem(
      400,
      'invalid-parameter',
      `Query parameter "${VINTAGE_PARAM}" must be one calendar day, YYYY-MM-DD, not after today (for example 2023-04-30): the data as published by the end of that day (UTC).`,
      { 'invalid-params': [{ name: VINTAGE_PARAM, reason: 'must be one day, YYYY-MM-DD, not in the future' }] },
    );
  }
  return day;
}
