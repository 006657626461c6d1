declare module '*?raw' {
  const text: string;
  export default text;
}

// Test-only bindings (vitest.config.ts).
declare namespace Cloudflare {
  interface Env {
    /** The migrations of data/migrations/, read on the Node side. */
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
    /** A D1 database without migrations: no tables. */
    EMPTY_DB: D1Database;
  }
}
