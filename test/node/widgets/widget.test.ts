/**
 * The embed widget end to end, in real Chromium: the production Worker on one
 * origin, a host site on another under a strict CSP, and the embed code a
 * user copies from an indicator page pasted into it.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files } from '../../../data';
import { loadData } from '../../../worker/data-source';
import { createSnapshot, type Snapshot } from '../../../worker/data-source/snapshot';
import { formatValue, unitWord } from '../../../worker/format';
import { LANG_TAGS } from '../../../worker/language';
import type { WidgetManifest } from '../../../worker/markup';
import { type EmbedCode, embedSnippet } from '../../../worker/markup';
import type { Indicator, Lang } from '../../../worker/schema';
import { type RunningWorker, startWorker } from '../support/worker';
import { launchChromium } from './browser';
import { type HostSite, hostPage, startHost } from './host';

const root = new URL('../../../', import.meta.url);
const artifacts = new URL('test/artifacts/', root);
const axeSource = readFileSync(new URL('node_modules/axe-core/axe.min.js', root), 'utf8');

/** The data as the Worker serves it; expectations are formatted by the same module the server uses. */
let data: Snapshot;
const indicator = (id: string) => data.indicator(id)!;
const dataset = (id: string) => data.dataset(id)!;
const figure = (id: string, lang: Lang) =>
  formatValue(indicator(id), lang) + (unitWord(indicator(id), lang) ? ` ${unitWord(indicator(id), lang)}` : '');

let worker: RunningWorker;
let host: HostSite;
let browser: Browser;
let manifest: WidgetManifest;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  [worker, browser, data] = await Promise.all([
    startWorker(),
    launchChromium(),
    createSnapshot(loadData(files, readFileSync(new URL('data/article.txt', root), 'utf8'))),
  ]);
  host = await startHost(worker.origin);
  manifest = JSON.parse(readFileSync(new URL('dist/assets/widgets/manifest.json', root), 'utf8'));
});

/** The embed kit's code for an indicator or dataset: hashed script with SRI, element and div with fallback text. */
const kitCode = (id: string, lang: Lang, theme?: 'light' | 'dark' | 'auto'): EmbedCode =>
  embedSnippet({ origin: worker.origin, target: data.indicator(id) ?? data.dataset(id)!, lang, theme, manifest, data });
afterAll(async () => {
  await browser?.close();
  await host?.close();
  await worker?.stop();
});

/** The embed code an indicator page offers for copying (`<code id="embed-code">`), unescaped. */
async function embedCodeFromPage(id: string, lang: Lang): Promise<string> {
  const html = await (await fetch(`${worker.origin}${lang === 'en' ? '/en' : ''}/indicators/${id}`)).text();
  const code = /<code id="embed-code">([\s\S]*?)<\/code>/.exec(html)?.[1];
  expect(code, `embed code on the ${lang} page of ${id}`).toBeTruthy();
  return code!
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Everything a page reports that a host would see as a problem. */
interface Watch {
  errors: string[];
  api: Request[];
}

function watch(page: Page): Watch {
  const w: Watch = { errors: [], api: [] };
  // CSP violations are logged by Chromium as console errors; uncaught errors and unhandled rejections are page errors.
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') w.errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => w.errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (r.url().startsWith(`${worker.origin}/api/`)) w.api.push(r);
  });
  return w;
}

/** Sums layout-shift entries from the very start of the page (CLS as the browser measures it). */
const CLS_OBSERVER = `window.__cls = 0; window.__shifts = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) { window.__cls += e.value; window.__shifts.push(e.value); } })
  .observe({ type: 'layout-shift', buffered: true });`;

/** Waits until every card on the page has drawn its figures (polling from Node: the host CSP forbids eval). */
async function cardsReady(page: Page, count: number) {
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            [...document.querySelectorAll('zz-indicator')].filter((e) => e.shadowRoot?.querySelector('[role=group]'))
              .length,
        ),
      { timeout: 10_000 },
    )
    .toBe(count);
}

/** What a card shows, read from its shadow root. */
function readCards(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('zz-indicator')].map((e) => {
      const s = e.shadowRoot!;
      const text = (sel: string) => s.querySelector(sel)?.textContent ?? null;
      const bar = s.querySelector('progress');
      return {
        indicator: e.getAttribute('indicator'),
        dataset: e.getAttribute('dataset'),
        lang: s.querySelector('.zz')?.getAttribute('lang'),
        theme: s.querySelector('.zz')?.className,
        label: text('.label'),
        value: text('.value'),
        pair: [...s.querySelectorAll('dd')].map((d) => d.textContent),
        bar: bar && {
          value: bar.value,
          max: bar.max,
          name: s.getElementById(bar.getAttribute('aria-labelledby')!)?.textContent,
        },
        rows: [...s.querySelectorAll('li b')].map((b) => b.textContent),
        note: text('.value ~ .note') ?? text('.note'),
        links: [...s.querySelectorAll('a')].map((a) => a.href),
        live: text('[aria-live]'),
        status: text('.status'),
        stale: !!s.querySelector('.stale'),
        styleAttrs: s.querySelectorAll('[style]').length,
        styleElements: s.querySelectorAll('style').length,
        adopted: s.adoptedStyleSheets.length,
      };
    }),
  );
}

const ZH_CARDS = [
  'platforms-total',
  'little-giants-national-rank',
  'achievement-transfer-target',
  'tech-contract-turnover-growth-target',
];

describe('embed code pasted into a strict-CSP page on another origin', () => {
  it('renders the Chinese figures with one API request, no CSP violation or console error, and no layout shift', async () => {
    // The embed kit's code (hashed script with SRI, element with fallback text), pasted once per card:
    // several script tags load the script several times, harmlessly.
    const codes = ZH_CARDS.map((id) => kitCode(id, 'zh').html);
    const url = host.page(
      '/zh',
      hostPage('zh-CN', '株洲科创数据卡片', `<div class="grid">\n${codes.join('\n')}\n</div>`),
    );
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    const w = watch(page);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    // A cookie the API origin set earlier must not travel with the widget's requests.
    await page.context().addCookies([{ name: 'session', value: 'secret', url: worker.origin }]);
    await page.addInitScript(CLS_OBSERVER);
    await page.goto(url);
    await cardsReady(page, ZH_CARDS.length);
    const cards = await readCards(page);

    const card = (id: string) => cards.find((c) => c.indicator === id)!;
    expect(card('platforms-total')).toMatchObject({
      lang: 'zh-CN',
      label: indicator('platforms-total').label.zh,
      value: figure('platforms-total', 'zh'),
    });
    expect(card('platforms-total').value).toBe('708家');
    expect(card('little-giants-national-rank')).toMatchObject({
      value: '第17位',
      label: indicator('little-giants-national-rank').label.zh,
    });
    expect(card('little-giants-national-rank').note).toContain(
      indicator('little-giants-national-rank').relations!.scope!.zh,
    );
    // A target with its qualifier-bearing figure beside the so-far figure the embed code names; a bar where they compare.
    const transfer = card('achievement-transfer-target');
    expect(transfer.pair).toEqual([
      figure('achievement-transfer-target', 'zh'),
      figure('achievements-transferred-2023', 'zh'),
    ]);
    expect(transfer.bar).toMatchObject({ value: 27, max: 100 });
    expect(transfer.bar!.name).toContain('27%');
    // 129亿元 so far against a +30% growth target: side by side, never as a bar.
    const turnover = card('tech-contract-turnover-growth-target');
    expect(turnover.pair).toEqual([
      figure('tech-contract-turnover-growth-target', 'zh'),
      figure('tech-contract-turnover-2023', 'zh'),
    ]);
    expect(turnover.pair[1]).toBe('129亿元');
    expect(turnover.bar).toBeNull();
    for (const c of cards) {
      expect(c.links.length).toBe(1);
      expect(c.links[0]).toMatch(new RegExp(`^${worker.origin}/indicators/[a-z0-9-]+$`));
      expect(c).toMatchObject({
        styleAttrs: 0,
        styleElements: 0,
        adopted: 2,
        live: '',
        status: null,
        theme: 'zz light',
      });
    }

    // One batched request for all the cards (the so-far figures included).
    expect(w.api.map((r) => r.url())).toHaveLength(1);
    const ids = new URL(w.api[0]!.url()).searchParams.get('ids')!.split(',');
    expect(ids.sort()).toEqual([...ZH_CARDS, 'achievements-transferred-2023', 'tech-contract-turnover-2023'].sort());
    // No cookies, no storage, no third party: only the host page and the Worker were asked for anything.
    expect((await w.api[0]!.allHeaders()).cookie).toBeUndefined();
    expect(requested.every((u) => u.startsWith(`${host.origin}/`) || u.startsWith(`${worker.origin}/`))).toBe(true);
    expect(await page.evaluate(() => [document.cookie, localStorage.length, sessionStorage.length])).toEqual([
      '',
      0,
      0,
    ]);

    await page.locator('#after').scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts)).toEqual([]);
    expect(w.errors).toEqual([]);
    await page.screenshot({ path: new URL('widgets-zh.png', artifacts).pathname, fullPage: true });
    await page.close();
  });

  it('would see a CSP violation: an inline style of the host page itself is reported', async () => {
    const page = await browser.newPage();
    const w = watch(page);
    await page.goto(host.page('/violation', hostPage('en', 'Violation', '<p style="color: red">inline style</p>')));
    await expect.poll(() => w.errors.join('\n')).toContain('Content Security Policy');
    await page.close();
  });

  it('works with the script once in <head>, before the cards and placeholders exist', async () => {
    const html = hostPage(
      'zh-CN',
      'Head',
      `<div class="grid">${kitCode('platforms-total', 'zh').element}\n${kitCode('single-champions', 'zh').div}</div>`,
    ).replace('</head>', `${kitCode('platforms-total', 'zh').script.replace(' async', '')}\n</head>`);
    const page = await browser.newPage();
    const w = watch(page);
    await page.addInitScript(CLS_OBSERVER);
    await page.goto(host.page('/head', html));
    await cardsReady(page, 2);
    expect((await readCards(page)).map((c) => c.value)).toEqual(['708家', figure('single-champions', 'zh')]);
    expect(w.api).toHaveLength(1);
    expect(await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts)).toEqual([]);
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('works as the indicator page offers it for copying', async () => {
    const code = await embedCodeFromPage('platforms-total', 'en');
    const page = await browser.newPage();
    const w = watch(page);
    await page.goto(host.page('/copied', hostPage('en', 'Copied', code)));
    await cardsReady(page, 1);
    expect((await readCards(page))[0]).toMatchObject({ lang: 'en', value: figure('platforms-total', 'en') });
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('renders English cards from placeholders, lang ancestors, a dataset card and the JS API, in the dark theme', async () => {
    const list = dataset('innovation-platforms');
    const body = `<section class="dark-section" lang="en">
<h2>Placeholders for CMSes that strip unknown tags</h2>
<div class="grid">
${kitCode('platforms-total', 'en', 'dark').div}
${kitCode('little-giants-national-rank', 'en', 'dark').element.replace(' lang="en"', '') /* its language from the section */}
${kitCode('innovation-platforms', 'en', 'dark').element}
<div id="mine"><p>Single champions: 10</p></div>
</div>
</section>
${kitCode('platforms-total', 'en').script}`;
    const url = host.page('/en', hostPage('zh-CN', 'Zhuzhou cards', body));
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 }, colorScheme: 'dark' });
    const w = watch(page);
    await page.addInitScript(CLS_OBSERVER);
    await page.goto(url);
    await cardsReady(page, 3);
    expect(await page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts)).toEqual([]);
    // The JS API, as a site that mounts cards itself would call it.
    await page.evaluate(() =>
      (window as unknown as { ZZIndicators: { mount(e: Element, o: object): Element } }).ZZIndicators.mount(
        document.getElementById('mine')!,
        { indicator: 'single-champions', theme: 'dark' },
      ),
    );
    await cardsReady(page, 4);
    const cards = await readCards(page);
    const card = (id: string) => cards.find((c) => c.indicator === id || c.dataset === id)!;

    expect(card('platforms-total')).toMatchObject({
      lang: 'en',
      theme: 'zz dark',
      value: '708 platforms',
      label: indicator('platforms-total').label.en,
    });
    expect(card('little-giants-national-rank')).toMatchObject({ lang: 'en', value: '17th' });
    expect(card('innovation-platforms')).toMatchObject({
      label: list.title.en,
      rows: list.indicators.map((i) => figure(i.id, 'en')),
    });
    expect(card('innovation-platforms').links).toEqual([`${worker.origin}/en/datasets/innovation-platforms`]);
    expect(card('single-champions')).toMatchObject({ value: figure('single-champions', 'en'), theme: 'zz dark' });
    for (const c of cards) expect(c.links.every((href) => href.startsWith(`${worker.origin}/en/`))).toBe(true);

    // One batch for the indicators on the page, one dataset, and one more batch for the card mounted later.
    expect(w.api.map((r) => new URL(r.url()).pathname).sort()).toEqual([
      '/api/v1/datasets/innovation-platforms',
      '/api/v1/indicators',
      '/api/v1/indicators',
    ]);
    expect(w.errors).toEqual([]);
    await page.screenshot({ path: new URL('widgets-en-dark.png', artifacts).pathname, fullPage: true });
    await page.close();
  });
});

/**
 * A plain article column, as government CMS pages are: cards in normal flow one
 * after another between paragraphs, in the host's own typography, and the
 * script pasted once at the end, `async`. The fallback text is laid out and
 * painted in those styles before the script runs, so whatever box it took is
 * the box the card must keep: when it upgrades, when its figures arrive, and
 * when they change (and grow).
 */
const ARTICLE_LAYOUTS = {
  // Typical CMS typography: a serif body font, loose paragraphs.
  'serif 16px':
    'body { font: 16px/1.8 Georgia, "Times New Roman", "Noto Serif CJK SC", "DejaVu Serif", serif; } p { margin: 1em 0; line-height: 1.8; }',
  'serif 18px':
    'body { font: 18px/1.8 Georgia, "Times New Roman", "Noto Serif CJK SC", "DejaVu Serif", serif; } p { margin: 1em 0; line-height: 1.8; }',
  // A CSS reset with tight paragraphs: the fallback takes less room than a card needs, so cards must fit themselves in.
  'tight reset 15px':
    '* { margin: 0; padding: 0; } body { font: 15px/1.3 serif; } p { margin: 0.3em 0; } ul { list-style: none; }',
} as const;
type ArticleLayout = keyof typeof ARTICLE_LAYOUTS;

/** Number, rank, target (with and without a bar) and dataset cards, and one `<div>` placeholder. */
const ARTICLE_CARDS = [
  'platforms-total',
  'little-giants-national-rank',
  'achievement-transfer-target',
  'tech-contract-turnover-growth-target',
  'innovation-platforms',
  'single-champions',
  'specialised-enterprises',
];

/** The article page; its stylesheet is answered `cssDelayMs` late (see HostSite.stylesheet). */
function articlePage(lang: Lang, layout: ArticleLayout, cssDelayMs = 0): string {
  const css = host.stylesheet(
    `/article-${layout.replace(/\W+/g, '-')}${cssDelayMs ? '-late' : ''}.css`,
    `${ARTICLE_LAYOUTS[layout]}\nbody { padding: 24px; color: #222; background: #fdfdfb; }\narticle { max-width: 38em; margin: 0 auto; }\na { color: #0645ad; }\n`,
    cssDelayMs,
  );
  const prose =
    lang === 'zh'
      ? '株洲市科技局近日发布了2023年科技创新工作情况，以下数据卡片随正文嵌入，数据更新时自动刷新。'
      : 'Zhuzhou published its science and technology figures for the year; the cards below sit in the text and update when the figures do.';
  const cards = ARTICLE_CARDS.map((id, n) => {
    const code = kitCode(id, lang);
    return `${n === ARTICLE_CARDS.length - 1 ? code.div : code.element}\n<p>${prose}</p>`;
  });
  return `<!DOCTYPE html>
<html lang="${LANG_TAGS[lang]}">
<head>
<meta charset="utf-8">
<title>Article</title>
<link rel="stylesheet" href="${new URL(css).pathname}">
</head>
<body>
<main>
<article>
<h1>${lang === 'zh' ? '株洲科技创新成果丰硕' : 'Zhuzhou in figures'}</h1>
<p>${prose}</p>
${cards.join('\n')}
<p id="after">${prose}</p>
</article>
</main>
${kitCode('platforms-total', lang).script}
</body>
</html>`;
}

/** Two frames, so layout-shift entries for whatever was just drawn have been reported. */
const frames = (page: Page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
const shifts = (page: Page) => page.evaluate(() => (window as unknown as { __shifts: number[] }).__shifts);
/** Where every block of the article is: paragraphs, cards and placeholders. */
const blocks = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('article > *')].map(
      (e) => `${e.localName} ${e.getBoundingClientRect().top} ${e.getBoundingClientRect().height}`,
    ),
  );

/** The API, now answering with every figure grown (708 → 70,803), under a new ETag. */
const grow = (i: Indicator): Indicator => ({ ...i, value: i.value * 100 + 3 });
async function growFigures(page: Page) {
  await page.route(`${worker.origin}/api/v1/**`, async (route) => {
    const { 'if-none-match': _, ...headers } = route.request().headers();
    const res = await route.fetch({ headers });
    // A batch and a dataset both carry `indicators`.
    const body = (await res.json()) as { indicators: Indicator[] };
    body.indicators = body.indicators.map(grow);
    await route.fulfill({ response: res, json: body, headers: { ...res.headers(), etag: '"grown"' } });
  });
  await page.evaluate(() => (window as unknown as { ZZIndicators: { refresh(): void } }).ZZIndicators.refresh());
}

/** Opens the article with the script held back until the fallback text has been painted, as on a real network. */
async function openArticle(page: Page, lang: Lang, layout: ArticleLayout) {
  let release!: () => void;
  const painted = new Promise<void>((done) => (release = done));
  await page.route(`${worker.origin}/widgets/*.js`, async (route) => {
    await painted;
    await route.continue();
  });
  await page.goto(host.page(`/article-${lang}-${layout.replace(/\W+/g, '-')}`, articlePage(lang, layout)), {
    waitUntil: 'domcontentloaded',
  });
  await frames(page);
  expect(await page.evaluate(() => document.querySelector('zz-indicator')!.shadowRoot)).toBeNull();
  const before = await blocks(page);
  release();
  await cardsReady(page, ARTICLE_CARDS.length);
  await frames(page);
  return before;
}

describe('zero layout shift in an article column', () => {
  for (const layout of Object.keys(ARTICLE_LAYOUTS) as ArticleLayout[]) {
    for (const lang of ['zh', 'en'] as const) {
      it(`keeps every card's box from fallback to figures, grown figures and a failed refresh (${layout}, ${lang})`, async () => {
        // Tall enough for the whole article: a shift anywhere on the page counts.
        const page = await browser.newPage({ viewport: { width: 900, height: 4000 } });
        const w = watch(page);
        await page.addInitScript(CLS_OBSERVER);
        const before = await openArticle(page, lang, layout);
        expect(await page.evaluate(() => document.documentElement.scrollHeight <= innerHeight)).toBe(true);
        expect(await shifts(page), 'layout shifts when the cards upgraded and their figures arrived').toEqual([]);
        expect(await blocks(page)).toEqual(before);

        await growFigures(page);
        await expect
          .poll(async () => (await readCards(page)).find((c) => c.indicator === 'platforms-total')!.value)
          .toContain(formatValue(grow(indicator('platforms-total')), lang));
        await frames(page);
        expect(await shifts(page), 'layout shifts when the figures changed').toEqual([]);
        expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBe(0);
        expect(await blocks(page)).toEqual(before);
        // Every card drew its figures, and no inline style came with them.
        const cards = await readCards(page);
        expect(cards.map((c) => c.value ?? c.pair[0] ?? c.rows[0]).every(Boolean)).toBe(true);
        expect(cards.every((c) => c.styleAttrs === 0 && c.styleElements === 0)).toBe(true);
        expect(w.errors).toEqual([]);

        // The API fails: every card keeps its figures, marked stale with a retry button, in the same box.
        await page.unroute(`${worker.origin}/api/v1/**`);
        await page.route(`${worker.origin}/api/v1/**`, (route) => route.abort());
        await page.evaluate(() => (window as unknown as { ZZIndicators: { refresh(): void } }).ZZIndicators.refresh());
        await expect
          .poll(async () =>
            (await readCards(page)).every((c) => c.stale && c.status?.includes(lang === 'zh' ? '重试' : 'Retry')),
          )
          .toBe(true);
        await frames(page);
        expect(await shifts(page), 'layout shifts when the cards went stale').toEqual([]);
        expect(await blocks(page)).toEqual(before);
        expect(w.errors.filter((e) => !e.includes('net::ERR_FAILED'))).toEqual([]);
        await page.screenshot({
          path: new URL(`widgets-article-${layout.replace(/\W+/g, '-')}-${lang}.png`, artifacts).pathname,
          fullPage: true,
        });
        await page.close();
      });
    }
  }
});

/** The cards whose content does not fit their box (it scrolls), by id. */
const cutOff = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('zz-indicator')]
      .filter((e) => {
        const card = e.shadowRoot?.querySelector('.card');
        return !card || card.scrollHeight > card.clientHeight + 1 || card.scrollWidth > card.clientWidth + 1;
      })
      .map((e) => e.getAttribute('indicator') ?? e.getAttribute('dataset')),
  );

/** Where the article's blocks are with the fallback text alone (the widget never loads), at `width`. */
async function fallbackBlocks(lang: Lang, layout: ArticleLayout, width: number) {
  const page = await browser.newPage({ viewport: { width, height: 4000 } });
  await page.route(`${worker.origin}/widget*/**`, (route) => route.abort());
  await page.route(`${worker.origin}/widget.js`, (route) => route.abort());
  await page.goto(host.page(`/article-${lang}-fallback`, articlePage(lang, layout)));
  expect(await page.evaluate(() => document.querySelector('zz-indicator')!.shadowRoot)).toBeNull();
  const where = await blocks(page);
  await page.close();
  return where;
}

/**
 * The box a card keeps is the one its fallback takes in the host's layout as it is, not as it was when the script
 * ran: a host stylesheet that comes after the async script, or a resized window, gives the cards other widths, and
 * each card takes the box its fallback would take at the new width, with nothing cut off.
 */
describe('a host layout that changes after the cards are drawn', () => {
  const layout: ArticleLayout = 'serif 16px';
  for (const lang of ['zh', 'en'] as const) {
    it(`takes the fallback's box from a stylesheet that arrives after the script (${lang})`, async () => {
      const expected = await fallbackBlocks(lang, layout, 900);
      const page = await browser.newPage({ viewport: { width: 900, height: 4000 } });
      const w = watch(page);
      // The cards connect (and measure their fallback) while the column's stylesheet is still on its way: the
      // page is laid out unstyled, full width, at that moment.
      await page.goto(host.page(`/article-${lang}-late-css`, articlePage(lang, layout, 800)));
      await cardsReady(page, ARTICLE_CARDS.length);
      await frames(page);
      expect(await blocks(page)).toEqual(expected);
      expect(await cutOff(page)).toEqual([]);
      expect(w.errors).toEqual([]);
      await page.close();
    });

    it(`takes the fallback's box again when the window is resized, and keeps it on a refresh (${lang})`, async () => {
      const narrow = await fallbackBlocks(lang, layout, 320);
      const wide = await fallbackBlocks(lang, layout, 900);
      const page = await browser.newPage({ viewport: { width: 900, height: 4000 } });
      const w = watch(page);
      await openArticle(page, lang, layout);
      expect(await blocks(page)).toEqual(wide);
      await page.setViewportSize({ width: 320, height: 4000 });
      await expect.poll(() => blocks(page)).toEqual(narrow);
      expect(await cutOff(page)).toEqual([]);
      // New figures are drawn into the new box: nothing moves.
      await growFigures(page);
      await expect
        .poll(async () => (await readCards(page)).find((c) => c.indicator === 'platforms-total')!.value)
        .toContain(formatValue(grow(indicator('platforms-total')), lang));
      expect(await blocks(page)).toEqual(narrow);
      await page.setViewportSize({ width: 900, height: 4000 });
      await expect.poll(() => blocks(page)).toEqual(wide);
      expect(await cutOff(page)).toEqual([]);
      expect(w.errors).toEqual([]);
      await page.close();
    });
  }
});

describe('many cards', () => {
  it('splits a page of more than 50 figures into batches of at most 50, and says which ids do not exist', async () => {
    const known = data.indicators.map((i) => i.id);
    const unknown = Array.from({ length: 60 - known.length }, (_, n) => `no-such-figure-${n + 1}`);
    const cards = [...known, ...unknown, 'Not An Id!']
      .map((id) => `<zz-indicator indicator="${id}"><p>${id}</p></zz-indicator>`)
      .join('\n');
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    const w = watch(page);
    await page.goto(
      host.page('/many', hostPage('en', 'Many', `${cards}\n<script src="${worker.origin}/widget.js" async></script>`)),
    );
    await expect.poll(() => page.evaluate(() => document.querySelectorAll('zz-indicator').length)).toBe(61);
    // Every card drew: the known ones their figures, the others the not-found card.
    await cardsReady(page, 61);
    const batches = w.api.map((r) => new URL(r.url()).searchParams.get('ids')!.split(','));
    expect(batches.map((b) => b.length).sort()).toEqual([10, 50]);
    // Every valid id asked for once; the malformed one never sent (it would fail the whole batch).
    expect(batches.flat().sort()).toEqual([...known, ...unknown].sort());
    const shown = await page.evaluate(() =>
      [...document.querySelectorAll('zz-indicator')].map((e) => {
        const s = e.shadowRoot!;
        return s.querySelector('.missing')
          ? `missing ${s.querySelector('code')!.textContent}`
          : (s.querySelector('.status')?.textContent ?? null);
      }),
    );
    expect(shown.slice(0, known.length).every((s) => s === null)).toBe(true);
    expect(shown.slice(known.length)).toEqual([...unknown, 'Not An Id!'].map((id) => `missing ${id}`));
    // The webmaster is told in the console, each wrong id once (a warning per batch that found some), and nothing else.
    const warnings = w.errors.filter((e) => e.startsWith('warning: zz-indicator: no such id'));
    expect(warnings.length).toBeGreaterThanOrEqual(1);
    expect(warnings.length).toBeLessThanOrEqual(3);
    for (const id of [...unknown, 'Not An Id!']) expect(warnings.join('\n').split(`"${id}"`).length - 1, id).toBe(1);
    expect(w.errors.filter((e) => !warnings.includes(e))).toEqual([]);
    await page.close();
  });
});

describe('accessibility (axe-core)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`has no axe-core violations in the ${scheme} colour scheme`, async () => {
      // axe is injected as a script, which the host CSP rightly refuses: this context bypasses CSP for axe alone.
      const context: BrowserContext = await browser.newContext({
        bypassCSP: true,
        colorScheme: scheme,
        viewport: { width: 900, height: 1200 },
      });
      const page = await context.newPage();
      // Light: explicit light cards on a light page; dark: `auto` cards following the dark scheme, and explicit dark ones.
      const theme = scheme === 'dark' ? 'auto' : 'light';
      const codes = [...ZH_CARDS, 'technology-transfer'].map((id) => kitCode(id, 'en', theme).html);
      if (scheme === 'dark') codes.push(kitCode('platforms-national', 'zh', 'dark').html);
      await page.goto(
        host.page(
          `/axe-${scheme}`,
          hostPage(
            'en',
            'Cards',
            `<div class="grid${scheme === 'dark' ? ' dark-section' : ''}">${codes.join('\n')}</div>`,
          ),
        ),
      );
      await cardsReady(page, codes.length);
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run(
                c: Document,
                o: object,
              ): Promise<{
                violations: { id: string; help: string; nodes: { target: unknown }[] }[];
                passes: unknown[];
              }>;
            };
          }
        ).axe;
        return axe.run(document, { resultTypes: ['violations'] });
      });
      expect(
        result.violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`),
      ).toEqual([]);
      expect(result.passes.length).toBeGreaterThan(10);
      await page.screenshot({ path: new URL(`widgets-axe-${scheme}.png`, artifacts).pathname, fullPage: true });
      await context.close();
    });
  }
});

describe('accessibility (axe-core) in an article column', () => {
  it('has no axe-core violations with the cards fitted into tight fallback boxes, after their figures grew', async () => {
    const context: BrowserContext = await browser.newContext({
      bypassCSP: true,
      viewport: { width: 900, height: 4000 },
    });
    const page = await context.newPage();
    await openArticle(page, 'en', 'tight reset 15px');
    await growFigures(page);
    await expect
      .poll(async () => (await readCards(page)).find((c) => c.indicator === 'platforms-total')!.value)
      .toContain(formatValue(grow(indicator('platforms-total')), 'en'));
    // Some card had to scroll inside its box: axe then checks the region can be reached from the keyboard.
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll('zz-indicator')].some((e) => {
          const c = e.shadowRoot!.querySelector('.card')!;
          return c.scrollHeight > c.clientHeight;
        }),
      ),
    ).toBe(true);
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run(
              c: Document,
              o: object,
            ): Promise<{ violations: { id: string; help: string; nodes: { target: unknown }[] }[] }>;
          };
        }
      ).axe;
      return axe.run(document, { resultTypes: ['violations'] });
    });
    expect(result.violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual(
      [],
    );
    await context.close();
  });
});

describe('safety', () => {
  it('renders a hostile label as inert text', async () => {
    const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
    const page = await browser.newPage();
    const w = watch(page);
    await page.route(`${worker.origin}/api/v1/indicators?**`, async (route) => {
      const res = await route.fetch();
      const body = (await res.json()) as { indicators: Indicator[] };
      for (const i of body.indicators) {
        i.label = { zh: payload, en: payload };
        i.unitLabel = { zh: payload, en: payload };
      }
      await route.fulfill({ response: res, json: body });
    });
    await page.goto(
      host.page(
        '/xss',
        hostPage(
          'zh-CN',
          'XSS',
          `<zz-indicator indicator="platforms-total"></zz-indicator><script src="${worker.origin}/widget.js"></script>`,
        ),
      ),
    );
    await cardsReady(page, 1);
    const [card] = await readCards(page);
    expect(card!.label).toBe(payload);
    expect(card!.value).toBe(`708${payload}`);
    const active = await page.evaluate(() => ({
      xss: (window as unknown as { __xss?: number }).__xss,
      elements:
        document.querySelector('zz-indicator')!.shadowRoot!.querySelectorAll('img, script').length +
        document.querySelectorAll('img').length,
    }));
    expect(active).toEqual({ xss: undefined, elements: 0 });
    expect(w.errors).toEqual([]);
    await page.close();
  });

  it('keeps the fallback text and offers a retry when the API fails, without an error in the page', async () => {
    const page = await browser.newPage();
    const w = watch(page);
    await page.route(`${worker.origin}/api/v1/**`, (route) => route.fulfill({ status: 503, body: 'down' }));
    await page.goto(
      host.page(
        '/down',
        hostPage(
          'zh-CN',
          'Down',
          `<zz-indicator indicator="platforms-total"><p>全市各类科技创新平台：708家</p></zz-indicator><script src="${worker.origin}/widget.js"></script>`,
        ),
      ),
    );
    await expect
      .poll(() =>
        page.evaluate(() => document.querySelector('zz-indicator')!.shadowRoot!.querySelector('.status')?.textContent),
      )
      .toContain('重试');
    const fallback = await page.evaluate(() =>
      (document.querySelector('zz-indicator')!.shadowRoot!.querySelector('slot') as HTMLSlotElement)
        .assignedNodes()
        .map((n) => n.textContent)
        .join(''),
    );
    expect(fallback).toContain('708家');
    // The 503 itself is a network error in the console; nothing thrown, nothing unhandled.
    expect(w.errors.filter((e) => !e.includes('503'))).toEqual([]);
    await page.unroute(`${worker.origin}/api/v1/**`);
    await page.getByRole('button', { name: '重试' }).click();
    await cardsReady(page, 1);
    expect((await readCards(page))[0]).toMatchObject({ value: '708家', status: null });
    await page.close();
  });
});

describe('live refresh', () => {
  it('refreshes with If-None-Match (304 keeps the figures), pauses while hidden, marks failures stale and announces only real changes', async () => {
    const page = await browser.newPage();
    const w = watch(page);
    await page.clock.install();
    await page.goto(
      host.page(
        '/live',
        hostPage(
          'zh-CN',
          'Live',
          `<zz-indicator indicator="platforms-total" refresh="60"></zz-indicator><zz-indicator indicator="little-giants"></zz-indicator><script src="${worker.origin}/widget.js"></script>`,
        ),
      ),
    );
    await cardsReady(page, 2);
    expect(w.api).toHaveLength(1);
    const first = await w.api[0]!.response();
    const etag = first!.headers().etag;
    expect(etag).toBeTruthy();

    // One interval later: the same batch, conditional, answered 304; the figures stay.
    const revalidated = page.waitForResponse(
      (r) =>
        r.url().startsWith(`${worker.origin}/api/v1/indicators`) &&
        r.request().method() === 'GET' &&
        r.status() === 304,
    );
    await page.clock.runFor(60_000);
    const res304 = await revalidated;
    expect(res304.url()).toBe(first!.url());
    expect((await res304.request().allHeaders())['if-none-match']).toBe(etag);
    let [total, giants] = await readCards(page);
    expect(total).toMatchObject({ value: '708家', live: '', stale: false });
    expect(giants).toMatchObject({ value: figure('little-giants', 'zh') });

    // A hidden tab does not poll; it catches up when shown again.
    const gets = () =>
      w.api.filter((r) => r.method() === 'GET' && r.url().startsWith(`${worker.origin}/api/v1/indicators`)).length;
    const before = gets();
    await page.evaluate(() => Object.defineProperty(document, 'hidden', { configurable: true, get: () => true }));
    await page.clock.runFor(180_000);
    // No pause to wait for polls that should not come: requests are reported in the order the page makes them, so once
    // a request made after the hidden interval is seen, any poll made during it has been seen too.
    const marker = `${worker.origin}/api/v1/datasets`;
    await Promise.all([
      page.waitForRequest(marker),
      page.evaluate((url) => fetch(url).then((res) => res.status), marker),
    ]);
    expect(gets()).toBe(before);
    const caughtUp = page.waitForResponse(
      (r) => r.url().startsWith(`${worker.origin}/api/v1/indicators`) && r.request().method() === 'GET',
    );
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    expect((await caughtUp).status()).toBe(304);

    // The API fails: the last good figures stay, marked stale, with a retry button.
    await page.route(`${worker.origin}/api/v1/**`, (route) => route.abort());
    await page.clock.runFor(60_000);
    await expect.poll(async () => (await readCards(page))[0]!.stale).toBe(true);
    [total] = await readCards(page);
    expect(total).toMatchObject({ value: '708家', live: '' });
    expect(total!.status).toContain('重试');

    // Back, with a changed figure: retry from the keyboard; the change is announced, once.
    await page.unroute(`${worker.origin}/api/v1/**`);
    await page.route(`${worker.origin}/api/v1/indicators?**`, async (route) => {
      // The data changed on the server: a new body (and ETag) instead of the 304 the old one would get.
      const { 'if-none-match': _, ...headers } = route.request().headers();
      const res = await route.fetch({ headers });
      const body = (await res.json()) as { indicators: Indicator[] };
      for (const i of body.indicators) if (i.id === 'platforms-total') i.value = 710;
      await route.fulfill({ response: res, json: body, headers: { ...res.headers(), etag: '"changed"' } });
    });
    let focused = '';
    for (let tab = 0; tab < 8 && focused !== '重试'; tab++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent ?? '');
    }
    expect(focused).toBe('重试');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await readCards(page))[0]!.value).toBe('710家');
    [total, giants] = await readCards(page);
    expect(total).toMatchObject({
      stale: false,
      status: null,
      live: `${indicator('platforms-total').label.zh}: 710家`,
    });
    expect(giants).toMatchObject({ live: '' });
    // Focus stays in the card whose button went away.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('indicator'))).toBe('platforms-total');
    expect(w.errors.filter((e) => !e.includes('net::ERR_FAILED'))).toEqual([]);
    await page.close();
  });
});
