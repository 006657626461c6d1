import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

/**
 * Two projects: `worker` runs inside workerd (the Workers runtime) through the
 * Workers Vitest pool; `node` drives the built bundle from outside (Miniflare,
 * real Chromium, independent feed and OpenAPI validators).
 */
export default defineConfig(async () => {
  // The real migrations, applied to the D1 binding `DB` by test/worker/apply-migrations.ts.
  const migrations = await readD1Migrations('data/migrations');
  return {
    test: {
      projects: [
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: './wrangler.toml' },
              miniflare: {
                // Test-only bindings: the migrations, a second database that never gets them, and the publishing tokens
                // of the write API's tests (not secrets: they open only the test D1).
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  PUBLISH_TOKENS: 'test-officer:test-token-4f9c2a71e5,second-officer:test-token-b83d16c0aa',
                },
                d1Databases: { EMPTY_DB: 'test-empty-db' },
              },
            }),
          ],
          test: {
            name: 'worker',
            include: ['test/worker/**/*.test.ts'],
            setupFiles: ['test/worker/apply-migrations.ts'],
          },
        },
        {
          test: {
            name: 'node',
            environment: 'node',
            include: ['test/node/**/*.test.ts'],
            testTimeout: 60_000,
            hookTimeout: 120_000,
            // One Miniflare and one Chromium at a time on a 2-core machine.
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
