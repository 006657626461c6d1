#!/usr/bin/env node
/**
 * Builds the embed widget into Workers Static Assets (dist/assets):
 *   widget.js                     the stable URL (/widget.js, short-cached)
 *   widgets/widget.<hash>.js      the same bytes, content-hashed (immutable, SRI)
 *   widgets/card.<hash>.css       the card stylesheet for the server-rendered /embed/:id card
 *   widgets/manifest.json         { script, integrity, css, bytes } (worker/embed/widget-script.ts reads it)
 * One CSS source (widgets/src/card.css), minified once: written as the file
 * and compiled into the script as text for adoptedStyleSheets.
 * `--quiet` (npm start) prints nothing.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { compressedSize } from './compressed-size.mjs';

const quiet = process.argv.includes('--quiet');
const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'dist/assets');
const dir = join(out, 'widgets');

/** Browsers with constructable stylesheets and container queries; older ones keep the fallback text. */
const CSS_TARGET = ['chrome105', 'edge105', 'firefox110', 'safari16.4'];

const cssSource = readFileSync(join(root, 'widgets/src/card.css'), 'utf8');
const css = (await esbuild.transform(cssSource, { loader: 'css', minify: true, target: CSS_TARGET })).code.trim();

/** `import css from './card.css'` → the minified stylesheet as a string. */
const cssAsText = {
  name: 'card-css-as-text',
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, () => ({ contents: css, loader: 'text' }));
  },
};

const result = await esbuild.build({
  entryPoints: [join(root, 'widgets/src/index.ts')],
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  platform: 'browser',
  charset: 'utf8',
  legalComments: 'none',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  tsconfig: join(root, 'widgets/tsconfig.json'),
  plugins: [cssAsText],
  // Private members are named `like_`; they never leave the bundle, so they can be shortened.
  mangleProps: /^[a-z]+_$/,
  write: false,
  logLevel: 'warning',
});
const script = result.outputFiles[0].contents;

const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 12);
const scriptName = `widget.${hash(script)}.js`;
const cssName = `card.${hash(css)}.css`;
const bytes = compressedSize(script);

mkdirSync(dir, { recursive: true });
// Only the current build's hashed files stay, so dist/assets holds no stale copies.
for (const file of readdirSync(dir)) if (/^(widget|card)\.[0-9a-f]+\.(js|css)$/.test(file)) rmSync(join(dir, file));
writeFileSync(join(out, 'widget.js'), script);
writeFileSync(join(dir, scriptName), script);
writeFileSync(join(dir, cssName), css);
const manifest = {
  script: `/widgets/${scriptName}`,
  integrity: `sha384-${createHash('sha384').update(script).digest('base64')}`,
  css: `/widgets/${cssName}`,
  bytes,
};
writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

if (!quiet) {
  const kib = (n) => `${(n / 1024).toFixed(2)} KiB`;
  console.log(
    `widgets: ${manifest.script} ${kib(bytes.raw)} raw, ${kib(bytes.gzip)} gzip, ${kib(bytes.brotli)} brotli; ${manifest.css} ${kib(css.length)}`,
  );
}
