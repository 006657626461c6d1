/** Bindings from `wrangler.toml`. */
export interface Env {
  /** Workers Static Assets: the built widget bundle. */
  ASSETS: Fetcher;
  /** Absolute public origin for links in feeds and embed code; empty means the request's origin. */
  PUBLIC_ORIGIN: string;
}

/** Hono environment with bindings only. */
export type AppEnv = { Bindings: Env };
