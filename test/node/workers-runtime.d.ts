/**
 * Node-side code imports Worker modules (types, pure functions) whose
 * declarations name Workers-runtime globals. Node has none of them, and the
 * full Workers types clash with Node's and the DOM's, so the one such global
 * they reach is declared here with the member the code uses, as
 * @cloudflare/workers-types declares it.
 */

/** A service binding such as `ASSETS` (worker/env.ts). */
interface Fetcher {
  fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
}

/** The D1 binding `DB` (worker/env.ts); Node-side code never queries it, so only its name is needed. */
interface D1Database {
  prepare(query: string): unknown;
}
