import { type ConfigData, HtmlValidate } from 'html-validate';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files } from '../../data';
import { loadData } from '../../worker/data-source';
import { axeViolations } from './support/axe';
import { launchChromium, recordCspViolations } from './support/browser';
import { type RunningWorker, startWorker } from './support/worker';

const data = loadData(files);
const CONFIG: ConfigData = { extends: ['html-validate:recommended'] };
const BROWSER = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
const PATHS = data.news.flatMap((n) => [`/news/${n.id}`, `/en/news/${n.id}`]);

let worker: RunningWorker;
beforeAll(async () => {
  worker = await startWorker();
});
afterAll(() => worker?.stop());

describe('news pages of the production bundle', () => {
  it(`pass html-validate (recommended), all ${PATHS.length}, with the page CSP`, async () => {
    expect(PATHS.length).toBeGreaterThan(0);
    const validator = new HtmlValidate(CONFIG);
    const findings: string[] = [];
    for (const path of PATHS) {
      const res = await fetch(`${worker.origin}${path}`, { headers: BROWSER });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe(
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
      );
      const report = await validator.validateString(await res.text(), path);
      findings.push(
        ...report.results.flatMap((r) =>
          r.messages.map((m) => `${path} ${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
        ),
      );
    }
    expect(findings).toEqual([]);
  });

  it('the validator does flag broken markup (the check can fail)', async () => {
    const report = await new HtmlValidate(CONFIG).validateString(
      '<!doctype html><html lang="en"><head><title>x</title></head><body><main><h1>a</h1><h3>b</h3></main></body></html>',
    );
    expect(report.valid).toBe(false);
  });
});

describe('news pages in real Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  /** axe-core's violations on a page, as `rule: selectors`, and the CSP violations the page itself caused. */
  async function audit(path: string, options: BrowserContextOptions): Promise<string[]> {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    const cspViolations = await recordCspViolations(page);
    await page.goto(`${worker.origin}${path}`);
    const csp = await cspViolations();
    // axe is injected after the page's own check (it is the auditor, not the page), past the CSP.
    await context.close();
    const audited = await browser.newContext({ ...options, bypassCSP: true });
    const auditPage = await audited.newPage();
    await auditPage.goto(`${worker.origin}${path}`);
    const violations = await axeViolations(auditPage);
    await audited.close();
    return [...csp.map((c) => `csp ${c}`), ...violations];
  }

  it('have no axe violation and no CSP violation, in light and dark, at 1280 and 360 px', async () => {
    const findings: string[] = [];
    const [first] = data.news;
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const [width, paths] of [
        [1280, PATHS],
        [360, [`/news/${first!.id}`, `/en/news/${first!.id}`]],
      ] as const) {
        for (const path of paths) {
          findings.push(
            ...(await audit(path, { colorScheme, viewport: { width, height: 800 } })).map(
              (f) => `${colorScheme} ${width}px ${path} ${f}`,
            ),
          );
        }
      }
    }
    expect(findings).toEqual([]);
  }, 120_000);
});
