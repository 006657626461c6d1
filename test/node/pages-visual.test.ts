import { type ConfigData, HtmlValidate } from 'html-validate';
import { XmlDocument, XsdValidator } from 'libxml2-wasm';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { launchChromium, recordCspViolations } from './support/browser';
import { publishObservation, type RunningWorker, startWorker } from './support/worker';

const TOKEN = 'pages-visual-token-7c2e91';
const BROWSER = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
const validator = new HtmlValidate({ extends: ['html-validate:recommended'] } as ConfigData);

let worker: RunningWorker;
let browser: Browser;

async function publish(id: string, body: Record<string, unknown>): Promise<void> {
  const res = await publishObservation(worker, TOKEN, id, body);
  expect(res.status, await res.clone().text()).toBe(201);
}

beforeAll(async () => {
  worker = await startWorker({ d1: true, tokens: `test:${TOKEN}` });
  // A series of four for the bar chart, and of six for the line chart, one figure qualified in each.
  await publish('platforms-total', { period: '2023-06-30', asOf: '2023-06-30', value: 716 });
  await publish('platforms-total', { period: '2023-09-30', asOf: '2023-09-30', value: 730 });
  await publish('platforms-total', { period: '2023-12-31', asOf: '2023-12-31', value: 750, qualifier: 'at_least' });
  for (const [n, month] of ['05', '06', '07', '08', '09'].entries())
    await publish('little-giants', { period: `2023-${month}`, value: 59 + n, qualifier: n === 2 ? 'about' : 'exact' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

/** The pages this feature made or changed, in both languages. */
const PAGES = [
  '/',
  '/en/',
  '/indicators/platforms-total',
  '/en/indicators/platforms-total',
  '/indicators/little-giants',
  '/en/indicators/little-giants-national-rank',
  '/indicators/achievement-transfer-target',
  '/en/indicators/tech-contract-turnover-growth-target',
  '/datasets/innovation-platforms',
  '/en/datasets/technology-transfer',
  '/api-reference',
  '/en/api-reference',
];

describe('html-validate (recommended, nothing relaxed)', () => {
  it('passes every new or changed page, charts included', async () => {
    const findings: string[] = [];
    for (const path of PAGES) {
      const res = await fetch(`${worker.origin}${path}`, { headers: BROWSER });
      expect(res.status, path).toBe(200);
      const html = await res.text();
      const report = await validator.validateString(html, path);
      for (const r of report.results)
        for (const m of r.messages) findings.push(`${path} ${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    expect(findings).toEqual([]);
  });

  it('the chart pages do draw charts: bars for few points, a line for more', async () => {
    const bars = await (await fetch(`${worker.origin}/indicators/platforms-total`)).text();
    const chart = /<svg class="chart"[\s\S]*?<\/svg>/.exec(bars)![0];
    expect(chart.match(/<rect class="chart-bar/g)).toHaveLength(4);
    expect(chart.match(/<rect class="chart-bar open"/g)).toHaveLength(1);
    const line = await (await fetch(`${worker.origin}/indicators/little-giants`)).text();
    expect(line).toContain('<polyline class="chart-line"');
  });
});

/** A page in a fresh context, recording CSP violations, console errors and requests. */
async function open(path: string, options: BrowserContextOptions) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  const cspViolations = await recordCspViolations(page);
  await page.goto(`${worker.origin}${path}`);
  return { context, page, errors, requests, cspViolations };
}

describe('in real Chromium', () => {
  it('axe finds no violations, in light and dark, at 1280 and 390 px', async () => {
    const findings: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [1280, 390]) {
        for (const path of PAGES) {
          // axe is injected past the CSP (it is the auditor, not the page); the CSP is checked below.
          const { context, page } = await open(path, {
            colorScheme,
            viewport: { width, height: 900 },
            bypassCSP: true,
          });
          findings.push(...(await axeViolations(page)).map((f) => `${colorScheme} ${width}px ${path} ${f}`));
          await context.close();
        }
      }
    }
    expect(findings).toEqual([]);
  }, 600_000);

  it('charts, mark and favicon break no CSP rule, log no error and load only from this origin', async () => {
    for (const path of [
      '/',
      '/en/indicators/platforms-total',
      '/indicators/achievement-transfer-target',
      '/api-reference',
    ]) {
      const { context, page, errors, requests, cspViolations } = await open(path, {
        viewport: { width: 1280, height: 900 },
      });
      // The favicon is requested by the browser on its own schedule (and the CSP allows no fetch): load it here.
      const href = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="icon"]')!.href);
      expect(new URL(href).origin).toBe(worker.origin);
      const icon = await fetch(href);
      expect([icon.status, icon.headers.get('content-type')]).toEqual([200, 'image/svg+xml; charset=utf-8']);
      // Drawn as an image under the page's CSP (img-src 'self'), it loads and has its size.
      const size = await page.evaluate(
        (src) =>
          new Promise<number[]>((resolve) => {
            const img = new Image();
            img.onload = () => resolve([img.naturalWidth, img.naturalHeight]);
            img.onerror = () => resolve([]);
            img.src = src;
          }),
        href,
      );
      expect(size).toEqual([32, 32]);
      expect(await cspViolations(), path).toEqual([]);
      expect(errors, path).toEqual([]);
      for (const url of requests) expect(new URL(url).origin, url).toBe(worker.origin);
      await context.close();
    }
  });

  it('the chart is drawn at a readable size and follows the colour scheme', async () => {
    const colours: Record<string, string> = {};
    for (const colorScheme of ['light', 'dark'] as const) {
      const { context, page } = await open('/indicators/platforms-total', {
        colorScheme,
        viewport: { width: 390, height: 900 },
      });
      const box = await page.locator('svg.chart').boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      expect(box!.width).toBeLessThanOrEqual(390);
      colours[colorScheme] = await page
        .locator('svg.chart rect.chart-bar')
        .first()
        .evaluate((el) => getComputedStyle(el).fill);
      await context.close();
    }
    expect(colours.light).not.toBe(colours.dark);
  });

  it('in forced colours (Windows high contrast) the chart is drawn in the system text colour', async () => {
    const { context, page } = await open('/indicators/platforms-total', {
      forcedColors: 'active',
      viewport: { width: 1000, height: 900 },
    });
    const [bar, text] = await page.evaluate(() => [
      getComputedStyle(document.querySelector('svg.chart rect.chart-bar')!).fill,
      getComputedStyle(document.body).color,
    ]);
    expect(bar).toBe(text);
    await context.close();
  });

  it('at 390 px no navigation link wraps inside itself and no table cell breaks a date', async () => {
    const problems: string[] = [];
    for (const path of PAGES) {
      const { context, page } = await open(path, { viewport: { width: 390, height: 844 } });
      // An inline element that wraps has one client rect per line.
      const found = await page.evaluate(() => {
        const lines = (el: Element) => el.getClientRects().length;
        const out: string[] = [];
        for (const a of document.querySelectorAll('header nav a, a.lang-switch'))
          if (lines(a) !== 1) out.push(`nav link "${a.textContent}" takes ${lines(a)} lines`);
        for (const t of document.querySelectorAll('td time, th time'))
          if (lines(t) !== 1) out.push(`date "${t.textContent}" takes ${lines(t)} lines`);
        // Nothing is wider than the screen: the page never scrolls sideways.
        if (document.documentElement.scrollWidth > window.innerWidth)
          out.push(`page is ${document.documentElement.scrollWidth}px wide`);
        return out;
      });
      problems.push(...found.map((f) => `${path}: ${f}`));
      await context.close();
    }
    expect(problems).toEqual([]);
  }, 180_000);

  it('the check can fail: a squeezed date does break', async () => {
    const { context, page } = await open('/', { viewport: { width: 390, height: 844 } });
    const lines = await page.evaluate(() => {
      const t = document.querySelector('td time') as HTMLElement;
      t.parentElement!.style.whiteSpace = 'normal';
      t.style.whiteSpace = 'normal';
      t.parentElement!.style.width = '2em';
      t.parentElement!.style.display = 'inline-block';
      return t.getClientRects().length;
    });
    expect(lines).toBeGreaterThan(1);
    await context.close();
  });

  it('prints the chart and cards, not the navigation', async () => {
    const { context, page } = await open('/indicators/platforms-total', { viewport: { width: 1000, height: 900 } });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site nav').isVisible()).toBe(false);
    expect(await page.locator('svg.chart').isVisible()).toBe(true);
    expect(await page.locator('table.chart-data').isVisible()).toBe(true);
    await context.close();
  });
});

/** The sitemaps.org 0.9 schema, with `xhtml:link` (and any other namespace) allowed in `<url>` as Google's use. */
const SITEMAP_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" elementFormDefault="qualified">
  <xsd:element name="urlset">
    <xsd:complexType>
      <xsd:sequence>
        <xsd:element ref="url" maxOccurs="unbounded"/>
      </xsd:sequence>
    </xsd:complexType>
  </xsd:element>
  <xsd:element name="url">
    <xsd:complexType>
      <xsd:sequence>
        <xsd:element name="loc" type="xsd:anyURI"/>
        <xsd:element name="lastmod" type="xsd:date" minOccurs="0"/>
        <xsd:element name="changefreq" type="xsd:string" minOccurs="0"/>
        <xsd:element name="priority" type="xsd:decimal" minOccurs="0"/>
        <xsd:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
      </xsd:sequence>
    </xsd:complexType>
  </xsd:element>
</xsd:schema>`;

describe('sitemap.xml', () => {
  it('is well-formed XML, valid against the sitemap schema, at most 50,000 URLs', async () => {
    const res = await fetch(`${worker.origin}/sitemap.xml`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const doc = XmlDocument.fromString(text);
    const schema = XmlDocument.fromString(SITEMAP_XSD);
    const xsd = XsdValidator.fromDoc(schema);
    expect(() => xsd.validate(doc)).not.toThrow();
    const urls = text.match(/<url>/g)!.length;
    expect(urls).toBeGreaterThan(70);
    expect(urls).toBeLessThanOrEqual(50_000);
    for (const [, loc] of text.matchAll(/<loc>([^<]+)<\/loc>/g)) expect(loc!.startsWith(worker.origin)).toBe(true);
    xsd.dispose();
    schema.dispose();
    doc.dispose();
  });
});
