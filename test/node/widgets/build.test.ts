/**
 * What `scripts/build-widgets.mjs` leaves in dist/assets (built by `npm test`
 * before the tests run), and `npm run size` (scripts/size.mjs) on it.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { WidgetManifest } from '../../../worker/markup';
import { ID_MAX_LENGTH, ID_PATTERN } from '../../../worker/schema/id';

const root = new URL('../../../', import.meta.url);
const assets = new URL('dist/assets/', root);
const manifest: WidgetManifest = JSON.parse(readFileSync(new URL('widgets/manifest.json', assets), 'utf8'));
const script = readFileSync(new URL('widget.js', assets));

/** The widget's own sources, and the worker modules it imports: everything in the bundle but Preact. */
function ours(): URL[] {
  const src = new URL('widgets/src/', root);
  const worker = [
    'card/model.ts',
    'card/theme.ts',
    'format/index.ts',
    'links/index.ts',
    'language/card-words.ts',
    'language/tags.ts',
    'language/punctuation.ts',
  ];
  return [
    ...readdirSync(src)
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => new URL(f, src)),
    ...worker.map((f) => new URL(`worker/${f}`, root)),
  ];
}

describe('widget build', () => {
  it('writes the stable script, an identical content-hashed copy with its SRI hash, and the card stylesheet', () => {
    expect(manifest.script).toMatch(/^\/widgets\/widget\.[0-9a-f]{12}\.js$/);
    expect(manifest.css).toMatch(/^\/widgets\/card\.[0-9a-f]{12}\.css$/);
    const hashed = readFileSync(new URL(`.${manifest.script}`, assets));
    expect(hashed.equals(script)).toBe(true);
    expect(manifest.script).toContain(createHash('sha256').update(script).digest('hex').slice(0, 12));
    expect(manifest.integrity).toBe(`sha384-${createHash('sha384').update(script).digest('base64')}`);
    expect(manifest.bytes.raw).toBe(script.length);
  });

  it('compiles the one card stylesheet, sparkline included, into the script', () => {
    const css = readFileSync(new URL(`.${manifest.css}`, assets), 'utf8');
    expect(css).toContain('.card{');
    expect(css).toMatch(/\.trend\{[^}]*\}/);
    // The widget's copy is the file, byte for byte (the iframe card's stylesheet).
    expect(script.toString('utf8')).toContain(JSON.stringify(css).slice(1, -1));
  });

  it('is one minified ES2020 file with Preact inside, no eval, and no HTML parsing of ours', () => {
    const text = script.toString('utf8');
    expect(text.split('\n').filter(Boolean).length).toBeLessThanOrEqual(2);
    expect(text).not.toMatch(/\bimport\s*[({"']|\brequire\(/);
    expect(text).not.toMatch(/\beval\(|new Function\b/);
    // Preact's diff is in the bundle, not loaded from elsewhere: its own createElementNS and its hydration check.
    expect(text).toContain('createElementNS');
    expect(text).toContain('dangerouslySetInnerHTML');
    // Preact assigns innerHTML only for dangerouslySetInnerHTML, which nothing of ours passes: its occurrences in the
    // bundle are exactly those in Preact itself, and our sources (widgets/src and the worker modules it imports)
    // never write HTML.
    const preact = readFileSync(new URL('node_modules/preact/dist/preact.module.js', root), 'utf8');
    const count = (s: string, re: RegExp) => s.match(re)?.length ?? 0;
    for (const re of [/innerHTML/g, /outerHTML/g, /insertAdjacentHTML/g, /document\.write/g])
      expect(count(text, re), String(re)).toBe(count(preact, re));
    for (const file of ours())
      expect(readFileSync(file, 'utf8'), file.pathname).not.toMatch(
        /innerHTML|outerHTML|insertAdjacentHTML|document\.write|dangerouslySetInnerHTML/,
      );
    expect(existsSync(new URL('widgets/src/dom.ts', root))).toBe(false);
    // The widget's copy of the id rule (it never sends a malformed id) is the schema's.
    expect(text).toContain(`/${ID_PATTERN.source}/`);
    expect(ID_MAX_LENGTH).toBe(80);
  });

  it("leaves out Preact's re-render scheduler, which nothing of ours can start", () => {
    // scripts/build-widgets.mjs drops Component#setState and #forceUpdate and the render queue they feed: a card is
    // drawn only through render(). That holds while our sources use no class component and no hooks.
    for (const file of ours())
      expect(readFileSync(file, 'utf8'), file.pathname).not.toMatch(
        /preact\/(hooks|compat)|\bComponent\b|setState|forceUpdate/,
      );
    // The queue's deferral (a resolved promise's then, else setTimeout) is Preact's; the bundle has none of it.
    expect(script.toString('utf8')).not.toContain('Promise.prototype.then.bind(Promise.resolve())');
  });

  it('stays within the budget: npm run size prints raw, gzip and brotli and passes', () => {
    const run = spawnSync(process.execPath, ['scripts/size.mjs'], { cwd: root, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/raw\s+[\d.]+ KiB/);
    expect(run.stdout).toMatch(/gzip\s+[\d.]+ KiB .*budget 10\.00 KiB\s+ok/);
    expect(run.stdout).toMatch(/brotli\s+[\d.]+ KiB .*budget 9\.00 KiB\s+ok/);
    expect(manifest.bytes.brotli).toBeLessThanOrEqual(9 * 1024);
    expect(manifest.bytes.gzip).toBeLessThanOrEqual(10 * 1024);
  });
});
