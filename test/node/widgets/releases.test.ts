/**
 * Every published widget version stays served: widgets/releases/ holds each
 * bundle ever cut (immutable, committed) and the build copies them all into
 * dist/assets/widgets. Proved end to end: a copy of the sources with a changed
 * widget is rebuilt, and a snippet pasted before that rebuild (old hash, old
 * SRI hash) still loads in Chromium from the Worker serving the new build.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WidgetManifest } from '../../../worker/markup';
import { launchChromium } from '../support/browser';
import { type RunningWorker, startWorker } from '../support/worker';
import { hostPage, startHost } from './host';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const releasesDir = join(root, 'widgets/releases');

interface Release {
  script: string;
  integrity: string;
  css: string;
}
const releasesOf = (dir: string): Release[] =>
  JSON.parse(readFileSync(join(dir, 'widgets/releases/releases.json'), 'utf8')).releases;
const manifestOf = (dir: string): WidgetManifest =>
  JSON.parse(readFileSync(join(dir, 'dist/assets/widgets/manifest.json'), 'utf8'));
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex').slice(0, 12);
const sri = (b: Buffer) => `sha384-${createHash('sha384').update(b).digest('base64')}`;
const build = (dir: string, ...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'scripts/build-widgets.mjs'), '--root', dir, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CI: '' },
  });

describe('widget releases (widgets/releases)', () => {
  it('lists every release file with its SRI hash, and the files are what their names and hashes say', () => {
    const releases = releasesOf(root);
    expect(releases.length).toBeGreaterThanOrEqual(1);
    const files = readdirSync(releasesDir).filter((f) => f !== 'releases.json');
    // Releases whose stylesheet did not change share its file.
    expect(files.sort()).toEqual([...new Set(releases.flatMap((r) => [r.script, r.css]))].sort());
    for (const r of releases) {
      const js = readFileSync(join(releasesDir, r.script));
      expect(r.script).toBe(`widget.${sha256(js)}.js`);
      expect(r.integrity).toBe(sri(js));
      expect(r.css).toBe(`card.${sha256(readFileSync(join(releasesDir, r.css)))}.css`);
    }
  });

  it('serves every release from dist/assets/widgets, the current one last and named by the manifest', () => {
    const releases = releasesOf(root);
    for (const r of releases)
      for (const f of [r.script, r.css])
        expect(readFileSync(join(root, 'dist/assets/widgets', f)).equals(readFileSync(join(releasesDir, f)))).toBe(
          true,
        );
    const manifest = manifestOf(root);
    const current = releases.find((r) => `/widgets/${r.script}` === manifest.script);
    expect(current, 'the current bundle is a release').toBeDefined();
    expect(manifest.integrity).toBe(current!.integrity);
    expect(readFileSync(join(root, 'dist/assets/widget.js')).equals(readFileSync(join(releasesDir, current!.script))));
  });

  // What CI (a fresh clone) checks: the bundle being deployed was committed as a release. Locally this fails until
  // `git add widgets/releases` after a widget change, which is the point: an uncommitted release is lost at deploy.
  it.skipIf(!existsSync(join(root, '.git')))('the current bundle is committed in widgets/releases', () => {
    const { script, css } = manifestOf(root);
    const files = ['releases.json', script.replace('/widgets/', ''), css.replace('/widgets/', '')];
    const git = spawnSync('git', ['ls-files', '--error-unmatch', ...files.map((f) => `widgets/releases/${f}`)], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(git.status, `${git.stderr}run \`git add widgets/releases\` and commit it with the widget change`).toBe(0);
  });
});

describe('after a rebuild that changed the bundle', () => {
  let copy: string;
  let before: Release[];
  let worker: RunningWorker;
  let browser: Browser;

  beforeAll(async () => {
    // The sources the widget is built from, with node_modules linked; then the widget changes and is rebuilt.
    copy = mkdtempSync(join(tmpdir(), 'zz-release-'));
    for (const part of ['widgets', 'worker', 'tsconfig.json'])
      cpSync(join(root, part), join(copy, part), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
    before = releasesOf(copy);
    const entry = join(copy, 'widgets/src/index.ts');
    writeFileSync(
      entry,
      `${readFileSync(entry, 'utf8')}\n(window as unknown as { zzRebuilt: number }).zzRebuilt = 1;\n`,
    );
    const run = build(copy);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('new release');
    worker = await startWorker({ assetsDirectory: join(copy, 'dist/assets') });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await worker?.stop();
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('adds one release and keeps every earlier one byte for byte', () => {
    const after = releasesOf(copy);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
    expect(`/widgets/${after.at(-1)!.script}`).toBe(manifestOf(copy).script);
    for (const r of after)
      expect(
        readFileSync(join(copy, 'dist/assets/widgets', r.script)).equals(
          readFileSync(join(copy, 'widgets/releases', r.script)),
        ),
      ).toBe(true);
  });

  it('adds nothing when built again from the same sources, and --frozen fails on a bundle not released', () => {
    const again = build(copy);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).not.toContain('new release');
    expect(releasesOf(copy)).toHaveLength(before.length + 1);
    const entry = join(copy, 'widgets/src/index.ts');
    writeFileSync(
      entry,
      `${readFileSync(entry, 'utf8')}\n(window as unknown as { zzRebuilt: number }).zzRebuilt = 2;\n`,
    );
    const frozen = build(copy, '--frozen');
    expect(frozen.status).toBe(1);
    expect(frozen.stderr).toMatch(/widgets\/releases lacks widget\.[0-9a-f]{12}\.js/);
    expect(releasesOf(copy)).toHaveLength(before.length + 1);
  });

  it('refuses to build when a released file was changed', () => {
    const r = releasesOf(copy)[0]!;
    const file = join(copy, 'widgets/releases', r.script);
    const original = readFileSync(file);
    writeFileSync(file, Buffer.concat([original, Buffer.from('\n')]));
    const run = build(copy);
    writeFileSync(file, original);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('released files never change');
  });

  it('serves the old hashed script immutable, and a snippet pasted before the rebuild still draws its card (SRI checked)', async () => {
    const old = before.at(-1)!;
    const res = await fetch(`${worker.origin}/widgets/${old.script}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toContain('immutable');
    expect(sri(Buffer.from(await res.arrayBuffer()))).toBe(old.integrity);
    expect((await fetch(`${worker.origin}/widgets/${old.css}`)).status).toBe(200);

    const host = await startHost(worker.origin);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      const snippet = `<script src="${worker.origin}/widgets/${old.script}" integrity="${old.integrity}" crossorigin="anonymous" async></script>
<zz-indicator indicator="platforms-total" lang="zh"><p><strong>全市各类科技创新平台</strong></p><p><b>708家</b></p></zz-indicator>`;
      await page.goto(host.page('/old', hostPage('zh-CN', 'Old snippet', snippet)));
      await expect
        .poll(
          () =>
            page.evaluate(
              () => document.querySelector('zz-indicator')?.shadowRoot?.querySelector('.value')?.textContent,
            ),
          {
            timeout: 10_000,
          },
        )
        .toBe('708家');
      // The old bundle ran, not the rebuilt one.
      expect(await page.evaluate(() => (window as unknown as { zzRebuilt?: number }).zzRebuilt)).toBeUndefined();
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await host.close();
    }
  });
});
