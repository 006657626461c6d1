import { type ConfigData, HtmlValidate, type Message } from 'html-validate';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { launchChromium, recordCspViolations } from './support/browser';
import { type RunningWorker, startWorker } from './support/worker';

/** The recommended preset as it is: no rule relaxed. */
const CONFIG: ConfigData = { extends: ['html-validate:recommended'] };

const BROWSER = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

let worker: RunningWorker;
const validator = new HtmlValidate(CONFIG);

beforeAll(async () => {
  worker = await startWorker();
});
afterAll(() => worker?.stop());

/** One line per finding, for a readable failure. */
const describeMessages = (messages: Message[]) =>
  messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message} (${m.selector ?? ''})`);

async function validate(path: string, expectedStatus = 200): Promise<string[]> {
  const res = await fetch(`${worker.origin}${path}`, { headers: BROWSER });
  expect(res.status, path).toBe(expectedStatus);
  expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const report = await validator.validateString(await res.text(), path);
  return report.results.flatMap((r) => describeMessages(r.messages));
}

/** Every dataset and its indicators, found through the API as a client would. */
async function catalog(): Promise<{ id: string; indicators: string[] }[]> {
  const { datasets } = (await (await fetch(`${worker.origin}/api/v1/datasets`)).json()) as {
    datasets: { id: string }[];
  };
  return Promise.all(
    datasets.map(async ({ id }) => {
      const detail = (await (await fetch(`${worker.origin}/api/v1/datasets/${id}`)).json()) as {
        indicators: { id: string }[];
      };
      return { id, indicators: detail.indicators.map((i) => i.id) };
    }),
  );
}

describe('HTML pages of the production bundle pass html-validate (recommended)', () => {
  it.each(['/', '/en/'])('landing page %s', async (path) => {
    expect(await validate(path)).toEqual([]);
  });

  it('every dataset page and indicator page, in both languages', async () => {
    const datasets = await catalog();
    expect(datasets.length).toBeGreaterThan(0);
    const findings: string[] = [];
    for (const prefix of ['', '/en']) {
      for (const dataset of datasets) {
        for (const path of [
          `${prefix}/datasets/${dataset.id}`,
          ...dataset.indicators.map((id) => `${prefix}/indicators/${id}`),
        ]) {
          findings.push(...(await validate(path)).map((f) => `${path} ${f}`));
        }
      }
    }
    expect(findings).toEqual([]);
  });

  it('problem type pages and the HTML 404', async () => {
    expect(await validate('/problems')).toEqual([]);
    expect(await validate('/en/problems/not-found')).toEqual([]);
    expect(await validate('/datasets/no-such-dataset', 404)).toEqual([]);
  });

  it('the validator does flag broken markup (the check can fail)', async () => {
    const report = await validator.validateString(
      '<!doctype html><html lang="en"><head><title>x</title></head><body><main><h1>a</h1><h3>b</h3><p><div></div></p></main></body></html>',
    );
    expect(report.valid).toBe(false);
  });
});

describe('served with the page CSP over real HTTP', () => {
  it('every page response, 404 included, carries the CSP and its assets load', async () => {
    const [dataset] = await catalog();
    for (const path of [
      '/',
      `/en/datasets/${dataset!.id}`,
      `/indicators/${dataset!.indicators[0]}`,
      '/datasets/no-such-dataset',
    ]) {
      const res = await fetch(`${worker.origin}${path}`, { headers: BROWSER });
      // Pages with the embed builder add frame-src 'self': their preview is our own iframe card.
      const framing = res.status === 200 && /\/(datasets|indicators)\//.test(path) ? "; frame-src 'self'" : '';
      expect(res.headers.get('content-security-policy')).toBe(
        `default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'${framing}`,
      );
      const html = await res.text();
      for (const [, url] of html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)) {
        const asset = await fetch(`${worker.origin}${url}`);
        expect(asset.status, url).toBe(200);
        expect(asset.headers.get('cache-control')).toContain('immutable');
      }
    }
  });
});

describe('in real Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  /** axe-core's WCAG 2.x A and AA violations on a page, as `rule: selectors`. */
  async function axe(path: string, options: BrowserContextOptions): Promise<string[]> {
    // axe is injected past the CSP (it is the auditor, not the page); the CSP itself is tested below.
    const context = await browser.newContext({ ...options, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${worker.origin}${path}`);
    const violations = await axeViolations(page);
    await context.close();
    return violations;
  }

  it('axe finds no violations on the pages, in light and dark, on desktop and phone widths', async () => {
    const [dataset] = await catalog();
    const findings: string[] = [];
    const wide = [
      '/',
      '/en/',
      `/datasets/${dataset!.id}`,
      `/en/indicators/${dataset!.indicators[0]}`,
      '/problems',
      '/datasets/no-such-dataset',
    ];
    const narrow = ['/', `/indicators/${dataset!.indicators[0]}`];
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const [width, paths] of [
        [1280, wide],
        [360, narrow],
      ] as const) {
        for (const path of paths) {
          findings.push(
            ...(await axe(path, { colorScheme, viewport: { width, height: 800 } })).map(
              (f) => `${colorScheme} ${width}px ${path} ${f}`,
            ),
          );
        }
      }
    }
    expect(findings).toEqual([]);
  });

  it('the copy button works under the page CSP, with no violation, console error or outside request', async () => {
    const [dataset] = await catalog();
    const path = `/indicators/${dataset!.indicators[0]}`;
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: worker.origin });
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    const cspViolations = await recordCspViolations(page);
    await page.goto(`${worker.origin}${path}`);
    const button = page.locator('button[data-copy="embed-code"]');
    await button.waitFor({ state: 'visible' });
    await button.click();
    await page.locator('#copy-status').filter({ hasText: '已复制' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.locator('#embed-code').textContent());
    expect(copied).toContain('<zz-indicator');
    expect(await cspViolations()).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    for (const url of requests) expect(new URL(url).origin, url).toBe(worker.origin);
    // Print: navigation and the copy control are hidden, the figures are not.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site nav').isVisible()).toBe(false);
    expect(await button.isVisible()).toBe(false);
    expect(await page.locator('p.figure').isVisible()).toBe(true);
    await context.close();
  });
});
