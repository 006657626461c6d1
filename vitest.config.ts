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
                // Test-only bindings: the migrations, and a second database that never gets them.
                bindings: { TEST_MIGRATIONS: migrations },
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
