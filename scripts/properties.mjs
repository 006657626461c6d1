#!/usr/bin/env node
/**
 * Runs every test file that uses fast-check, again and again, each time with fresh random seeds, and stops at the
 * first failure with Vitest's output (which carries the seed and path to replay it; see README › Testing).
 *
 *   npm run test:properties            # 50 rounds
 *   npm run test:properties -- 5       # 5 rounds
 *
 * Needs a build first (`npm run build`): the Node-side files test the production bundle.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const rounds = Number(process.argv[2] ?? 50);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error(`properties: rounds must be a positive whole number, not ${process.argv[2]}`);
  process.exit(2);
}

/** Test files under `dir` that import fast-check. */
function propertyFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return propertyFiles(path);
    return entry.name.endsWith('.test.ts') && /from 'fast-check'/.test(readFileSync(path, 'utf8'))
      ? [relative(root, path)]
      : [];
  });
}

const files = propertyFiles(join(root, 'test')).sort();
console.log(`properties: ${rounds} rounds of ${files.length} files: ${files.join(', ')}`);
const started = Date.now();
for (let round = 1; round <= rounds; round++) {
  const run = spawnSync('npx', ['vitest', 'run', ...files], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) {
    process.stdout.write(run.stdout + run.stderr);
    console.error(`properties: round ${round} of ${rounds} failed`);
    process.exit(1);
  }
  console.log(`properties: round ${round} passed (${Math.round((Date.now() - started) / 1000)} s so far)`);
}
console.log(`properties: ${rounds} rounds passed in ${Math.round((Date.now() - started) / 1000)} s`);
