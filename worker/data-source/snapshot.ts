import type { Dataset, Indicator, NewsItem } from '../schema';
import type { CatalogData, CatalogMeta } from './load';
import { Lru } from './lru';

/**
 * One immutable version of all published data. Everything derived from it
 * (rendered bodies, hashes, ETags) is memoised on it, so the work is done once
 * per data version and isolate, never per request.
 */
export interface Snapshot {
  /** Content hash of the data: changes whenever any figure or text changes. */
  readonly version: string;
  /** When the data last changed (newest dataset `modified`). */
  readonly modified: Date;
  readonly meta: CatalogMeta;
  readonly datasets: readonly Dataset[];
  readonly indicators: readonly Indicator[];
  readonly news: readonly NewsItem[];
  dataset(id: string): Dataset | undefined;
  indicator(id: string): Indicator | undefined;
  /** Computes `make()` once for this version under `key` and returns it ever after. */
  memo<T>(key: string, make: () => T): T;
  /**
   * As {@link memo}, for what is made per item (an indicator's page, JSON or CSV row): kept in a cache of bounded size,
   * the least recently used dropped first (and made again if asked for again), so that reading each of 10,000
   * indicators in every form and language cannot fill the isolate. `weight` is its size in bytes, roughly.
   */
  cache<T>(key: string, make: () => T, weight?: (value: T) => number): T;
}

/** Most entries and bytes (roughly) the per-item cache of one snapshot holds. */
export const CACHE_ENTRIES = 8192;
export const CACHE_BYTES = 24 * 1024 * 1024;

/** Bytes of a string at most (V8 keeps text with any character beyond Latin-1 in two bytes a character). */
export const stringWeight = (text: string): number => text.length * 2;

/** SHA-256 of a string as lowercase hex. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Builds a snapshot; `version` is a hash of the data unless the source has its own revision id. */
export async function createSnapshot(data: CatalogData, version?: string): Promise<Snapshot> {
  const indicators = data.datasets.flatMap((d) => d.indicators);
  const byIndicator = new Map(indicators.map((i) => [i.id, i]));
  const byDataset = new Map(data.datasets.map((d) => [d.id, d]));
  const memos = new Map<string, unknown>();
  const cached = new Lru<unknown>(CACHE_ENTRIES, CACHE_BYTES);
  const newest = data.datasets.reduce((max, d) => (d.modified > max ? d.modified : max), '1970-01-01');
  return {
    version: version ?? (await sha256Hex(JSON.stringify(data))).slice(0, 20),
    modified: new Date(`${newest}T00:00:00Z`),
    meta: data.meta,
    datasets: data.datasets,
    indicators,
    news: data.news,
    dataset: (id) => byDataset.get(id),
    indicator: (id) => byIndicator.get(id),
    memo<T>(key: string, make: () => T): T {
      if (!memos.has(key)) memos.set(key, make());
      return memos.get(key) as T;
    },
    cache<T>(key: string, make: () => T, weight: (value: T) => number = () => 0): T {
      const hit = cached.get(key);
      if (hit !== undefined) return hit as T;
      const value = make();
      cached.set(key, value, weight(value));
      return value;
    },
  };
}
