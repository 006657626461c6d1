/**
 * The D1-backed read path: the same `DataSource` every route reads, over the revision log, with the write path's
 * freshness and a fallback that never turns a D1 problem into a 5xx.
 */

import * as v from 'valibot';
import type { DataSource } from '../data-source';
import { IsoDateSchema } from '../schema';
import { type AppendOptions, type AppendResult, appendRevision } from './append';
import { buildLiveSnapshot, type LiveSnapshot } from './live-snapshot';
import { endOfDay, type Head, readHead, readRevisions, readVintageRevisions } from './read';
import type { Revision } from './revision';
import { bundledData, ensureSeeded, seedRevisions } from './seed';

/**
 * Where a read's data comes from. `live`: the store, checked within the last second; `stale`: the store failed, this is
 * the last snapshot it gave; `fallback`: the store never gave one, this is the bundled data.
 */
export type DataState = 'live' | 'stale' | 'fallback';

/** Why a read is not live. */
export type DataProblem = 'no-binding' | 'not-migrated' | 'store-error';

/** A snapshot and how fresh it is. */
export interface DataRead {
  snapshot: LiveSnapshot;
  state: DataState;
  problem?: DataProblem;
}

/** A `DataSource` over D1, that also writes and answers as-of-a-day reads. */
export interface LiveSource extends DataSource {
  current(): Promise<LiveSnapshot>;
  /** The current snapshot and its state (for a response header, see {@link dataStateHeader}). */
  read(): Promise<DataRead>;
  /**
   * The data as published by the end of `day` (UTC, `YYYY-MM-DD`); `undefined` if nothing was published by then.
   * @throws {TypeError} if `day` is not an ISO date.
   */
  vintage(day: string): Promise<DataRead | undefined>;
  /**
   * {@link appendRevision}, then the next read of this isolate sees the write. Seeds an empty store first.
   * @throws if D1 is missing or fails: writes never fall back.
   */
  append(body: unknown, options?: AppendOptions): Promise<AppendResult>;
}

/** Options of {@link d1Source}. */
export interface D1SourceOptions {
  /** Milliseconds since the epoch; `Date.now` unless a test drives the clock. */
  now?: () => number;
  /** How long a checked version is trusted before the next (indexed, one-row) check. Default 1000 ms. */
  checkEveryMs?: number;
}

/** Classifies a D1 failure. */
const problemOf = (error: unknown): DataProblem =>
  /no such table/i.test(String((error as Error)?.message ?? error)) ? 'not-migrated' : 'store-error';

const versionOf = (head: Head): string => `d1-${head.seq}-${head.id.replace(/[^A-Za-z0-9]/g, '').slice(-8)}`;

/** Vintages kept per isolate. */
const VINTAGES_KEPT = 8;

/**
 * The header value that tells clients where the data came from: `live`, or `stale; problem=store-error`,
 * `fallback; problem=not-migrated`, ...
 *
 * @example
 * c.header('X-Data-State', dataStateHeader(await source.read()));
 */
export const dataStateHeader = (read: Pick<DataRead, 'state' | 'problem'>): string =>
  read.problem ? `${read.state}; problem=${read.problem}` : read.state;

/**
 * A data source over the D1 revision log. Build it once per isolate (module scope) so its cache lives as long as the
 * isolate. On the first read of an empty store it writes the bundled seed. A new snapshot is built once per new data
 * version; the version is checked at most once per `checkEveryMs`, except right after a write through `append`. If
 * D1 is missing, unmigrated or failing, reads serve the last good snapshot (`stale`) or the bundled seed
 * (`fallback`), and never throw.
 *
 * @example
 * import { env } from 'cloudflare:workers';
 * const source = d1Source(env.DB);
 * const app = createApp(source);
 */
export function d1Source(db: D1Database | undefined, options: D1SourceOptions = {}): LiveSource {
  const now = options.now ?? Date.now;
  const checkEveryMs = options.checkEveryMs ?? 1000;
  let good: { head: Head; snapshot: LiveSnapshot } | undefined;
  let last: DataRead | undefined;
  let checkedAt = Number.NEGATIVE_INFINITY;
  /** The newest `seq` this isolate wrote: a snapshot older than that must not be served. */
  let wroteSeq = 0;
  let pending: Promise<DataRead> | undefined;
  let fallback: Promise<LiveSnapshot> | undefined;
  const vintages = new Map<string, Promise<LiveSnapshot>>();

  const seedSnapshot = () => (fallback ??= buildLiveSnapshot(bundledData().meta, seedRevisions()));

  async function refresh(): Promise<DataRead> {
    checkedAt = now();
    try {
      if (!db) throw Object.assign(new Error('no DB binding'), { problem: 'no-binding' });
      let head = await readHead(db);
      if (!head) {
        await ensureSeeded(db);
        head = await readHead(db);
        if (!head) throw new Error('the seed was written but the log is empty');
      }
      if (!good || good.head.seq !== head.seq || good.head.id !== head.id) {
        const snapshot = await buildLiveSnapshot(bundledData().meta, await readLog(db, head), versionOf(head));
        // Refreshes never overlap (`refreshOnce`), so this is the newest head; a lower one means a rebuilt database.
        good = { head, snapshot };
      }
      last = { snapshot: good.snapshot, state: 'live' };
    } catch (error) {
      const problem: DataProblem = (error as { problem?: DataProblem }).problem ?? problemOf(error);
      if (problem === 'store-error')
        console.error('data source: D1 read failed, serving', good ? 'stale' : 'fallback', error);
      last = good
        ? { snapshot: good.snapshot, state: 'stale', problem }
        : { snapshot: await seedSnapshot(), state: 'fallback', problem };
    }
    return last;
  }

  /**
   * The log up to `head`. Revisions never change once written and a later write never gets a lower `seq`, so with a
   * snapshot at hand only the newer rows are read, plus its own head row to check that the log is the same one.
   */
  async function readLog(db: D1Database, head: Head): Promise<readonly Revision[]> {
    if (good && head.seq > good.head.seq) {
      const [known, ...newer] = await readRevisions(db, { from: good.head.seq, to: head.seq });
      if (known?.id === good.head.id) return [...good.snapshot.revisions, ...newer];
    }
    return readRevisions(db, { to: head.seq });
  }

  const refreshOnce = () => (pending ??= refresh().finally(() => (pending = undefined)));
  const fresh = (read: DataRead | undefined): read is DataRead =>
    read !== undefined &&
    now() - checkedAt < checkEveryMs &&
    (read.state !== 'live' || (good?.head.seq ?? 0) >= wroteSeq);

  async function read(): Promise<DataRead> {
    // While a check is under way, wait for it rather than answer from the snapshot it may replace.
    if (!pending && fresh(last)) return last;
    const result = await refreshOnce();
    // A refresh that was under way when this isolate wrote may predate the write: check again.
    if (result.state === 'live' && (good?.head.seq ?? 0) < wroteSeq) return refreshOnce();
    return result;
  }

  return {
    read,
    current: async () => (await read()).snapshot,
    async vintage(day) {
      v.parse(IsoDateSchema, day);
      try {
        if (!db) throw new Error('no DB binding');
        const at = await db
          .prepare('SELECT seq FROM revisions WHERE published_at < ? ORDER BY published_at DESC, seq DESC LIMIT 1')
          .bind(endOfDay(day))
          .first<{ seq: number }>();
        if (!at?.seq) return undefined;
        const key = `${day}@${at.seq}`;
        let snapshot = vintages.get(key);
        if (!snapshot) {
          snapshot = readVintageRevisions(db, day).then((revisions) =>
            buildLiveSnapshot(bundledData().meta, revisions, `d1-${at.seq}-as-of-${day}`),
          );
          vintages.set(key, snapshot);
          snapshot.catch(() => vintages.delete(key));
          if (vintages.size > VINTAGES_KEPT) vintages.delete(vintages.keys().next().value!);
        }
        return { snapshot: await snapshot, state: 'live' };
      } catch (error) {
        const problem: DataProblem = db ? problemOf(error) : 'no-binding';
        const revisions = seedRevisions().filter((r) => r.publishedAt < endOfDay(day));
        if (!revisions.length) return undefined;
        return { snapshot: await buildLiveSnapshot(bundledData().meta, revisions), state: 'fallback', problem };
      }
    },
    async append(body, appendOptions) {
      if (!db) throw new Error('append: no DB binding');
      // The first write to an empty store must come after the seed.
      if (!good) await read();
      const result = await appendRevision(db, body, appendOptions);
      if (result.ok) wroteSeq = Math.max(wroteSeq, result.version);
      // A conflict means someone else wrote: look again on the next read.
      else if ('version' in result) checkedAt = Number.NEGATIVE_INFINITY;
      return result;
    },
  };
}
