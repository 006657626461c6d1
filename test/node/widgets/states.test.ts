/**
 * The widget's states beyond the happy path, in real Chromium on a host page
 * of another origin under a strict CSP: an unknown id (the not-found card and
 * one console warning for the webmaster), errors and stale figures at 200 px,
 * and the sparkline of an indicator published twice through the write API
 * into D1, with axe-core over all of them.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files } from '../../../data';
import type { Theme } from '../../../worker/card';
import { loadData } from '../../../worker/data-source';
import { createSnapshot, type Snapshot } from '../../../worker/data-source/snapshot';
import { embedSnippet } from '../../../worker/markup';
import type { Lang } from '../../../worker/schema';
import { launchChromium } from '../support/browser';
import { type RunningWorker, startWorker } from '../support/worker';
import { type HostSite, hostPage, startHost } from './host';

const root = new URL('../../../', import.meta.url);
const axeSource = readFileSync(new URL('node_modules/axe-core/axe.min.js', root), 'utf8');
const TOKEN = 'states-test-token-5d1e0c';

let worker: RunningWorker;
let host: HostSite;
let browser: Browser;
/** The bundled data, for the embed code's fallback text (the sparkline test publishes on top of it). */
let data: Snapshot;

beforeAll(async () => {
  [worker, browser, data] = await Promise.all([
    startWorker({ d1: true, tokens: `test-officer:${TOKEN}` }),
    launchChromium(),
    createSnapshot(loadData(files, readFileSync(new URL('data/article.txt', root), 'utf8'))),
  ]);
  host = await startHost(worker.origin);
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
  await worker?.stop();
});

/** Console errors and warnings (CSP violations are errors), page errors. */
function watch(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') seen.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => seen.push(`pageerror: ${e.message}`));
  return seen;
}

const script = () => `<script src="${worker.origin}/widget.js" async></script>`;

/** Each card's state and whether anything in it overflows its box. */
function measure(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('zz-indicator')].map((e) => {
      const s = e.shadowRoot!;
      const card = s.querySelector<HTMLElement>('.card');
      const box = card?.getBoundingClientRect();
      const outside = card
        ? [...card.querySelectorAll('*')].filter((el) => {
            const r = el.getBoundingClientRect();
            return r.width > 0 && (r.left < box!.left - 0.5 || r.right > box!.right + 0.5);
          }).length
        : -1;
      return {
        id: e.getAttribute('indicator') ?? e.getAttribute('dataset'),
        missing: !!s.querySelector('.missing'),
        label: s.querySelector('.label')?.textContent ?? null,
        code: s.querySelector('code')?.textContent ?? null,
        links: [...s.querySelectorAll('a')].map((a) => a.href),
        status: s.querySelector('.status')?.textContent ?? null,
        stale: !!s.querySelector('.stale'),
        trend: s.querySelector('svg.trend')?.getAttribute('aria-label') ?? null,
        points: s.querySelector('svg.trend polyline')?.getAttribute('points') ?? null,
        // The sparkline as drawn: its box, and its stroke against the card's background (light and dark).
        trendSize: (() => {
          const r = s.querySelector('svg.trend')?.getBoundingClientRect();
          return r ? [Math.round(r.width), Math.round(r.height)] : null;
        })(),
        stroke: s.querySelector('svg.trend') ? getComputedStyle(s.querySelector('svg.trend')!).stroke : null,
        background: card ? getComputedStyle(card).backgroundColor : null,
        width: box?.width ?? 0,
        height: box?.height ?? 0,
        // Nothing cut off or hidden behind a scrollbar: content fits the card both ways, no child sticks out.
        scrolls: card ? card.scrollHeight > card.clientHeight + 1 || card.scrollWidth > card.clientWidth + 1 : true,
        outside,
        statusFont: s.querySelector('.status')
          ? Number.parseFloat(getComputedStyle(s.querySelector('.status')!).fontSize)
          : 0,
      };
    }),
  );
}

async function axe(page: Page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() =>
    (
      window as unknown as {
        axe: { run(c: Document, o: object): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> };
      }
    ).axe.run(document, { resultTypes: ['violations'] }),
  );
  return result.violations.map((v) => `${v.id} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

describe('an unknown id', () => {
  it('draws a small not-found card naming the id and linking the list of ids, and warns the webmaster once', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
    const seen = watch(page);
    const body = `<div class="grid">
<zz-indicator indicator="platforms-totl" lang="zh"><p>全市各类科技创新平台：708家</p></zz-indicator>
<zz-indicator indicator="platforms-total" lang="zh"></zz-indicator>
</div>
${script()}`;
    await page.goto(host.page('/unknown', hostPage('zh-CN', '未知编号', body)));
    await expect.poll(async () => (await measure(page)).filter((c) => c.missing).length, { timeout: 10_000 }).toBe(1);
    await expect.poll(async () => (await measure(page))[1]!.label).not.toBeNull();
    const [wrong, right] = await measure(page);
    expect(wrong).toMatchObject({
      missing: true,
      label: '未找到该指标',
      code: 'platforms-totl',
      links: [`${worker.origin}/indicators`],
      status: null,
      scrolls: false,
      outside: 0,
    });
    // A real card, small: more than an empty 24 px box, less than the 10.5em a card waiting for figures reserves.
    expect(wrong!.height).toBeGreaterThan(60);
    expect(wrong!.height).toBeLessThan(16 * 10.5);
    expect(right!.missing).toBe(false);
    // One warning, naming what is wrong and where the ids are; no CSP violation, nothing thrown.
    expect(seen).toEqual([
      `warning: zz-indicator: no such id "platforms-totl" (未找到). The ids are listed at ${worker.origin}/indicators`,
    ]);
    await page.close();
  });

  it('draws it inside a tight kept box without cutting it off, and passes axe', async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 900, height: 900 } });
    const page = await context.newPage();
    const seen = watch(page);
    // One short line of fallback: a 24 px box the card does not fit into, so it grows rather than scrolls.
    const body = `<div style="width:200px"><zz-indicator indicator="gone-figure" lang="en"><span>Gone</span></zz-indicator>
<div data-zz-dataset="no-such-dataset" lang="en"></div></div>${script()}`;
    await page.goto(host.page('/unknown-tight', hostPage('en', 'Tight', body)));
    await expect.poll(async () => (await measure(page)).every((c) => c.missing), { timeout: 10_000 }).toBe(true);
    const [card, dataset] = await measure(page);
    expect(card).toMatchObject({ label: 'No such indicator', code: 'gone-figure', scrolls: false, outside: 0 });
    expect(card!.height).toBeGreaterThan(40);
    expect(dataset).toMatchObject({
      label: 'No such dataset',
      code: 'no-such-dataset',
      links: [`${worker.origin}/en/indicators`],
      scrolls: false,
      outside: 0,
    });
    expect(await axe(page)).toEqual([]);
    // Each wrong id named once (the batch and the dataset request answer separately); besides the browser's own log
    // of the dataset's 404 response, nothing else in the console.
    const warnings = seen.filter((s) => s.startsWith('warning: zz-indicator: no such id'));
    expect(warnings.join()).toContain('"gone-figure"');
    expect(warnings.join()).toContain('"no-such-dataset"');
    expect(seen.filter((s) => !warnings.includes(s) && !s.includes('404'))).toEqual([]);
    await context.close();
  });
});

const CARDS = ['platforms-total', 'little-giants-national-rank', 'achievement-transfer-target', 'technology-transfer'];
/** The card as the embed code writes it (the element with its fallback text from the server), for `theme`. */
const element = (id: string, lang: Lang, theme?: Theme) =>
  embedSnippet({
    origin: worker.origin,
    target: data.indicator(id) ?? data.dataset(id)!,
    lang,
    theme,
    manifest: undefined,
    data,
  }).element;

/** A host stylesheet with 200 px columns (the host's own, allowed by `style-src 'self'`). */
const NARROW = '.narrow { display: grid; grid-template-columns: repeat(4, 200px); gap: 12px; align-items: start; }';

describe('errors and stale figures at 200 px', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`are legible, with nothing cut off, on every card type (${lang})`, async () => {
      host.stylesheet('/narrow.css', NARROW);
      const html = hostPage(
        lang === 'zh' ? 'zh-CN' : 'en',
        '200px',
        `<div class="narrow">${CARDS.map((id) => element(id, lang)).join('\n')}</div>${script()}`,
      ).replace('</head>', '<link rel="stylesheet" href="/narrow.css">\n</head>');
      const url = host.page(`/narrow-${lang}`, html);

      // The API is down from the start: every card says so, with a retry button, inside its own box.
      const page = await browser.newPage({ viewport: { width: 1300, height: 900 } });
      const seen = watch(page);
      await page.route(`${worker.origin}/api/v1/**`, (route) => route.fulfill({ status: 503, body: 'down' }));
      await page.goto(url);
      const failed = lang === 'zh' ? '未能加载重试' : 'Could not loadRetry';
      await expect
        .poll(async () => (await measure(page)).map((c) => c.status), { timeout: 10_000 })
        .toEqual(CARDS.map(() => failed));
      for (const c of await measure(page)) {
        expect(c.width, c.id!).toBe(200);
        expect(c, c.id!).toMatchObject({ scrolls: false, outside: 0 });
        expect(c.statusFont).toBeGreaterThanOrEqual(12);
      }
      await page.screenshot({ path: new URL(`test/artifacts/widgets-200-failed-${lang}.png`, root).pathname });

      // Back: figures. Then down again: the last figures stay, marked stale, still legible in the same 200 px.
      await page.unroute(`${worker.origin}/api/v1/**`);
      await page
        .getByRole('button', { name: lang === 'zh' ? '重试' : 'Retry' })
        .first()
        .click();
      await expect.poll(async () => (await measure(page)).every((c) => c.label && !c.status)).toBe(true);
      await page.route(`${worker.origin}/api/v1/**`, (route) => route.abort());
      await page.evaluate(() => (window as unknown as { ZZIndicators: { refresh(): void } }).ZZIndicators.refresh());
      await expect.poll(async () => (await measure(page)).every((c) => c.stale)).toBe(true);
      for (const c of await measure(page)) {
        expect(c.status, c.id!).toContain(lang === 'zh' ? '未能更新' : 'Could not update');
        expect(c, c.id!).toMatchObject({ width: 200, scrolls: false, outside: 0 });
        expect(c.statusFont).toBeGreaterThanOrEqual(12);
      }
      await page.screenshot({ path: new URL(`test/artifacts/widgets-200-stale-${lang}.png`, root).pathname });
      // Only the refused requests themselves in the console: no CSP violation, nothing thrown.
      expect(seen.filter((s) => !/503|net::ERR_FAILED/.test(s))).toEqual([]);
      await page.close();
    });
  }

  it('has no axe-core violations in the stale state at 200 px, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({
        bypassCSP: true,
        colorScheme: scheme,
        viewport: { width: 1000, height: 900 },
      });
      const page = await context.newPage();
      host.stylesheet('/narrow.css', NARROW);
      const body = `<div class="narrow${scheme === 'dark' ? ' dark-section' : ''}">${CARDS.map((id) => element(id, 'zh', scheme === 'dark' ? 'auto' : 'light')).join('\n')}</div>${script()}`;
      await page.goto(
        host.page(
          `/narrow-axe-${scheme}`,
          hostPage('zh-CN', 'axe', body).replace('</head>', '<link rel="stylesheet" href="/narrow.css">\n</head>'),
        ),
      );
      await expect.poll(async () => (await measure(page)).every((c) => c.label), { timeout: 10_000 }).toBe(true);
      await page.route(`${worker.origin}/api/v1/**`, (route) => route.abort());
      await page.evaluate(() => (window as unknown as { ZZIndicators: { refresh(): void } }).ZZIndicators.refresh());
      await expect.poll(async () => (await measure(page)).every((c) => c.stale)).toBe(true);
      expect(await axe(page), scheme).toEqual([]);
      await context.close();
    }
  });
});

describe('sparkline', () => {
  it('is drawn by the widget as by the iframe card, named by the trend in words, visible in light and dark, from the one batched request', async () => {
    // A second and third observation of platforms-total, published through the write API into D1.
    for (const [period, value] of [
      ['2023-06-30', 715],
      ['2023-09-30', 730],
    ] as const) {
      const res = await fetch(`${worker.origin}/api/v1/indicators/platforms-total/revisions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({
          period,
          value,
          qualifier: 'exact',
          source: {
            publisher: { zh: '株洲市科学技术局', en: 'Zhuzhou Science and Technology Bureau' },
            title: { zh: '季度统计', en: 'Quarterly statistics' },
          },
          reason: 'Quarterly figure',
        }),
      });
      expect(res.status, await res.text()).toBe(201);
    }
    // The API's batch carries the series in brief; an indicator with one observation has none.
    const batch = (await (
      await fetch(`${worker.origin}/api/v1/indicators?ids=platforms-total,little-giants`)
    ).json()) as {
      indicators: { id: string; series?: [string, number][] }[];
    };
    expect(batch.indicators[0]!.series).toEqual([
      ['2023-03-31', 708],
      ['2023-06-30', 715],
      ['2023-09-30', 730],
    ]);
    expect(batch.indicators[1]!.series).toBeUndefined();

    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 900, height: 900 } });
      const page = await context.newPage();
      const seen = watch(page);
      const api: string[] = [];
      page.on('request', (r) => {
        if (r.url().startsWith(`${worker.origin}/api/`)) api.push(r.url());
      });
      host.stylesheet('/narrow.css', NARROW);
      const body = `<div class="grid${scheme === 'dark' ? ' dark-section' : ''}">
<zz-indicator indicator="platforms-total" theme="auto"></zz-indicator>
<zz-indicator indicator="little-giants" theme="auto"></zz-indicator>
</div>
<div class="narrow${scheme === 'dark' ? ' dark-section' : ''}">
<zz-indicator indicator="platforms-total" theme="auto"></zz-indicator>
</div>${script()}`;
      const html = hostPage('zh-CN', '走势', body).replace(
        '</head>',
        '<link rel="stylesheet" href="/narrow.css">\n</head>',
      );
      await page.goto(host.page(`/spark-${scheme}`, html));
      await expect.poll(async () => (await measure(page)).every((c) => c.label), { timeout: 10_000 }).toBe(true);
      const [spark, plain, narrow] = await measure(page);
      // The widget draws the iframe card's sparkline: the same points and accessible name, and the card still fits.
      expect(spark).toMatchObject({
        label: expect.any(String),
        trend: '走势：708家 → 730家',
        points: '0,22 50,15.6 100,2',
        scrolls: false,
        outside: 0,
      });
      // As wide as the card's content, 1.5em high, its stroke the accent colour (not the background) in both schemes.
      expect(spark!.trendSize![0]).toBeGreaterThan(100);
      expect(spark!.trendSize![1]).toBeGreaterThan(10);
      expect(spark!.stroke).toBe(scheme === 'dark' ? 'rgb(138, 180, 248)' : 'rgb(11, 87, 208)');
      expect(spark!.stroke).not.toBe(spark!.background);
      // In a 200 px column too: the same line, and nothing cut off.
      expect(narrow).toMatchObject({
        width: 200,
        trend: spark!.trend,
        points: spark!.points,
        stroke: spark!.stroke,
        scrolls: false,
        outside: 0,
      });
      // One observation is no line.
      expect(plain!.trend).toBeNull();
      expect(api).toHaveLength(1);
      expect(seen).toEqual([]);
      await page.screenshot({ path: new URL(`test/artifacts/widgets-sparkline-${scheme}.png`, root).pathname });
      await context.close();

      const audit = await browser.newContext({
        bypassCSP: true,
        colorScheme: scheme,
        viewport: { width: 900, height: 900 },
      });
      const checked = await audit.newPage();
      await checked.goto(host.page(`/spark-${scheme}`, hostPage('zh-CN', '走势', body)));
      await expect.poll(async () => (await measure(checked)).every((c) => c.label), { timeout: 10_000 }).toBe(true);
      expect(await axe(checked), scheme).toEqual([]);
      await audit.close();
    }

    // The iframe card draws the same line from the live series.
    const frame = await (await fetch(`${worker.origin}/embed/platforms-total`)).text();
    expect(frame).toContain(
      '<svg class="trend" part="trend" viewBox="0 0 100 24" preserveAspectRatio="none" role="img" aria-label="走势：708家 → 730家"><polyline points="0,22 50,15.6 100,2"',
    );
  });
});
