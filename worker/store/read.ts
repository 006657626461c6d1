/** Reads of the revision log: its head (the data version) and its rows, whole or as published by the end of a day. */
import { fromRow, READ_COLUMNS, type Revision, type RevisionRow } from './revision';

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
 * The revisions from `from` (default: the first) up to and including `to`, oldest first: a range scan of the primary
 * key. A reader that has the log up to some revision reads only what came after it (and that revision, to check that it
 * is still the same log).
 *
 * @example
 * const all = await readRevisions(db, { to: head.seq });
 * const newer = await readRevisions(db, { from: known.seq, to: head.seq }); // newer[0].id === known.id
 */
export async function readRevisions(
  db: D1Database,
  { from = 0, to }: { from?: number; to: number },
): Promise<Revision[]> {
  const { results } = await db
    .prepare(`SELECT ${READ_COLUMNS} FROM revisions WHERE seq >= ? AND seq <= ? ORDER BY seq`)
    .bind(from, to)
    .all<RevisionRow>();
  return results.map(fromRow);
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
  const { results } = await db
    .prepare(`SELECT ${READ_COLUMNS} FROM revisions WHERE published_at < ? ORDER BY seq`)
    .bind(endOfDay(day))
    .all<RevisionRow>();
  return results.map(fromRow);
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
    return results.map(fromRow);
  }
  const { results } = await db
    .prepare(`SELECT ${READ_COLUMNS} FROM revisions ORDER BY seq LIMIT ?`)
    .bind(limit)
    .all<RevisionRow>();
  return results.map(fromRow);
}
