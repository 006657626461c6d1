import { HtmlValidate } from 'html-validate';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRows, syntheticIds, syntheticRows } from '../../scripts/scale-catalog';
import { axeViolations } from './support/axe';
import { launchChromium, recordCspViolations } from './support/browser';
import { type RunningWorker, startWorker } from './support/worker';

const TOKEN = 'test-token-publish-page-4f9c2a71d0';
const DATASET = 'innovation-platforms';
const INDICATOR = 'platforms-national';

let worker: RunningWorker;
let browser: Browser;

beforeAll(async () => {
  worker = await startWorker({ d1: true, tokens: `test-officer:${TOKEN}` });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

/** A page that records console errors, page errors, CSP violations and every request it makes. */
async function watchedPage(context: BrowserContext) {
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    // Chromium logs every non-2xx answer to fetch() as "Failed to load resource"; the 400 of a check and the 412
    // of a stale publish are answers the page expects and explains, not errors of the page.
    if (
      m.type() === 'error' &&
      !/Failed to load resource: the server responded with a status of (400|412)/.test(m.text())
    )
      errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  const violations = await recordCspViolations(page);
  return { page, errors, requests, violations };
}

/** Pastes the token, picks the dataset and indicator, and waits for its current data. */
async function pick(page: Page, token = TOKEN) {
  await page.locator('#publish-form').waitFor({ state: 'visible' });
  await page.locator('#token').fill(token);
  await page.locator('#dataset').selectOption(DATASET);
  await page.locator('#indicator').selectOption(INDICATOR);
  await page.locator(`#current[data-indicator="${INDICATOR}"] table`).first().waitFor();
}

/** Fills the new figure's fields. */
async function fillFigure(page: Page, value: string, figure: string) {
  await page.locator('#f-period').fill('2023-06-30');
  await page.locator('#f-value').fill(value);
  await page.locator('#f-qualifier').selectOption('exact');
  await page.locator('#f-asOf').fill('2023-06-30');
  await page.locator('#f-figure').fill(figure);
  await page.locator('#f-title-zh').fill('2023年上半年科技统计快报');
  await page.locator('#f-title-en').fill('Science and technology statistics, first half of 2023');
  await page.locator('#f-url').fill('https://kjj.zhuzhou.gov.cn/example');
  await page.locator('#f-reason').fill('上半年统计快报');
}

const apiIndicator = async () =>
  (await (await fetch(`${worker.origin}/api/v1/indicators/${INDICATOR}`)).json()) as { value: number; period: string };

describe('/publish as served', () => {
  it('passes html-validate (recommended) in both languages, with its own CSP adding connect-src only', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    for (const path of ['/publish', '/en/publish']) {
      const res = await fetch(`${worker.origin}${path}`, { headers: { Accept: 'text/html' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe(
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; connect-src 'self'",
      );
      const report = await validator.validateString(await res.text(), path);
      expect(report.results.flatMap((r) => r.messages.map((m) => `${path} ${m.line}:${m.column} ${m.ruleId}`))).toEqual(
        [],
      );
    }
  });
});

describe('/publish without JavaScript', () => {
  it('lists the indicators and says that publishing needs JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${worker.origin}/publish`);
    await expect(page.locator('#publish-nojs').isVisible()).resolves.toBe(true);
    expect(await page.locator('#publish-nojs').textContent()).toContain('JavaScript');
    await expect(page.locator('#publish-form').isVisible()).resolves.toBe(false);
    await expect(page.locator(`code:text-is("${INDICATOR}")`).isVisible()).resolves.toBe(true);
    // The site navigation links the page in both languages.
    await page.goto(`${worker.origin}/en/`);
    expect(await page.locator('.site nav a[href="/en/publish"]').textContent()).toBe('Publish');
    await context.close();
  });
});

describe('/publish in Chromium', () => {
  it('checks, previews and publishes; the figure reaches the indicator page and the API; a stale publish is explained', async () => {
    const context = await browser.newContext();
    const { page, errors, requests, violations } = await watchedPage(context);
    const response = await page.goto(`${worker.origin}/publish`);
    expect(response?.headers()['content-security-policy']).toContain("connect-src 'self'");
    await pick(page);
    expect(await page.locator('#current').textContent()).toContain('60');

    // The API's own field messages, under their fields.
    await fillFigure(page, '62', '62家');
    await page.locator('#f-period').fill('June 2023');
    await page.locator('#f-title-en').fill('');
    await page.locator('#check').click();
    await page.locator('#f-period-error').waitFor({ state: 'visible' });
    expect(await page.locator('#f-period').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#f-title-en').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#f-period-error').textContent()).not.toBe('');
    await page.locator('#publish-status').filter({ hasText: '需要修改' }).waitFor();

    // A valid dry run: the card as it will look, nothing written.
    await page.locator('#f-period').fill('2023-06-30');
    await page.locator('#f-title-en').fill('Science and technology statistics, first half of 2023');
    await page.locator('#check').click();
    await page.locator('#preview .card').waitFor();
    expect(await page.locator('#f-period').getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('#preview').textContent()).toContain('62');
    expect((await apiIndicator()).value).toBe(60);

    // Publish.
    await page.locator('#publish-button').click();
    await page.locator('#publish-status').filter({ hasText: '已发布' }).waitFor();
    expect(await page.locator('#publish-result a').count()).toBeGreaterThan(0);
    expect(await apiIndicator()).toMatchObject({ value: 62, period: '2023-06-30' });
    await page.locator('#current').filter({ hasText: '62家' }).waitFor();

    // Someone else publishes in between: the page's ETag is stale.
    const other = await fetch(`${worker.origin}/api/v1/indicators/${INDICATOR}/revisions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({
        period: '2023-06-30',
        value: 63,
        qualifier: 'exact',
        figure: '63家',
        source: {
          publisher: { zh: '株洲市科学技术局', en: 'Zhuzhou Science and Technology Bureau' },
          title: { zh: '更正', en: 'Correction' },
        },
        reason: '另一位数据官的更正',
      }),
    });
    expect(other.status).toBe(201);
    await page.locator('#f-value').fill('64');
    await page.locator('#f-figure').fill('64家');
    await page.locator('#publish-button').click();
    const stale = page.locator('#publish-status').filter({ hasText: '别人刚刚先发布' });
    await stale.waitFor();
    expect(await stale.textContent()).toContain('63家');
    expect((await apiIndicator()).value).toBe(63);

    // The new figure on the indicator page (a page of the site, read in the same browser).
    await page.goto(`${worker.origin}/indicators/${INDICATOR}`);
    expect(await page.locator('p.figure').textContent()).toContain('63');

    // The token: this tab's sessionStorage only.
    await page.goto(`${worker.origin}/publish`);
    await page.locator('#publish-form').waitFor({ state: 'visible' });
    expect(await page.locator('#token').inputValue()).toBe(TOKEN);
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(TOKEN);
    for (const url of requests) {
      expect(url).not.toContain(TOKEN);
      expect(new URL(url).origin, url).toBe(worker.origin);
    }
    await page.locator('#forget-token').click();
    expect(await page.locator('#token').inputValue()).toBe('');
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain(TOKEN);

    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('explains a token that is not accepted', async () => {
    const context = await browser.newContext();
    const { page } = await watchedPage(context);
    await page.goto(`${worker.origin}/en/publish`);
    await pick(page, 'not-the-token');
    await fillFigure(page, '62', '62家');
    await page.locator('#check').click();
    await page.locator('#publish-status').filter({ hasText: 'token was not accepted' }).waitFor();
    await context.close();
  });

  it('axe finds no violations, in light and dark, in Chinese and English, with messages and a preview', async () => {
    const findings: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const path of ['/publish', '/en/publish']) {
        const options: BrowserContextOptions = { colorScheme, bypassCSP: true, viewport: { width: 1280, height: 900 } };
        const context = await browser.newContext(options);
        const page = await context.newPage();
        await page.goto(`${worker.origin}${path}`);
        await pick(page);
        await fillFigure(page, '62', '62家');
        await page.locator('#f-period').fill('June 2023');
        await page.locator('#check').click();
        await page.locator('#f-period-error').waitFor({ state: 'visible' });
        findings.push(...(await axeViolations(page)).map((f) => `${colorScheme} ${path} messages ${f}`));
        await page.locator('#f-period').fill('2023-06-30');
        await page.locator('#check').click();
        await page.locator('#preview .card').waitFor();
        findings.push(...(await axeViolations(page)).map((f) => `${colorScheme} ${path} preview ${f}`));
        await context.close();
      }
    }
    expect(findings).toEqual([]);
  });
});

describe('/publish explains refusals', () => {
  /** Checks the form on `other` and returns the status text once it says `expected`. */
  async function refusal(other: RunningWorker, path: string, expected: string): Promise<string> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${other.origin}${path}`);
    await pick(page);
    await fillFigure(page, '62', '62家');
    await page.locator('#check').click();
    const status = page.locator('#publish-status').filter({ hasText: expected });
    await status.waitFor();
    const text = (await status.textContent()) ?? '';
    await context.close();
    return text;
  }

  it('403 when the server takes no writes (no tokens configured)', async () => {
    const other = await startWorker({ d1: true });
    try {
      expect(await refusal(other, '/en/publish', 'does not accept publishing')).toMatch(/PUBLISH_TOKENS|token/i);
    } finally {
      await other.stop();
    }
  });

  it('429 after repeated failures from the same client, with the seconds to wait', async () => {
    const other = await startWorker({ d1: true, tokens: `test-officer:${TOKEN}` });
    try {
      let last = 0;
      for (let n = 0; n < 15 && last !== 429; n++) {
        const res = await fetch(`${other.origin}/api/v1/indicators/${INDICATOR}/revisions?dry-run=true`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: 'Bearer guess' },
          body: '{}',
        });
        last = res.status;
      }
      expect(last).toBe(429);
      expect(await refusal(other, '/publish', '失败次数过多')).toMatch(/\d+ 秒后再试/);
    } finally {
      await other.stop();
    }
  });
});

describe('/publish with a catalog too long to list', () => {
  it("lists no indicator in the page; the script reads the chosen dataset's, page by page, and checks a figure", async () => {
    const other = await startWorker({ d1: true, tokens: `test-officer:${TOKEN}` });
    try {
      // 1,100 indicators in 11 datasets (the page lists at most 1,000), then 30 more in one of them: two API pages.
      const db = (await other.mf.getD1Database('DB')) as unknown as D1Database;
      const options = { datasets: 11, observations: 1, publisher: 'test-officer' };
      await insertRows(db, syntheticRows(options));
      const { datasets, indicators } = syntheticIds(options);
      const dataset = datasets[7]!;
      const extra = Array.from({ length: 30 }, (_, n) => `${dataset}-extra-${n}`);
      const res = await fetch(`${other.origin}/api/v1/revisions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({
          revisions: extra.map((id) => ({
            kind: 'indicator',
            dataset,
            indicator: {
              id,
              label: { zh: `附加指标${id}`, en: `Extra ${id}` },
              unit: 'count',
              unitLabel: { zh: '家', en: 'enterprises' },
              kind: 'actual',
              measure: 'level',
            },
            period: '2023-06-30',
            value: 1,
            qualifier: 'exact',
            source: { publisher: { zh: '局', en: 'Bureau' }, title: { zh: '快报', en: 'Bulletin' } },
            reason: 'more',
          })),
        }),
      });
      expect(res.status).toBe(201);

      const html = await (await fetch(`${other.origin}/en/publish`)).text();
      expect(html.length).toBeLessThan(100_000);
      expect(html).not.toContain(`<option value="${indicators[0]}"`);
      expect(html).toContain(`<code>${dataset}</code>`);
      const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(html);
      expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`))).toEqual([]);

      const context = await browser.newContext();
      const { page, errors, violations } = await watchedPage(context);
      await page.goto(`${other.origin}/en/publish`);
      await page.locator('#publish-form').waitFor({ state: 'visible' });
      await page.locator('#token').fill(TOKEN);
      await page.locator('#dataset').selectOption(dataset);
      const target = extra.at(-1)!;
      await page.locator('#indicator').selectOption(target);
      await page.locator(`#current[data-indicator="${target}"] table`).first().waitFor();
      expect(await page.locator('#indicator option').count()).toBe(130);
      expect(await page.locator('#indicator option').first().getAttribute('value')).toBe(indicators[700]);
      await fillFigure(page, '62', '62家');
      await page.locator('#check').click();
      await page.locator('#preview *').first().waitFor();
      expect(errors).toEqual([]);
      expect(await violations()).toEqual([]);
      await context.close();
    } finally {
      await other.stop();
    }
  });
});
