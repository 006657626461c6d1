#!/usr/bin/env node
/**
 * Keeps the architecture true (README › Architecture), failing the build when it is not:
 *
 * 1. Layers. Every folder of worker/ is a unit with the units it may import; the widget bundle (widgets/src) may
 *    import only the browser-safe foundations, and those import nothing server-only (no hono, no cloudflare:, no
 *    node:). Features never import each other; the app is on top.
 * 2. No import cycle between units (a cycle inside one folder is Biome's to catch).
 * 3. One source for every URL: outside worker/links, no string in worker/ or widgets/src spells a public path.
 *
 * Prints each violation as `file: message` and exits 1 if there is any.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Browser-safe foundations: the widget bundle may import these, and they import only each other. */
const BROWSER_SAFE = ['schema', 'language', 'links', 'format', 'card'];
/** Server foundations, lowest first. */
const SERVER = ['data', 'data-source', 'store', 'env', 'http', 'csv', 'markup'];
const FOUNDATIONS = [...BROWSER_SAFE, ...SERVER];
const FEATURES = ['api', 'feeds', 'pages', 'embed'];

/** What each unit may import (besides itself). Lower layers never list a higher one, so the table has no cycle. */
const ALLOWED = {
  schema: [],
  language: ['schema'],
  links: ['schema', 'language'],
  format: ['schema', 'language'],
  card: ['schema', 'language', 'links', 'format'],
  data: ['schema'],
  'data-source': [...BROWSER_SAFE, 'data'],
  store: [...BROWSER_SAFE, 'data', 'data-source'],
  env: [...BROWSER_SAFE, 'data-source', 'store'],
  http: [...BROWSER_SAFE, 'data-source', 'store', 'env'],
  csv: [...BROWSER_SAFE, 'data-source'],
  markup: [...BROWSER_SAFE, 'data-source', 'store', 'env', 'http'],
  ...Object.fromEntries(FEATURES.map((feature) => [feature, FOUNDATIONS])),
  app: [...FOUNDATIONS, ...FEATURES],
  index: ['app', 'store'],
  widgets: BROWSER_SAFE,
};
const SERVER_ONLY_PACKAGES = /^(hono|cloudflare:|node:|@cloudflare\/)/;

/** Public path prefixes: a string holding one of these outside worker/links builds a URL by hand. */
const PUBLIC_PATH =
  /(^|[^\w\\])\/(api\/v1|datasets\/|indicators\/|problems\b|embed\/|badge\/|oembed\b|widgets?[/.]|assets\/|demo\b|en\/|feed\.(xml|atom|json))/;

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The unit a file belongs to: its folder under worker/ (root files by name), `data`, or `widgets`. */
function unitOf(file) {
  const rel = relative(root, file).split('\\').join('/');
  if (rel.startsWith('widgets/src/')) return 'widgets';
  if (rel === 'data' || rel.startsWith('data/')) return 'data';
  const parts = rel.split('/');
  return parts.length === 2 ? parts[1].replace(/\.tsx?$/, '') : parts[1];
}

/** Import specifiers of a file: `import … from '…'`, `export … from '…'`, `import('…')`. */
const importsOf = (text) =>
  [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'|import\('([^']+)'\)/g)].map(
    (m) => m[1] ?? m[2],
  );

/** String and template literals of a file, comments left out. */
function stringsOf(text) {
  const out = [];
  const literal = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g;
  for (const m of text.matchAll(literal)) if (!m[0].startsWith('/')) out.push(m[0]);
  return out;
}

const problems = [];
const edges = new Map();
const sources = [...files(join(root, 'worker')), ...files(join(root, 'widgets/src'))];
for (const file of sources) {
  const text = readFileSync(file, 'utf8');
  const from = unitOf(file);
  const where = relative(root, file);
  for (const spec of importsOf(text)) {
    if (!spec.startsWith('.')) {
      if ((BROWSER_SAFE.includes(from) || from === 'widgets') && SERVER_ONLY_PACKAGES.test(spec))
        problems.push(`${where}: imports '${spec}', but ${from} must stay browser-safe`);
      continue;
    }
    const to = unitOf(resolve(dirname(file), spec));
    if (to === from) continue;
    if (!edges.has(from)) edges.set(from, new Set());
    edges.get(from).add(to);
    if (!(ALLOWED[from] ?? []).includes(to)) problems.push(`${where}: ${from} may not import ${to} ('${spec}')`);
  }
  if (!where.startsWith('worker/links/')) {
    // Import specifiers are module paths, not URLs.
    for (const literal of stringsOf(text.replace(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'[^']+'/g, ''))) {
      if (PUBLIC_PATH.test(literal))
        problems.push(`${where}: spells a public path (${literal.slice(0, 80)}); use worker/links`);
    }
  }
}

// A cycle between units (reported even where the table would allow each edge).
const state = new Map();
const stack = [];
function visit(unit) {
  state.set(unit, 'open');
  stack.push(unit);
  for (const next of edges.get(unit) ?? []) {
    if (state.get(next) === 'open')
      problems.push(`import cycle: ${[...stack.slice(stack.indexOf(next)), next].join(' → ')}`);
    else if (!state.has(next)) visit(next);
  }
  stack.pop();
  state.set(unit, 'done');
}
for (const unit of edges.keys()) if (!state.has(unit)) visit(unit);

if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`layers: ${problems.length} problem(s); see README › Architecture`);
  process.exit(1);
}
console.log(
  `layers: ${sources.length} files, ${[...edges.values()].reduce((n, s) => n + s.size, 0)} links between units, all allowed`,
);
