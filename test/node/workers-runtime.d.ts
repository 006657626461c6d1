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

/**
 * The D1 binding `DB` (worker/env.ts), with the members worker/store uses, as @cloudflare/workers-types declares them.
 * Node-side code reaches the store's types through the app, and Miniflare's getD1Database() returns one.
 */
interface D1Result<T = unknown> {
  results: T[];
  success: boolean;
  meta: { changes: number; last_row_id: number; duration: number; [key: string]: unknown };
}
interface D1PreparedStatement {
  bind(...values: unknown[]): D1PreparedStatement;
  first<T = Record<string, unknown>>(column?: string): Promise<T | null>;
  all<T = Record<string, unknown>>(): Promise<D1Result<T>>;
  run<T = Record<string, unknown>>(): Promise<D1Result<T>>;
  raw<T = unknown[]>(): Promise<T[]>;
}
interface D1Database {
  prepare(query: string): D1PreparedStatement;
  batch<T = unknown>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]>;
  exec(query: string): Promise<unknown>;
}

/** The Workers Rate Limiting binding (`[[ratelimits]]` in wrangler.toml), as worker/http/auth.ts uses it. */
interface RateLimit {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/** workerd's non-standard constant-time comparison (worker/http/auth.ts). */
interface SubtleCrypto {
  timingSafeEqual(a: ArrayBuffer | ArrayBufferView, b: ArrayBuffer | ArrayBufferView): boolean;
}
