import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

/**
 * Two projects: `worker` runs inside workerd (the Workers runtime) through the
 * Workers Vitest pool; `node` drives the built bundle from outside (Miniflare,
 * real Chromium, independent feed and OpenAPI validators).
 */
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' } })],
        test: { name: 'worker', include: ['test/worker/**/*.test.ts'] },
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
});
