/**
 * The live store's views: an indicator's series and history, the global change log and each revision's permalink.
 * They read the request's snapshot like every other route, so `?vintage=` and the ETags work the same way.
 */
import type { Context } from 'hono';
import { columnsOf, toCsv } from '../csv';
import type { Snapshot } from '../data-source';
import type { AppEnv } from '../env';
import { Problem, parseQuery, publicOrigin } from '../http';
import { absolute, apiIndicators, apiRevisions } from '../links';
import { withQuery } from '../links/server';
import type { Lang } from '../schema';
import type { LiveSnapshot, Revision } from '../store';
import { reply } from './format-response';
import { localize, oneLanguageSchema } from './localize';
import { lookup } from './lookup';
import { DEFAULT_LIMIT, entriesFor } from './params';
import { presentRevision, presentSeriesPoint } from './present';
import {
  ChangeLogSchema,
  HistorySchema,
  RevisionRowCsvSchema,
  RevisionSchema,
  SeriesObservationSchema,
  SeriesSchema,
} from './schema';

/** Whether a snapshot comes from the live store (it then has series, history and the log). */
export const isLiveSnapshot = (snapshot: Snapshot): snapshot is LiveSnapshot =>
  'series' in snapshot && 'history' in snapshot && 'revisions' in snapshot;

/** The request's snapshot as a live one, or a 404 saying this deployment keeps no history. */
export function liveSnapshot(c: Context<AppEnv>): LiveSnapshot {
  const snapshot = c.var.snapshot;
  if (isLiveSnapshot(snapshot)) return snapshot;
  throw new Problem(
    404,
    'not-found',
    'This deployment serves the bundled data without the live store, which keeps series, history and revisions.',
  );
}

/** Every indicator id the log knows, withdrawn ones too: for "did you mean". */
const knownIndicators = (snapshot: LiveSnapshot): readonly string[] => snapshot.indicatorIds();

/**
 * What an indicator's live view (series, history) starts from: the request's live snapshot, its `lang`, `format` and
 * `vintage`, and what `find` gives for the `:id`, or a 404 with suggestions when it gives nothing.
 */
function indicatorView<T>(c: Context<AppEnv>, find: (snapshot: LiveSnapshot, id: string) => T | undefined) {
  const snapshot = liveSnapshot(c);
  const { lang, format } = parseQuery(c, entriesFor(snapshot, ['lang', 'format', 'vintage']));
  const id = c.req.param('id') ?? '';
  const found = lookup(
    'indicator',
    id,
    (x) => find(snapshot, x),
    () => knownIndicators(snapshot),
    apiIndicators(),
  );
  return { snapshot, id, lang, format, found };
}

/** A table of `schema`'s records, bilingual or in one language. */
const csvOf = (schema: Parameters<typeof columnsOf>[0], records: readonly unknown[], lang: Lang | undefined) =>
  toCsv(
    columnsOf(lang ? oneLanguageSchema(schema) : schema),
    records.map((r) => localize(schema, r, lang)),
  );

/** `GET /api/v1/indicators/{id}/series`: one observation per period, oldest period first; JSON or CSV. */
export function getSeries(c: Context<AppEnv>): Response {
  const { snapshot, id, lang, format, found: points } = indicatorView(c, (snapshot, x) => snapshot.series(x));
  const observations = () => snapshot.cache(`api:series:${id}`, () => points.map(presentSeriesPoint));
  return reply(
    c,
    {
      json: () => JSON.stringify(localize(SeriesSchema, { indicator: id, observations: observations() }, lang)),
      csv: () => csvOf(SeriesObservationSchema, observations(), lang),
    },
    { key: `series:${id}`, format, lang, filename: `zhuzhou-${id}-series` },
  );
}

/** `GET /api/v1/indicators/{id}/history`: every revision of an indicator, oldest first; JSON or CSV. */
export function getHistory(c: Context<AppEnv>): Response {
  const { id, lang, format, found: history } = indicatorView(c, (snapshot, x) => snapshot.history(x));
  const origin = publicOrigin(c);
  const revisions = () => history.map((r) => presentRevision(r, origin));
  return reply(
    c,
    {
      json: () => JSON.stringify(localize(HistorySchema, { indicator: id, revisions: revisions() }, lang)),
      csv: () => csvOf(RevisionRowCsvSchema, revisions(), lang),
    },
    { key: `history:${id}`, format, lang, filename: `zhuzhou-${id}-history` },
  );
}

/**
 * `GET /api/v1/revisions?after=&limit=`: the change log, oldest first, a page at a time; `Link: rel="next"` names the
 * next page while there is one. The cursor is a revision id, valid forever.
 */
export function listRevisions(c: Context<AppEnv>): Response {
  const snapshot = liveSnapshot(c);
  const { after, limit = DEFAULT_LIMIT, lang } = parseQuery(c, entriesFor(snapshot, ['after', 'limit', 'lang']));
  let start = 0;
  if (after !== undefined) {
    const at = snapshot.revisionIndex(after);
    if (at === undefined)
      throw new Problem(
        400,
        'invalid-parameter',
        `Query parameter "after" names no revision ("${after.slice(0, 100)}"). Give the id of a revision you have from ${apiRevisions()}, or leave it out to start at the beginning.`,
        { 'invalid-params': [{ name: 'after', reason: 'no such revision' }] },
      );
    start = at + 1;
  }
  const page: readonly Revision[] = snapshot.revisions.slice(start, start + limit);
  const origin = publicOrigin(c);
  const last = page.at(-1);
  const more = start + limit < snapshot.revisions.length && last !== undefined;
  return reply(
    c,
    {
      json: () =>
        JSON.stringify(localize(ChangeLogSchema, { revisions: page.map((r) => presentRevision(r, origin)) }, lang)),
    },
    {
      key: `revisions?after=${after ?? ''}&limit=${limit}`,
      lang,
      links: more ? [`<${absolute(origin, withQuery(apiRevisions(last.id, limit), { lang }))}>; rel="next"`] : [],
    },
  );
}

/** `GET /api/v1/revisions/{id}`: one revision, for good. */
export function getRevision(c: Context<AppEnv>): Response {
  const snapshot = liveSnapshot(c);
  const { lang } = parseQuery(c, entriesFor(snapshot, ['lang']));
  const id = c.req.param('id') ?? '';
  const at = snapshot.revisionIndex(id);
  if (at === undefined)
    // Not cached: a revision written a moment ago through another isolate is there on the next try.
    throw new Problem(
      404,
      'not-found',
      `There is no revision "${id.slice(0, 100)}". See ${apiRevisions()} for the change log.`,
      {},
      { 'Cache-Control': 'no-store' },
    );
  const origin = publicOrigin(c);
  return reply(
    c,
    {
      json: () => JSON.stringify(localize(RevisionSchema, presentRevision(snapshot.revisions[at]!, origin), lang)),
    },
    { key: `revision:${id}`, lang },
  );
}
