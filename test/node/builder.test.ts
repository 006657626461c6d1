import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ConfigData, HtmlValidate } from 'html-validate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { launchChromium } from './support/browser';
import { type RunningWorker, startWorker } from './support/worker';
import { strictCsp } from './widgets/host';

const BROWSER = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

let worker: RunningWorker;
let browser: Browser;
let host: Host;

beforeAll(async () => {
  [worker, browser] = await Promise.all([startWorker(), launchChromium()]);
  host = await startHost();
});
afterAll(async () => {
  await host?.close();
  await browser?.close();
  await worker?.stop();
});

/** A host site on another origin whose every page carries the CSP it was published with. */
interface Host {
  origin: string;
  page(path: string, csp: string, body: string): string;
  close(): Promise<void>;
}

async function startHost(): Promise<Host> {
  const pages = new Map<string, { csp: string; html: string }>();
  const server: Server = createServer((req, res) => {
    const found = pages.get(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (!found) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': found.csp,
        'Cache-Control': 'no-store',
      })
      .end(found.html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://localhost:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    page(path, csp, body) {
      pages.set(path, {
        csp,
        html: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>区政府网站</title></head><body><main><h1>区政府网站</h1>\n${body}\n</main></body></html>`,
      });
      return origin + path;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** What a page does that a webmaster would call a problem: CSP violations, console errors, page errors. */
async function watched(context: BrowserContext): Promise<{ page: Page; problems: string[]; requests: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on(
    'console',
    (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`${m.type()}: ${m.text()}`),
  );
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return { page, problems, requests };
}

describe('html-validate (recommended) on the catalog page', () => {
  it.each(['/indicators', '/en/indicators'])('%s', async (path) => {
    const res = await fetch(`${worker.origin}${path}`, { headers: BROWSER });
    expect(res.status).toBe(200);
    const config: ConfigData = { extends: ['html-validate:recommended'] };
    const report = await new HtmlValidate(config).validateString(await res.text(), path);
    expect(
      report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`)),
    ).toEqual([]);
  });
});

describe('the catalog page in Chromium', () => {
  it('filters as one types, says how many are shown, and lists everything again when cleared', async () => {
    const context = await browser.newContext();
    const { page, problems, requests } = await watched(context);
    await page.goto(`${worker.origin}/indicators`);
    const rows = page.locator('tr[data-filter-text]');
    const total = await rows.count();
    expect(total).toBeGreaterThan(30);
    const input = page.getByLabel('筛选指标');
    await input.waitFor({ state: 'visible' });
    const status = page.locator('#filter-count');
    expect(await status.getAttribute('role')).toBe('status');
    expect(await status.textContent()).toBe(`共${total}项指标。`);

    await input.fill('平台');
    await expect.poll(() => status.textContent()).toMatch(/^显示\d+项指标中的\d+项。$/);
    const shown = await page.locator('tr[data-filter-text]:visible').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(total);
    expect(await status.textContent()).toBe(`显示${total}项指标中的${shown}项。`);
    for (const text of await page
      .locator('tr[data-filter-text]:visible')
      .evaluateAll((r) => r.map((e) => e.textContent)))
      expect(text).toContain('平台');
    // A dataset with no match is hidden as a whole.
    expect(await page.locator('section.catalog-group:visible').count()).toBeLessThan(
      await page.locator('section.catalog-group').count(),
    );

    // Two words must both match; English words and ids work on the Chinese page too.
    await input.fill('PLATFORMS national');
    await expect.poll(() => page.locator('tr[data-filter-text]:visible').count()).toBe(1);
    expect(await page.locator('tr[data-filter-text]:visible a').getAttribute('href')).toBe(
      '/indicators/platforms-national',
    );

    await input.fill('没有这种指标');
    await expect.poll(() => status.textContent()).toBe('没有符合条件的指标。');
    expect(await page.locator('section.catalog-group:visible').count()).toBe(0);

    await input.fill('');
    await expect.poll(() => status.textContent()).toBe(`共${total}项指标。`);
    expect(await page.locator('tr[data-filter-text]:visible').count()).toBe(total);

    expect(problems).toEqual([]);
    for (const url of requests) expect(new URL(url).origin, url).toBe(worker.origin);
    await context.close();
  });

  it('without JavaScript lists every indicator and shows no dead filter box', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${worker.origin}/en/indicators`);
    expect(await page.locator('input#filter').isVisible()).toBe(false);
    const total = await page.locator('tr[data-filter-text]').count();
    expect(await page.locator('tr[data-filter-text]:visible').count()).toBe(total);
    expect(await page.locator('#filter-count').textContent()).toBe(`All ${total} indicators.`);
    await context.close();
  });
});

/** The text of the builder's code for a form. */
const codeOf = (page: Page, form: string) =>
  page.locator(form === 'script' ? '#embed-code' : `#embed-code-${form}`).textContent();

describe('the embed builder in Chromium', () => {
  it('changes the code and the preview with language and theme; copy copies what is shown', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: worker.origin });
    const { page, problems, requests } = await watched(context);
    await page.goto(`${worker.origin}/indicators/platforms-total`);
    const controls = page.locator('[data-builder-controls]');
    await controls.waitFor({ state: 'visible' });
    const preview = page.locator('iframe[data-builder-preview]');
    expect(await preview.getAttribute('src')).toBe('/embed/platforms-total?lang=zh');
    expect(await codeOf(page, 'script')).toContain('lang="zh"');
    // The preview's height follows the card's own report.
    const frame = page.frameLocator('iframe[data-builder-preview]');
    await frame.locator('.card').waitFor();
    const measured = () =>
      page
        .frame({ url: /\/embed\/platforms-total/ })!
        .evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    // Both read on every poll: the card may settle after its first report (fonts), so no stale expectation.
    await expect.poll(async () => Number(await preview.getAttribute('height')) === (await measured())).toBe(true);

    await page.getByLabel('English').check();
    await page.getByLabel('深色').check();
    await expect.poll(() => preview.getAttribute('src')).toBe('/embed/platforms-total?lang=en&theme=dark');
    // The change is said politely, once, in the page's language.
    expect(await page.locator('.builder-status').getAttribute('role')).toBe('status');
    await expect.poll(() => page.locator('.builder-status').textContent()).toBe('代码和预览已更新：English、深色。');
    const script = (await codeOf(page, 'script'))!;
    expect(script).toMatch(/<zz-indicator indicator="platforms-total" lang="en" theme="dark">/);
    expect(script).toContain('innovation platforms');
    expect(await codeOf(page, 'iframe')).toContain('/embed/platforms-total?lang=en&amp;theme=dark');
    expect(await codeOf(page, 'iframe')).toContain('frameborder="0"');
    expect(await codeOf(page, 'badge')).toContain('/badge/platforms-total.svg?lang=en');
    expect(await codeOf(page, 'markdown')).toContain('/en/indicators/platforms-total');
    expect(await codeOf(page, 'oembed')).toMatch(/&theme=dark$/);
    // The preview shows the English card, dark.
    const card = page.frameLocator('iframe[data-builder-preview]').locator('.card');
    await expect.poll(() => card.textContent()).toContain('platforms');
    const background = await card.evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');

    for (const form of ['script', 'iframe', 'badge', 'markdown', 'oembed']) {
      const id = form === 'script' ? 'embed-code' : `embed-code-${form}`;
      await page.locator(`button[data-copy="${id}"]`).click();
      const status = page.locator(`#${await page.locator(`button[data-copy="${id}"]`).getAttribute('data-status')}`);
      await expect.poll(() => status.textContent()).toBe('已复制到剪贴板。');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await codeOf(page, form));
    }

    // Back to the page's own choice: the code is the one shown without JavaScript.
    await page.getByLabel('中文').check();
    await page.getByLabel('浅色').check();
    const plain = await (await fetch(`${worker.origin}/indicators/platforms-total`, { headers: BROWSER })).text();
    const shownWithoutJs = /<code id="embed-code">([\s\S]*?)<\/code>/.exec(plain)![1]!;
    const decoded = shownWithoutJs
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
    expect(await page.locator('#embed-code').textContent()).toBe(decoded);

    expect(problems).toEqual([]);
    for (const url of requests) expect(new URL(url).origin, url).toBe(worker.origin);
    await context.close();
  });

  it('without JavaScript shows the default code and preview, and no dead choices or buttons', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${worker.origin}/en/indicators/platforms-total`);
    expect(await page.locator('[data-builder-controls]').isVisible()).toBe(false);
    expect(await page.locator('button[data-copy]:visible').count()).toBe(0);
    expect(await page.locator('#embed-code').textContent()).toContain(
      '<zz-indicator indicator="platforms-total" lang="en">',
    );
    expect(await page.locator('#embed-code-iframe').isVisible()).toBe(true);
    await expect
      .poll(() => page.frameLocator('iframe[data-builder-preview]').locator('.card').textContent())
      .toContain('708');
    await context.close();
  });

  it('on a dataset page, in English: the dataset card, auto theme', async () => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const { page, problems } = await watched(context);
    await page.goto(`${worker.origin}/en/datasets/innovation-platforms`);
    await page.locator('[data-builder-controls]').waitFor({ state: 'visible' });
    expect(await page.locator('#embed-code-badge').count()).toBe(0);
    await page.getByLabel('Follow the visitor’s system setting').check();
    await expect
      .poll(() => page.locator('iframe[data-builder-preview]').getAttribute('src'))
      .toBe('/embed/dataset/innovation-platforms?lang=en&theme=auto');
    expect(await codeOf(page, 'script')).toMatch(
      /<zz-indicator dataset="innovation-platforms" lang="en" theme="auto">/,
    );
    await page.frameLocator('iframe[data-builder-preview]').locator('.card').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('axe finds no violations on the catalog and builder pages, in light and dark, with the builder in use', async () => {
    const findings: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const [path, width] of [
        ['/indicators', 1280],
        ['/en/indicators', 390],
        ['/indicators/rd-spending-growth-target', 1280],
        ['/en/indicators/little-giants-national-rank', 390],
        ['/datasets/targets-2023', 1280],
      ] as const) {
        const context = await browser.newContext({ colorScheme, viewport: { width, height: 900 }, bypassCSP: true });
        const page = await context.newPage();
        await page.goto(`${worker.origin}${path}`);
        if (path.includes('/indicators/') || path.includes('/datasets/')) {
          await page.locator('[data-builder-controls]').waitFor({ state: 'visible' });
          await page.locator('input[name="builder-theme"][value="dark"]').check();
          await page.frameLocator('iframe[data-builder-preview]').locator('.card').waitFor();
        } else {
          const count = page.locator('#filter-count');
          const all = await count.textContent();
          await page.locator('input#filter').fill('2023');
          // Audited once the filter has run: its status line no longer counts them all.
          await expect.poll(() => count.textContent()).not.toBe(all);
        }
        findings.push(...(await axeViolations(page)).map((f) => `${colorScheme} ${width}px ${path} ${f}`));
        // Nothing is wider than the phone.
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(width);
        await context.close();
      }
    }
    expect(findings).toEqual([]);
  });
});

describe('code copied from the builder, pasted into a page on another origin under a strict CSP', () => {
  /** The builder's code for `form` after choosing `lang` and `theme`, as copied by its button. */
  async function copied(path: string, lang: string, theme: string, forms: string[]): Promise<Record<string, string>> {
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: worker.origin });
    const page = await context.newPage();
    await page.goto(`${worker.origin}${path}`);
    await page.locator('[data-builder-controls]').waitFor({ state: 'visible' });
    await page.locator(`input[name="builder-lang"][value="${lang}"]`).check();
    await page.locator(`input[name="builder-theme"][value="${theme}"]`).check();
    const out: Record<string, string> = {};
    for (const form of forms) {
      const button = page.locator(`button[data-copy="${form === 'script' ? 'embed-code' : `embed-code-${form}`}"]`);
      await button.click();
      // Read once the page says it copied (its own status line), not after a guessed pause.
      const status = page.locator(`#${await button.getAttribute('data-status')}`);
      await expect.poll(() => status.textContent()).not.toBe('');
      out[form] = await page.evaluate(() => navigator.clipboard.readText());
    }
    await context.close();
    return out;
  }

  it('the script tag and element: the live card, in the chosen language and theme', async () => {
    const code = await copied('/indicators/little-giants-national-rank', 'en', 'dark', ['script']);
    const url = host.page('/script', strictCsp(worker.origin), code.script!);
    const context = await browser.newContext();
    const { page, problems } = await watched(context);
    await page.goto(url);
    await expect
      .poll(() => page.evaluate(() => document.querySelector('zz-indicator')?.shadowRoot?.textContent ?? ''), {
        timeout: 15_000,
      })
      .toContain('17');
    expect(await page.locator('zz-indicator').getAttribute('theme')).toBe('dark');
    expect(await page.locator('zz-indicator').getAttribute('lang')).toBe('en');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the iframe: loads, borderless by frameborder, under a CSP that allows only the frame', async () => {
    const code = await copied('/indicators/platforms-total', 'zh', 'auto', ['iframe']);
    const csp = `default-src 'none'; frame-src ${worker.origin}; style-src 'self'`;
    const url = host.page('/iframe', csp, code.iframe!);
    const context = await browser.newContext();
    const { page, problems } = await watched(context);
    await page.goto(url);
    const frame = page.frameLocator('iframe');
    await expect.poll(() => frame.locator('.card').textContent()).toContain('708');
    const border = await page.locator('iframe').evaluate((e) => getComputedStyle(e).borderTopWidth);
    expect(border).toBe('0px');
    const height = Number(await page.locator('iframe').getAttribute('height'));
    const card = await frame.locator('.card').evaluate((e) => e.getBoundingClientRect().height);
    // A sensible height: the card fits without a scroll bar, and not much space is left.
    expect(height).toBeGreaterThanOrEqual(card);
    expect(height - card).toBeLessThan(120);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the same CSP would block style="border:0", which is why the code uses frameborder', async () => {
    const csp = `default-src 'none'; frame-src ${worker.origin}; style-src 'self'`;
    const url = host.page(
      '/styled',
      csp,
      `<iframe src="${worker.origin}/embed/platforms-total?lang=zh" title="t" width="400" height="200" style="border:0"></iframe>`,
    );
    const context = await browser.newContext();
    const { page, problems } = await watched(context);
    await page.goto(url);
    await page.frameLocator('iframe').locator('.card').waitFor();
    expect(problems.join('\n')).toMatch(/CSP violation: style-src/);
    expect(await page.locator('iframe').evaluate((e) => getComputedStyle(e).borderTopWidth)).not.toBe('0px');
    await context.close();
  });

  it('the badge, as HTML, and its Markdown and oEmbed addresses', async () => {
    const code = await copied('/indicators/rd-spending-growth-target', 'en', 'light', ['badge', 'markdown', 'oembed']);
    const url = host.page('/badge', `default-src 'none'; img-src ${worker.origin}; style-src 'self'`, code.badge!);
    const context = await browser.newContext();
    const { page, problems } = await watched(context);
    await page.goto(url);
    await expect
      .poll(() => page.evaluate(() => document.images[0]!.complete && document.images[0]!.naturalWidth))
      .toBeGreaterThan(0);
    expect(await page.locator('img').getAttribute('alt')).toContain('at least 12%');
    expect(problems).toEqual([]);
    await context.close();
    // Markdown: [![alt](badge)](page); both addresses answer.
    const [, image, link] = /^\[!\[.*\]\((.+?)\)\]\((.+)\)$/.exec(code.markdown!)!;
    expect((await fetch(image!)).status).toBe(200);
    expect((await fetch(link!, { headers: BROWSER })).status).toBe(200);
    const oembed = (await (await fetch(code.oembed!)).json()) as { type: string; html: string };
    expect(oembed.type).toBe('rich');
    expect(oembed.html).toContain('<iframe');
  });
});
