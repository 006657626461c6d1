/**
 * The D1-backed read path: the same `DataSource` every route reads, over the revision log, with the write path's
 * freshness and a fallback that never turns a D1 problem into a 5xx.
 */

import * as v from 'valibot';
import type { DataSource } from '../data-source';
import { IsoDateSchema } from '../schema';
import { type AppendOptions, type AppendResult, appendRevision } from './append';
import { appendRevisions, type BatchOptions, type BatchResult } from './batch';
import { buildLiveSnapshot, extendLiveSnapshot, type LiveSnapshot } from './live-snapshot';
import { endOfDay, type Head, readHead, readRevisions, readVintageRevisions } from './read';
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
   * The current snapshot and its state without waiting, while the last check is fresh (within `checkEveryMs`, and not
   * older than this isolate's own last write); `undefined` when a check is due, which {@link read} then makes.
   */
  peek(): DataRead | undefined;
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
  /** {@link appendRevisions} (all or nothing), then the next read of this isolate sees the writes. */
  appendBatch(bodies: readonly unknown[], options?: BatchOptions): Promise<BatchResult>;
  /**
   * The data as it stood right after revision `seq` (the log up to it), with the version a read then had: what a
   * write's answer shows, however many writes came after it.
   * @throws if D1 is missing or fails.
   */
  at(seq: number): Promise<LiveSnapshot>;
}

/** Whether a source is live (a {@link d1Source}): it can tell its state, answer vintages and take writes. */
export const isLiveSource = (source: DataSource): source is LiveSource =>
  'read' in source && 'vintage' in source && 'append' in source;

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

/**
 * The data version of the log up to `head`: 20 hex digits like the bundled data's content hash (12 of the sequence
 * number, 8 of an FNV-1a hash of the revision id, so a rebuilt database with the same length is still told apart).
 * A vintage ends at a revision of the log, so it has that revision's version: the same data, the same ETags.
 */
export function versionOf(head: Head): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < head.id.length; i++) hash = Math.imul(hash ^ head.id.charCodeAt(i), 0x01000193);
  return head.seq.toString(16).padStart(12, '0') + (hash >>> 0).toString(16).padStart(8, '0');
}

/** Vintages kept per isolate: at most this many, */
const VINTAGES_KEPT = 8;
/**
 * …holding at most this many revisions together (the newest always stays): at 100,000 revisions a vintage's fold is
 * some 10 MB of a 128 MB isolate, so a big log keeps one or two.
 */
const VINTAGE_REVISIONS_KEPT = 150_000;

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
  // Only settled values are shared between requests, never a promise of another request's D1 call: the runtime
  // cancels a request's I/O when it ends, and a request awaiting it would hang.
  let good: { head: Head; snapshot: LiveSnapshot } | undefined;
  let last: DataRead | undefined;
  let checkedAt = Number.NEGATIVE_INFINITY;
  /** The newest `seq` this isolate wrote: a snapshot older than that must not be served. */
  let wroteSeq = 0;
  /** Refreshes may overlap (a write's, a reader's): the one that started last wins. */
  let started = 0;
  let applied = 0;
  let seeded: LiveSnapshot | undefined;
  const vintages = new Map<string, LiveSnapshot>();
  /** The last snapshot `at()` built. */
  let atLast: { seq: number; snapshot: LiveSnapshot } | undefined;

  const seedSnapshot = async () => (seeded ??= await buildLiveSnapshot(bundledData().meta, seedRevisions()));

  /**
   * The snapshot of the log up to `head`. Revisions never change once written and a later write never gets a lower
   * `seq`, so with a snapshot at hand only the newer rows are read (plus its own head row, to check that the log is the
   * same one) and folded onto it ({@link extendLiveSnapshot}); otherwise the whole log is read and folded.
   */
  async function snapshotAt(db: D1Database, head: Head): Promise<LiveSnapshot> {
    const known = good;
    if (known && head.seq > known.head.seq) {
      const [same, ...newer] = await readRevisions(db, { from: known.head.seq, to: head.seq });
      if (same?.id === known.head.id) return extendLiveSnapshot(known.snapshot, newer, versionOf(head));
    }
    return buildLiveSnapshot(bundledData().meta, await readRevisions(db, { to: head.seq }), versionOf(head));
  }

  /** Checks the version, builds a snapshot if it moved, and records the result unless a later refresh did. */
  async function refresh(): Promise<DataRead> {
    const ticket = ++started;
    checkedAt = now();
    const record = (read: DataRead, head?: Head) => {
      if (ticket > applied) {
        applied = ticket;
        last = read;
        if (head) good = { head, snapshot: read.snapshot };
      }
      return read;
    };
    try {
      if (!db) throw Object.assign(new Error('no DB binding'), { problem: 'no-binding' });
      let head = await readHead(db);
      if (!head) {
        await ensureSeeded(db);
        head = await readHead(db);
        if (!head) throw new Error('the seed was written but the log is empty');
      }
      const snapshot =
        good && good.head.seq === head.seq && good.head.id === head.id ? good.snapshot : await snapshotAt(db, head);
      return record({ snapshot, state: 'live' }, head);
    } catch (error) {
      const problem: DataProblem = (error as { problem?: DataProblem }).problem ?? problemOf(error);
      if (problem === 'store-error')
        console.error('data source: D1 read failed, serving', good ? 'stale' : 'fallback', error);
      return record(
        good
          ? { snapshot: good.snapshot, state: 'stale', problem }
          : { snapshot: await seedSnapshot(), state: 'fallback', problem },
      );
    }
  }

  /**
   * The last result while it is fresh: checked within `checkEveryMs` (requests that arrive while a check runs get the
   * previous result, so there is one check a second however many requests come), and not older than this isolate's
   * own last write.
   */
  const fresh = (read: DataRead | undefined): read is DataRead =>
    read !== undefined &&
    now() - checkedAt < checkEveryMs &&
    (read.state !== 'live' || (good?.head.seq ?? 0) >= wroteSeq);

  const read = async (): Promise<DataRead> => (fresh(last) ? last : refresh());

  return {
    read,
    peek: () => (fresh(last) ? last : undefined),
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
          // The isolate's log holds the vintage when it reaches that far: filtered as the query would, no D1 read.
          const end = endOfDay(day);
          const revisions =
            good && good.head.seq >= at.seq
              ? good.snapshot.revisions.filter((r) => r.publishedAt < end)
              : await readVintageRevisions(db, day);
          snapshot = await buildLiveSnapshot(
            bundledData().meta,
            revisions,
            versionOf({ seq: at.seq, id: revisions.at(-1)?.id ?? '' }),
          );
          vintages.set(key, snapshot);
          // Bounded by count and by size: each keeps its own fold of the log (the revisions are shared).
          let kept = [...vintages.values()].reduce((sum, s) => sum + s.revisions.length, 0);
          while (vintages.size > 1 && (vintages.size > VINTAGES_KEPT || kept > VINTAGE_REVISIONS_KEPT)) {
            const oldest = vintages.keys().next().value!;
            kept -= vintages.get(oldest)!.revisions.length;
            vintages.delete(oldest);
          }
        }
        return { snapshot, state: 'live' };
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
      if (result.ok && !result.replayed) {
        // Within the writer's own request, so the isolate's next request is answered from the new version at once.
        wroteSeq = Math.max(wroteSeq, result.version);
        await refresh();
      }
      // A conflict means someone else wrote: look again on the next read.
      else if (!result.ok && 'version' in result) checkedAt = Number.NEGATIVE_INFINITY;
      return result;
    },
    async appendBatch(bodies, batchOptions) {
      if (!db) throw new Error('appendBatch: no DB binding');
      if (!good) await read();
      const result = await appendRevisions(db, bodies, batchOptions);
      if (result.ok && !result.replayed) {
        wroteSeq = Math.max(wroteSeq, ...result.revisions.map((r) => r.seq));
        await refresh();
      } else if (!result.ok) checkedAt = Number.NEGATIVE_INFINITY;
      return result;
    },
    async at(seq) {
      if (!db) throw new Error('at: no DB binding');
      if (good?.head.seq === seq) return good.snapshot;
      if (atLast?.seq === seq) return atLast.snapshot;
      const revisions =
        good && good.head.seq >= seq
          ? good.snapshot.revisions.filter((r) => r.seq <= seq)
          : await readRevisions(db, { to: seq });
      const last = revisions.at(-1);
      if (!last) throw new Error(`at: no revision up to ${seq}`);
      const snapshot = await buildLiveSnapshot(bundledData().meta, revisions, versionOf(last));
      atLast = { seq, snapshot };
      return snapshot;
    },
  };
}
