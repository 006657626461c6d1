/**
 * Real Chromium for the Node tests (pages, embed kit, widget), with no extra install:
 * @sparticuz/chromium unpacks a headless Chromium into the temp directory,
 * and playwright-core drives it. Where the machine has CJK fonts (Noto CJK
 * on Debian), they are added to the browser's fontconfig so Chinese text in
 * screenshots is not drawn as boxes; without them the tests still pass.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import chromium from '@sparticuz/chromium';
import { type Browser, type Page, chromium as playwright } from 'playwright-core';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fontconfig file with @sparticuz's fonts plus the system's, if it has any. */
function fontConfig(): string {
  const dirs = [join(tmpdir(), 'fonts'), '/usr/share/fonts', '/usr/local/share/fonts'].filter((d) => existsSync(d));
  const file = join(tmpdir(), 'zz-chromium-fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n${dirs.map((d) => `  <dir>${d}</dir>`).join('\n')}\n  <cachedir>${join(tmpdir(), 'zz-chromium-fonts-cache')}</cachedir>\n</fontconfig>\n`,
  );
  return file;
}

/** Launches headless Chromium. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = await chromium.executablePath();
  return playwright.launch({
    executablePath,
    headless: true,
    args: ARGS,
    env: { ...process.env, FONTCONFIG_FILE: fontConfig() },
  });
}

/**
 * Records the Content-Security-Policy violations a page reports, from its first script on (call it before `goto`).
 *
 * @example
 * const cspViolations = await recordCspViolations(page);
 * await page.goto(url);
 * expect(await cspViolations()).toEqual([]); // each as `directive blocked-URI`
 */
export async function recordCspViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}
