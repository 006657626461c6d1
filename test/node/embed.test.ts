/**
 * The embed kit's server forms against the production bundle over real HTTP:
 * the SVG badge parsed by an independent XML parser, oEmbed for an indicator
 * page URL whose html really loads (the script's bytes match its SRI hash),
 * and, in real Chromium, the iframe card on another origin under a strict CSP
 * reporting its height to the host page, readable without JavaScript.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { HtmlValidate, type Message } from 'html-validate';
import type { Browser, ConsoleMessage, Frame } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OEmbedRich } from '../../worker/embed/oembed';
import { formatValue } from '../../worker/format';
import type { Indicator, StoredDataset } from '../../worker/schema';
import { launchChromium } from './support/browser';
import { type RunningWorker, startWorker } from './support/worker';

const root = new URL('../../', import.meta.url);
const platforms = (
  JSON.parse(readFileSync(new URL('data/datasets/innovation-platforms.json', root), 'utf8')) as StoredDataset
).indicators.find((i) => i.id === 'platforms-total')! as unknown as Indicator;

let worker: RunningWorker;
let host: { origin: string; pages: Map<string, string>; server: Server };
let browser: Browser | undefined;

beforeAll(async () => {
  worker = await startWorker();
  // A host site on another origin whose CSP allows nothing but our frames and our script.
  const pages = new Map<string, string>();
  const server = createServer((req, res) => {
    const html = pages.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (html === undefined) return void res.writeHead(404).end();
    res
      .writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Security-Policy': `default-src 'none'; script-src ${worker.origin}; frame-src ${worker.origin}; img-src ${worker.origin}; style-src 'self'`,
      })
      .end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host = { origin: `http://localhost:${(server.address() as AddressInfo).port}`, pages, server };
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => host?.server.close(resolve));
  await worker?.stop();
});

const oembed = async (page: string, extra = ''): Promise<OEmbedRich> => {
  const res = await fetch(`${worker.origin}/oembed?url=${encodeURIComponent(page)}&format=json${extra}`);
  expect(res.status).toBe(200);
  return (await res.json()) as OEmbedRich;
};

/**
 * Waits until host.js has sized an iframe to its card and returns that height: the `height` attribute equals the
 * content's height as it is now, read again on every poll, since the content may settle after its first report
 * (fonts, a scrollbar coming or going). No fixed wait, and no stale expectation.
 */
async function settledFrameHeight(frame: Frame): Promise<number> {
  const element = await frame.frameElement();
  let height = 0;
  await expect
    .poll(
      async () => {
        height = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
        const attribute = await element.getAttribute('height');
        return attribute === String(height);
      },
      { timeout: 15_000, message: "the iframe never took its card's current height" },
    )
    .toBe(true);
  return height;
}
const attr = (html: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(html)?.[1]?.replace(/&amp;/g, '&');

describe('badge over HTTP', () => {
  it('is well-formed SVG holding the label and the figure', async () => {
    const res = await fetch(`${worker.origin}/badge/platforms-total.svg?lang=en`);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    const svg = await res.text();
    expect(XMLValidator.validate(svg)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(svg);
    expect(doc.svg['@role']).toBe('img');
    expect(doc.svg['@xmlns']).toBe('http://www.w3.org/2000/svg');
    type SvgText = { '#text': string };
    type SvgGroup = { text?: SvgText | SvgText[] };
    const groups: SvgGroup[] = [doc.svg.g as SvgGroup | SvgGroup[]].flat();
    const texts = groups.flatMap((g) => [g.text ?? []].flat()).map((t) => t['#text']);
    expect(texts).toEqual([platforms.label.en, `${formatValue(platforms, 'en')} ${platforms.unitLabel.en}`]);
  });
});

describe('HTML of the embed kit', () => {
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
  it.each([
    '/embed/platforms-total',
    '/embed/achievement-transfer-target?lang=en&theme=dark',
    '/embed/little-giants-national-rank?theme=auto',
    '/embed/dataset/talent-cooperation?lang=en',
    '/embed/no-such-indicator?lang=en',
    '/embed/dataset/no-such-dataset',
    '/demo',
  ])('%s passes html-validate (recommended)', async (path) => {
    const report = await validator.validateString(await (await fetch(worker.origin + path)).text(), path);
    const messages = report.results.flatMap((r) =>
      r.messages.map((m: Message) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`),
    );
    expect(messages).toEqual([]);
  });
});

describe('oEmbed for an indicator page URL', () => {
  it('gives an iframe whose page and stylesheets load', async () => {
    const body = await oembed(`${worker.origin}/indicators/platforms-total`);
    expect(body).toMatchObject({ version: '1.0', type: 'rich', width: 400 });
    const src = attr(body.html, 'src')!;
    expect(src).toBe(`${worker.origin}/embed/platforms-total?lang=zh`);
    const frame = await fetch(src);
    expect(frame.status).toBe(200);
    expect(frame.headers.get('x-frame-options')).toBeNull();
    const html = await frame.text();
    expect(html).toContain(formatValue(platforms, 'zh'));
    for (const link of html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)) {
      const css = await fetch(new URL(link[1]!, src));
      expect(css.status, link[1]).toBe(200);
      expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    }
  });

  it('embed=script gives the hashed widget script, whose bytes match the published SRI hash', async () => {
    const body = await oembed(`${worker.origin}/en/indicators/platforms-total`, '&embed=script');
    const script = /^<script [^>]*><\/script>/.exec(body.html)![0];
    const integrity = attr(script, 'integrity');
    expect(integrity, 'the production build publishes an SRI hash').toMatch(/^sha384-/);
    const res = await fetch(attr(script, 'src')!, { headers: { Origin: host.origin } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const digest = createHash('sha384')
      .update(Buffer.from(await res.arrayBuffer()))
      .digest('base64');
    expect(`sha384-${digest}`).toBe(integrity);
    expect(body.html).toContain('<zz-indicator indicator="platforms-total" lang="en">');
  });
});

describe('iframe card in Chromium', () => {
  it('reports its height to a strict-CSP host on another origin, which sizes the frame', async () => {
    const body = await oembed(`${worker.origin}/indicators/achievement-transfer-target`);
    const url = `${host.origin}/frame`;
    host.pages.set(
      '/frame',
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>host</title>
<script src="${worker.origin}/embed/host.js"></script></head><body>${body.html}</body></html>`,
    );
    const context = await browser!.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on(
      'console',
      (m: ConsoleMessage) => (m.type() === 'error' || m.type() === 'warning') && problems.push(m.text()),
    );
    page.on('pageerror', (e) => problems.push(e.message));
    await page.addInitScript(() => {
      const seen: unknown[] = [];
      (window as unknown as { seen: unknown[] }).seen = seen;
      window.addEventListener('message', (e) => seen.push({ origin: e.origin, data: e.data }));
    });
    await page.goto(url);
    const messages = () =>
      page.evaluate(
        () =>
          (window as unknown as { seen: { origin: string; data: { type: string; id: string; height: number } }[] })
            .seen,
      );
    await expect.poll(async () => (await messages()).length, { timeout: 15_000 }).toBeGreaterThan(0);
    const first = (await messages())[0]!;
    expect(first.origin).toBe(worker.origin);
    expect(first.data).toMatchObject({ type: 'zz-embed-height', id: 'achievement-transfer-target', kind: 'indicator' });
    const frame = page.frames().find((f) => f.url().startsWith(`${worker.origin}/embed/`))!;
    // host.js sized the iframe to the card, from the card's latest report.
    const real = await settledFrameHeight(frame);
    expect((await messages()).at(-1)!.data.height).toBe(real);
    // The server's estimate (oEmbed height) was in the right range.
    expect(Math.abs(body.height - real) / real).toBeLessThan(0.5);
    // The card is styled by the widget build's stylesheet and shows its progress bar.
    expect(await frame.locator('.card').evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('solid');
    expect(await frame.locator('progress').getAttribute('value')).toBe('27');

    // Narrowing the frame wraps the text: a new height is reported (ResizeObserver).
    const before = (await messages()).length;
    await page.evaluate(() => document.querySelector('iframe')!.setAttribute('width', '200'));
    await expect.poll(async () => (await messages()).length, { timeout: 10_000 }).toBeGreaterThan(before);
    const narrow = await settledFrameHeight(frame);
    expect((await messages()).at(-1)!.data.height).toBe(narrow);
    expect(narrow).not.toBe(real);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reads right without JavaScript, in both themes', async () => {
    const context = await browser!.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${worker.origin}/embed/platforms-total?lang=en`);
    expect(await page.title()).toContain(platforms.label.en);
    const text = await page.locator('.card').textContent();
    expect(text).toContain(platforms.label.en);
    expect(text).toContain(`${formatValue(platforms, 'en')} ${platforms.unitLabel.en}`);
    expect(text).toContain('as of 31 March 2023');
    const light = await page.locator('.card').evaluate((el) => getComputedStyle(el).backgroundColor);
    await page.goto(`${worker.origin}/embed/platforms-total?lang=en&theme=dark`);
    const dark = await page.locator('.card').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(light).toBe('rgb(255, 255, 255)');
    expect(dark).not.toBe(light);
    await context.close();
  });

  it('/demo runs the real widget, iframes and badges under its strict CSP without a single error', async () => {
    const context = await browser!.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on(
      'console',
      (m: ConsoleMessage) => (m.type() === 'error' || m.type() === 'warning') && problems.push(m.text()),
    );
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('requestfailed', (r) => problems.push(`${r.url()}: ${r.failure()?.errorText}`));
    await page.goto(`${worker.origin}/demo`);
    const cards = page.locator('zz-indicator');
    expect(await cards.count()).toBeGreaterThanOrEqual(16);
    // Every card upgrades and draws its figures (scrolling brings the lower ones near the viewport).
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect
      .poll(
        () =>
          page.evaluate(
            () =>
              [...document.querySelectorAll('zz-indicator')].filter((el) =>
                el.shadowRoot?.querySelector('.value, .list, .pair'),
              ).length,
          ),
        { timeout: 15_000 },
      )
      .toBe(await cards.count());
    // Every iframe reported its height and host.js applied it.
    for (const frame of page.frames().filter((f) => f.url().includes('/embed/'))) await settledFrameHeight(frame);
    // Badges decode as images.
    const badges = await page.evaluate(() => [...document.images].map((img) => img.complete && img.naturalWidth > 0));
    expect(badges.length).toBeGreaterThan(0);
    expect(badges.every(Boolean)).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows an unknown id as a framed not-found card (404) on a strict-CSP host, never a blank frame', async () => {
    host.pages.set(
      '/missing-frame',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>
<script src="${worker.origin}/embed/host.js"></script></head><body>
<iframe src="${worker.origin}/embed/platforms-totl?lang=en" title="A card" width="300" height="200"></iframe>
<img src="${worker.origin}/badge/platforms-totl.svg?lang=en" alt="platforms-totl: not found">
<img src="${worker.origin}/badge/platforms-total.svg?lang=en" alt="a badge that exists">
</body></html>`,
    );
    const context = await browser!.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on(
      'console',
      (m: ConsoleMessage) => (m.type() === 'error' || m.type() === 'warning') && problems.push(m.text()),
    );
    page.on('pageerror', (e) => problems.push(e.message));
    const statuses = new Map<string, number>();
    page.on('response', (r) => statuses.set(new URL(r.url()).pathname, r.status()));
    await page.goto(`${host.origin}/missing-frame`);
    await expect
      .poll(() =>
        page
          .frames()
          .find((f) => f.url().includes('/embed/platforms-totl'))
          ?.url(),
      )
      .toBeTruthy();
    const frame = page.frames().find((f) => f.url().includes('/embed/platforms-totl'))!;
    await frame.locator('.card.missing').waitFor();
    expect(statuses.get('/embed/platforms-totl')).toBe(404);
    // The card is there, styled by the card stylesheet, saying what is wrong and linking the list of ids.
    const card = await frame.locator('.card').evaluate((el) => ({
      text: el.textContent!.replace(/\s+/g, ' ').trim(),
      border: getComputedStyle(el).borderTopStyle,
      height: el.getBoundingClientRect().height,
      scrolls: el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1,
      link: (el.querySelector('a') as HTMLAnchorElement).href,
    }));
    expect(card).toMatchObject({
      text: 'No such indicator Id: platforms-totl See all indicators',
      border: 'solid',
      scrolls: false,
      link: `${worker.origin}/en/indicators`,
    });
    expect(card.height).toBeGreaterThan(60);
    // It reports its height like any card, and host.js sizes the iframe to it.
    await settledFrameHeight(frame);

    // The grey badge of an unknown id decodes as an image (404, as shields.io answers), next to a real one.
    const images = await page.evaluate(() =>
      Promise.all(
        [...document.images].map((img) =>
          img.decode().then(
            () => ({ ok: true, width: img.naturalWidth, height: img.naturalHeight }),
            () => ({ ok: false, width: 0, height: 0 }),
          ),
        ),
      ),
    );
    expect(images.map((i) => i.ok)).toEqual([true, true]);
    expect(images[0]!.height).toBe(20);
    expect(images[0]!.width).toBeGreaterThan(60);
    expect(statuses.get('/badge/platforms-totl.svg')).toBe(404);
    expect(statuses.get('/badge/platforms-total.svg')).toBe(200);
    // No CSP violation and nothing thrown: only the browser's own log of the two 404 responses.
    expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
    await context.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe-core violations in the not-found frame (${scheme})`, async () => {
      const context = await browser!.newContext({ bypassCSP: true, colorScheme: scheme });
      const page = await context.newPage();
      await page.goto(`${worker.origin}/embed/dataset/no-such-dataset?theme=auto`);
      await page.addScriptTag({ path: new URL('node_modules/axe-core/axe.min.js', root).pathname });
      const violations = await page.evaluate(() =>
        (
          window as unknown as {
            axe: {
              run(c: Document, o: object): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
            };
          }
        ).axe
          // A frame's document is a part of its host's page: the page-level landmark and heading rules are the host's.
          .run(document, {
            resultTypes: ['violations'],
            rules: {
              'landmark-one-main': { enabled: false },
              'page-has-heading-one': { enabled: false },
              region: { enabled: false },
            },
          })
          .then((r) => r.violations.map((v) => `${v.id} ${JSON.stringify(v.nodes.map((n) => n.target))}`)),
      );
      expect(violations).toEqual([]);
      await context.close();
    });
  }
});
