#!/usr/bin/env node
/**
 * `npm run size`: the widget script's size, everything included, against its
 * budget (9 KiB brotli, 10 KiB gzip). Exits 1 over budget, or if the widget
 * has not been built (`npm run build`).
 */
import { readFileSync } from 'node:fs';
import { compressedSize } from './compressed-size.mjs';

const BUDGET = { brotli: 9 * 1024, gzip: 10 * 1024 };
const file = new URL('../dist/assets/widget.js', import.meta.url);

let script;
try {
  script = readFileSync(file);
} catch {
  console.error('size: dist/assets/widget.js is missing; run `npm run build` first');
  process.exit(1);
}
const sizes = compressedSize(script);
const kib = (n) => `${(n / 1024).toFixed(2)} KiB`.padStart(10);
console.log('widget.js (the whole script, everything included)');
console.log(`  raw    ${kib(sizes.raw)}  (${sizes.raw} B)`);
let over = false;
for (const kind of ['gzip', 'brotli']) {
  const ok = sizes[kind] <= BUDGET[kind];
  over ||= !ok;
  console.log(
    `  ${kind.padEnd(6)} ${kib(sizes[kind])}  (${sizes[kind]} B)  budget ${kib(BUDGET[kind]).trim()}  ${ok ? 'ok' : 'OVER BUDGET'}`,
  );
}
if (over) {
  console.error('size: the widget script is over budget');
  process.exit(1);
}
