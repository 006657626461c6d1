import type { Snapshot } from './data-source';
import type { Env } from './env';

/** Hono environment of every route: bindings plus the current data snapshot. */
export type App = {
  Bindings: Env;
  Variables: {
    /** The data version this request is answered from (set once per request by `worker/app.ts`). */
    snapshot: Snapshot;
  };
};
