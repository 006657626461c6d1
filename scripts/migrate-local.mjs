#!/usr/bin/env node
/**
 * Applies the D1 migrations (data/migrations/) to the local database that `wrangler dev` keeps under
 * .wrangler/state, before `npm start` serves: no account, no network, no question asked (wrangler skips its
 * confirmation when it runs non-interactively, which `CI=true` and a closed stdin make sure of). Applying is
 * idempotent: a database that is up to date is left as it is.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const wrangler = join(root, 'node_modules', '.bin', 'wrangler');
// Extra arguments go to wrangler (a test passes `--persist-to <dir>` to keep its database out of .wrangler/state).
const result = spawnSync(
  wrangler,
  ['d1', 'migrations', 'apply', 'zhuzhou-open-data', '--local', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, CI: 'true' },
  },
);
if (result.status !== 0) {
  console.error('start: applying the D1 migrations to the local database failed (see above)');
  process.exit(result.status ?? 1);
}
