#!/usr/bin/env node
/**
 * Builds the embed widget into Workers Static Assets (dist/assets):
 *   widget.js                     the stable URL (/widget.js, short-cached): the current release
 *   widgets/widget.<hash>.js      every release ever cut, content-hashed (immutable, SRI)
 *   widgets/card.<hash>.css       every release's card stylesheet (/embed/:id links the current one)
 *   widgets/manifest.json         the current release { script, integrity, css, bytes } (worker/markup reads it)
 * One CSS source (widgets/src/card.css), minified once: written as the file
 * and compiled into the script as text for adoptedStyleSheets.
 *
 * Releases. A snippet pasted into a site names one hashed script with its SRI
 * hash, so every bundle ever published stays served. They live, committed, in
 * widgets/releases/ (widget.<hash>.js, card.<hash>.css and releases.json, the
 * list of releases with their SRI hashes, oldest first), and every one of them
 * is copied into dist/assets/widgets on each build. Release files are never
 * rewritten: the build checks each one against its name and SRI hash and stops
 * if one changed. A release is cut by building: when the bundle is new, the
 * build adds it to widgets/releases (commit that folder with the change); the
 * same sources build the same bytes, so a fresh clone adds nothing. With `CI`
 * set, or `--frozen`, a bundle missing from widgets/releases fails the build
 * instead (the releases committed must include what is deployed);
 * test/node/widgets/build.test.ts checks the same against git.
 *
 * Options: `--quiet` (npm start) prints nothing; `--frozen` (see above);
 * `--prune` first drops the releases git has never seen (the bundles of
 * intermediate builds while developing), keeping the current one;
 * `--root <dir>` builds another checkout (the release test builds a changed copy).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { compressedSize } from './compressed-size.mjs';

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const fail = (message) => {
  console.error(`widgets: ${message}`);
  process.exit(1);
};
const frozen = args.includes('--frozen') || !!process.env.CI;
const rootArg = args.indexOf('--root');
const root = rootArg >= 0 ? resolve(args[rootArg + 1]) : new URL('..', import.meta.url).pathname;
const out = join(root, 'dist/assets');
const dir = join(out, 'widgets');
const releases = join(root, 'widgets/releases');
const list = join(releases, 'releases.json');

/** Browsers with constructable stylesheets and container queries; older ones keep the fallback text. */
const CSS_TARGET = ['chrome105', 'edge105', 'firefox110', 'safari16.4'];

const cssSource = readFileSync(join(root, 'widgets/src/card.css'), 'utf8');
const css = (await esbuild.transform(cssSource, { loader: 'css', minify: true, target: CSS_TARGET })).code.trim();

/** `import css from './card.css'` → the minified stylesheet as a string (the same bytes as the file). */
const cssAsText = {
  name: 'card-css-as-text',
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, () => ({ contents: css, loader: 'text' }));
  },
};

/**
 * Preact without its re-render scheduler. The widget draws only through render() (a card is drawn anew, keyed by
 * what it shows), with no class components and no hooks, so Component.prototype.setState and forceUpdate, and the
 * queue they feed (enqueueRender, process, renderComponent in Preact's src/component.js), never run. They stay in a
 * bundle only because they hang off assignments at the top of Preact's module, which esbuild must keep: removing
 * those lets esbuild drop the rest as unused (about 0.4 KiB gzip). The patterns are Preact's dist/preact.module.js
 * of the pinned version; if Preact changes so that one no longer matches, the build stops here instead of shipping
 * a half-trimmed copy. test/node/widgets/build.test.ts checks that our sources never need the scheduler.
 */
const PREACT_SCHEDULER = [
  // BaseComponent.prototype.setState = function (update, callback) {…}; ….forceUpdate = function (callback) {…}
  /,(\w+)\.prototype\.setState=function\(\w,\w\)\{.*?\},\1\.prototype\.forceUpdate=function\(\w\)\{[^}]*\}/,
  // rerenderQueue = [], defer = Promise…then or setTimeout, depthSort = (a, b) => …, process._rerenderCount = 0
  /,\w+=\[\],\w+="function"==typeof Promise\?Promise\.prototype\.then\.bind\(Promise\.resolve\(\)\):setTimeout,\w+=function\(\w,\w\)\{return \w\.__v\.__b-\w\.__v\.__b\},\w+\.__r=0/,
];
const preactWithoutScheduler = {
  name: 'preact-without-scheduler',
  setup(build) {
    build.onLoad({ filter: /[\\/]preact[\\/]dist[\\/]preact\.module\.js$/ }, ({ path }) => {
      let contents = readFileSync(path, 'utf8');
      for (const pattern of PREACT_SCHEDULER) {
        if (!pattern.test(contents)) fail(`${path} no longer has ${pattern}: Preact changed, see PREACT_SCHEDULER`);
        contents = contents.replace(pattern, '');
      }
      return { contents, loader: 'js' };
    });
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
  // Preact's classic h() (not its jsx-runtime: one module less); each .tsx file also names its factory in a pragma.
  jsx: 'transform',
  jsxFactory: 'h',
  jsxFragment: 'Fragment',
  tsconfig: join(root, 'widgets/tsconfig.json'),
  plugins: [cssAsText, preactWithoutScheduler],
  // Private members are named `like_`; they never leave the bundle, so they can be shortened. So can Preact's
  // internals and the card model's own names (the model is built in the bundle), but never a name the browser or the
  // API reads too: a JSX prop is an attribute (the sparkline's `points`), and the API's JSON keeps its names.
  mangleProps:
    /^[a-z]+_$|^__[a-zA-Z]?$|^(componentWillMount|componentDidMount|getDerivedStateFromProps|componentWillReceiveProps|shouldComponentUpdate|componentWillUpdate|componentDidUpdate|getChildContext|getSnapshotBeforeUpdate|componentWillUnmount|componentDidCatch|getDerivedStateFromError|contextType|defaultProps|debounceRendering|setState|forceUpdate|_sb|__html|diffed|vnode|unmount|state|props|context|render|base|current|event|sub|ref|pair|rows|term|figure|prefix|when|progressId|soFar|ofTarget|updated|stale|failed|retry|trend|datetime)$/,
  write: false,
  logLevel: 'warning',
});
const script = result.outputFiles[0].contents;

const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 12);
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const scriptName = `widget.${hash(script)}.js`;
const cssName = `card.${hash(css)}.css`;
const bytes = compressedSize(script);

/** @type {{ script: string, integrity: string, css: string }[]} */
let released = existsSync(list) ? JSON.parse(readFileSync(list, 'utf8')).releases : [];
if (args.includes('--prune')) {
  const git = spawnSync('git', ['ls-files', 'widgets/releases'], { cwd: root, encoding: 'utf8' });
  if (git.status !== 0) fail('--prune needs git');
  const committed = new Set(git.stdout.split('\n').map((f) => f.replace('widgets/releases/', '')));
  released = released.filter((r) => committed.has(r.script) || r.script === scriptName);
  const keep = new Set(released.flatMap((r) => [r.script, r.css]));
  for (const file of readdirSync(releases))
    if (file !== 'releases.json' && !keep.has(file)) {
      rmSync(join(releases, file));
      if (!quiet) console.log(`widgets: dropped ${file} (never committed)`);
    }
  writeFileSync(list, `${JSON.stringify({ releases: released }, null, 2)}\n`);
}
// Released files are immutable: each must still be what its name and SRI hash say.
for (const r of released) {
  const js = readFileSync(join(releases, r.script));
  const style = readFileSync(join(releases, r.css));
  if (r.script !== `widget.${hash(js)}.js` || r.integrity !== sri(js) || r.css !== `card.${hash(style)}.css`)
    fail(`widgets/releases/${r.script} (or its stylesheet) no longer matches its hash: released files never change`);
}
const current = { script: scriptName, integrity: sri(script), css: cssName };
let cut = false;
if (!released.some((r) => r.script === scriptName)) {
  if (frozen)
    fail(
      `the bundle changed and widgets/releases lacks ${scriptName}: run \`npm run build\` and commit widgets/releases/`,
    );
  mkdirSync(releases, { recursive: true });
  writeFileSync(join(releases, scriptName), script);
  writeFileSync(join(releases, cssName), css);
  released.push(current);
  writeFileSync(list, `${JSON.stringify({ releases: released }, null, 2)}\n`);
  cut = true;
}

mkdirSync(dir, { recursive: true });
// dist/assets/widgets holds exactly the releases: every one ever cut, none other.
const keep = new Set(released.flatMap((r) => [r.script, r.css]));
for (const file of readdirSync(dir))
  if (/^(widget|card)\.[0-9a-f]+\.(js|css)$/.test(file) && !keep.has(file)) rmSync(join(dir, file));
for (const file of keep) copyFileSync(join(releases, file), join(dir, file));
writeFileSync(join(out, 'widget.js'), script);
const manifest = { script: `/widgets/${scriptName}`, integrity: current.integrity, css: `/widgets/${cssName}`, bytes };
writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

if (!quiet) {
  const kib = (n) => `${(n / 1024).toFixed(2)} KiB`;
  console.log(
    `widgets: ${manifest.script} ${kib(bytes.raw)} raw, ${kib(bytes.gzip)} gzip, ${kib(bytes.brotli)} brotli; ${manifest.css} ${kib(css.length)}; ${released.length} release(s) served`,
  );
}
if (cut && !quiet)
  console.log(`widgets: new release ${scriptName} added to widgets/releases/ (commit it with your change)`);
