#!/usr/bin/env node
/**
 * One build for `npm start` and `npm test`:
 *   1. check the data files (schemas, cross-references, verbatim quotes);
 *   2. build the widget bundle into Workers Static Assets (dist/assets);
 *   3. (full build only) lint and format check (Biome), type-check (worker, widgets, Node-side scripts and
 *      tests) and bundle the Worker exactly as
 *      `wrangler deploy` would, so a bundle that only works under the test
 *      pool fails here, and print its size.
 * `--quiet` (used by `npm start`) does steps 1 and 2 only, quietly.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const quiet = process.argv.includes('--quiet');
const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(label, command, args) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit' });
  if (result.status !== 0) {
    console.error(`build: ${label} failed`);
    process.exit(result.status ?? 1);
  }
  if (!quiet) console.log(`build: ${label} ok (${Date.now() - started} ms)`);
}

run('data check', bin('tsx'), ['scripts/check-data.ts', ...(quiet ? ['--quiet'] : [])]);
mkdirSync(join(root, 'dist/assets'), { recursive: true });
if (existsSync(join(root, 'scripts/build-widgets.mjs')))
  run('widget bundle', process.execPath, ['scripts/build-widgets.mjs', ...(quiet ? ['--quiet'] : [])]);
if (quiet) process.exit(0);

// Lint, format and import order (biome.json); a warning fails too, so nothing piles up.
run('lint and format (biome ci)', bin('biome'), ['ci', '--error-on-warnings', '.']);
// Layers, import cycles between folders and hand-built public paths (README › Architecture).
run('layers and links (scripts/check-layers.mjs)', process.execPath, ['scripts/check-layers.mjs']);
run('type check (worker)', bin('tsc'), ['--noEmit', '-p', '.']);
if (existsSync(join(root, 'widgets/tsconfig.json')))
  run('type check (widgets)', bin('tsc'), ['--noEmit', '-p', 'widgets']);
// Node-side code (scripts, node tests) with Node's types; the worker check above uses the Workers types.
if (existsSync(join(root, 'test/node/tsconfig.json')))
  run('type check (node tests and scripts)', bin('tsc'), ['--noEmit', '-p', 'test/node']);
run('worker bundle (wrangler deploy --dry-run)', bin('wrangler'), ['deploy', '--dry-run', '--outdir', 'dist/worker']);

const out = join(root, 'dist/worker');
for (const file of readdirSync(out).filter((f) => f.endsWith('.js'))) {
  const bytes = readFileSync(join(out, file));
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(
    `build: worker bundle ${file}: ${kib(statSync(join(out, file)).size)} raw, ${kib(gzipSync(bytes, { level: 9 }).length)} gzip, ${kib(brotliCompressSync(bytes).length)} brotli`,
  );
}
