/** Reads of the revision log: its head (the data version) and its rows, whole or as published by the end of a day. */
import { fromRow, Interner, READ_COLUMNS, type Revision, type RevisionRow } from './revision';

/** The newest revision: its `seq` and `id` identify the version of all data. */
export interface Head {
  seq: number;
  id: string;
}

/**
 * The newest revision, or `null` when the log is empty. One indexed read (the last entry of the primary key), cheap
 * enough to run once a second per isolate.
 *
 * @example
 * const head = await readHead(env.DB); // { seq: 83, id: 'seed-news-changde-cemented-carbide-visit' }
 */
export function readHead(db: D1Database): Promise<Head | null> {
  return db.prepare('SELECT seq, id FROM revisions ORDER BY seq DESC LIMIT 1').first<Head>();
}

/**
 * Rows per query when the log is read: D1 answers at most 50 MB per query, and a row is about 0.6 KB, so 100,000
 * revisions in one answer would be over it (and held twice in memory while parsed). 5,000 rows are about 3 MB.
 */
export const READ_CHUNK = 5000;

/** Repeated texts and sources of the rows this isolate reads, shared (see {@link Interner}). */
const interner = new Interner();

/**
 * The revisions from `from` (default: the first) up to and including `to`, oldest first: range scans of the primary
 * key, {@link READ_CHUNK} rows a query. A reader that has the log up to some revision reads only what came after it
 * (and that revision, to check that it is still the same log).
 *
 * @example
 * const all = await readRevisions(db, { to: head.seq });
 * const newer = await readRevisions(db, { from: known.seq, to: head.seq }); // newer[0].id === known.id
 */
export async function readRevisions(
  db: D1Database,
  { from = 0, to }: { from?: number; to: number },
): Promise<Revision[]> {
  const revisions: Revision[] = [];
  const statement = db.prepare(
    `SELECT ${READ_COLUMNS} FROM revisions WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?`,
  );
  for (let next = from; ; ) {
    const { results } = await statement.bind(next, to, READ_CHUNK).all<RevisionRow>();
    for (const row of results) revisions.push(fromRow(row, interner));
    if (results.length < READ_CHUNK) return revisions;
    next = results.at(-1)!.seq + 1;
  }
}

/**
 * The first instant after day `day` (UTC), as stored in `published_at`: a vintage holds what was published before it.
 *
 * @example
 * endOfDay('2023-04-30'); // '2023-05-01T00:00:00.000Z'
 */
export const endOfDay = (day: string): string =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString();

/** Every revision published by the end of `day` (UTC), oldest first: the data as it stood that evening. */
export async function readVintageRevisions(db: D1Database, day: string): Promise<Revision[]> {
  const revisions: Revision[] = [];
  const statement = db.prepare(
    `SELECT ${READ_COLUMNS} FROM revisions WHERE seq > ? AND published_at < ? ORDER BY seq LIMIT ?`,
  );
  for (let after = 0; ; ) {
    const { results } = await statement.bind(after, endOfDay(day), READ_CHUNK).all<RevisionRow>();
    for (const row of results) revisions.push(fromRow(row, interner));
    if (results.length < READ_CHUNK) return revisions;
    after = results.at(-1)!.seq;
  }
}

/**
 * The change log: up to `limit` revisions after revision `after` (all from the start without it), oldest first.
 * `undefined` if `after` names no revision. A cursor stays valid forever: `seq` is never reused.
 *
 * @example
 * const page = await readChanges(env.DB, { after: url.searchParams.get('after') ?? undefined, limit: 100 });
 * const next = page?.at(-1)?.id; // the next page's `after`
 */
export async function readChanges(
  db: D1Database,
  { after, limit }: { after?: string; limit: number },
): Promise<Revision[] | undefined> {
  if (after !== undefined) {
    const cursor = await db.prepare('SELECT seq FROM revisions WHERE id = ?').bind(after).first<{ seq: number }>();
    if (!cursor) return undefined;
    const { results } = await db
      .prepare(`SELECT ${READ_COLUMNS} FROM revisions WHERE seq > ? ORDER BY seq LIMIT ?`)
      .bind(cursor.seq, limit)
      .all<RevisionRow>();
    return results.map((row) => fromRow(row, interner));
  }
  const { results } = await db
    .prepare(`SELECT ${READ_COLUMNS} FROM revisions ORDER BY seq LIMIT ?`)
    .bind(limit)
    .all<RevisionRow>();
  return results.map((row) => fromRow(row, interner));
}
