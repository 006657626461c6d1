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
  /**
   * Secret: who may publish, as `name:token` pairs, comma-separated (`officer-a:…,officer-b:…`). A revision records the
   * name as its publisher. Unset or empty: writes are disabled (403). Locally in `.dev.vars`.
   */
  PUBLISH_TOKENS?: string;
  /** Workers Rate Limiting: counts failed write authentications per client (`[[ratelimits]]` in wrangler.toml). */
  PUBLISH_AUTH_LIMITER?: RateLimit;
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
    /** The `X-Data-State` of this request's read (`live`, `stale; problem=…`), empty for a source without one. */
    dataState: string;
    /** Set by a route that serves a built file (the widget): the same for the whole deploy, so the edge cache keeps it. */
    builtAsset?: boolean;
  };
};
