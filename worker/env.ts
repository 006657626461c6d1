import type { DataSource, Snapshot } from './data-source';

/** Bindings from `wrangler.toml`. */
export interface Env {
  /** Workers Static Assets: the built widget bundle. */
  ASSETS: Fetcher;
  /** Absolute public origin for links in feeds and embed code; empty means the request's origin. */
  PUBLIC_ORIGIN: string;
  /**
   * D1: the append-only revision log of live publishing (`data/migrations/`). Optional: without the binding (or
   * without its tables) reads serve the bundled data; see `worker/store`.
   */
  DB?: D1Database;
}

/** Hono environment of every route: the bindings, and the data snapshot the request is answered from. */
export type AppEnv = {
  Bindings: Env;
  Variables: {
    /**
     * The data version this request is answered from (set once per request by `worker/app.ts`): the current one, or
     * the one published by the day `?vintage=` names.
     */
    snapshot: Snapshot;
    /** Where the data comes from; write routes append through it when it is live (`worker/store`). */
    source: DataSource;
  };
};
