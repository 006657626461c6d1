/**
 * The read path. Every route gets its data here and nowhere else, so the
 * bundled files can later be replaced by live revisions in D1 (with history
 * and as-of views) without touching a route.
 */
import { files } from '../../data';
import { loadData } from './load';
import { createSnapshot, type Snapshot } from './snapshot';

export { readFigure, squash } from './figure';
export { type CatalogData, type CatalogMeta, DataError, type DataIssue, formatIssue, loadData } from './load';
export { Lru } from './lru';
export { CACHE_BYTES, CACHE_ENTRIES, type Snapshot, stringWeight } from './snapshot';

/** Where the current data comes from. */
export interface DataSource {
  /** The current version of the data. Cheap after the first call in an isolate. */
  current(): Promise<Snapshot>;
}

let bundled: Promise<Snapshot> | undefined;

/** The data bundled with the Worker from `data/`, validated and hashed once per isolate. */
export const bundledSource: DataSource = {
  current: () => (bundled ??= createSnapshot(loadData(files))),
};
