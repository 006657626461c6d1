/**
 * `widgets/src/card.tsx` against the server's `renderCard()`: for every
 * indicator and dataset, in both languages, the widget's Preact card has the
 * same elements, classes, parts, attributes and text as the HTML the iframe
 * card is written from, and takes the same height under the one card
 * stylesheet. That is what lets one CSS file style both, and what keeps a
 * card from changing size when it goes live.
 */
import { readFileSync } from 'node:fs';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { files } from '../../../data';
import { type CardModel, datasetCard, indicatorCard } from '../../../worker/card';
import { loadData } from '../../../worker/data-source';
import { createSnapshot, type Snapshot } from '../../../worker/data-source/snapshot';
import { renderCard, renderMissingCard } from '../../../worker/markup';
import type { Lang } from '../../../worker/schema';
import { launchChromium } from '../support/browser';

const root = new URL('../../../', import.meta.url);
const ORIGIN = 'https://data.example.org';
const LANGS: Lang[] = ['zh', 'en'];

let browser: Browser;
let page: Page;
let data: Snapshot;

/** The Card component alone, bundled for the page with the card CSS as the widget builds it. */
async function cardBundle(): Promise<string> {
  const css = (
    await esbuild.transform(readFileSync(new URL('widgets/src/card.css', root), 'utf8'), {
      loader: 'css',
      minify: true,
    })
  ).code;
  const result = await esbuild.build({
    stdin: {
      contents: `import { render } from 'preact';
import { Card, Missing } from './widgets/src/card';
const sheet = new CSSStyleSheet();
sheet.replaceSync(${JSON.stringify(css)});
window.drawCard = (host, model, theme) => {
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = [sheet];
  const m = model.missing;
  render(m ? Missing(m.kind, m.id, m.lang, theme) : Card(model, theme), shadow);
};
window.cardCss = ${JSON.stringify(css)};`,
      loader: 'tsx',
      resolveDir: root.pathname,
    },
    bundle: true,
    write: false,
    format: 'iife',
    tsconfig: new URL('widgets/tsconfig.json', root).pathname,
  });
  return result.outputFiles[0]!.text;
}

beforeAll(async () => {
  [browser, data] = await Promise.all([
    launchChromium(),
    createSnapshot(loadData(files, readFileSync(new URL('data/article.txt', root), 'utf8'))),
  ]);
  page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  // A page on a real origin: the widget's not-found card links the list of ids on the origin it was loaded from.
  await page.route(`${ORIGIN}/`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><html><head><style id="css"></style></head><body></body></html>',
    }),
  );
  await page.goto(`${ORIGIN}/`);
  await page.addScriptTag({ content: await cardBundle() });
  await page.evaluate(() => {
    document.getElementById('css')!.textContent = (window as unknown as { cardCss: string }).cardCss;
  });
});
afterAll(() => browser?.close());

/** Elements as comparable records: tag, the attributes that matter, and text; whitespace-only text ignored. */
function shape(el: Element): unknown {
  const attrs = [...el.attributes]
    .filter((a) => a.name !== 'tabindex')
    .map((a) => `${a.name}=${a.value}`)
    .sort();
  // Adjacent text nodes count as one (Preact writes " " and "platforms" where the server writes " platforms").
  const children: (string | Element)[] = [];
  for (const n of el.childNodes) {
    const last = children.length - 1;
    if (n.nodeType === Node.ELEMENT_NODE) children.push(n as Element);
    else if (typeof children[last] === 'string') children[last] += n.textContent ?? '';
    else children.push(n.textContent ?? '');
  }
  return {
    tag: el.localName,
    attrs,
    children: children
      .map((c) => (typeof c === 'string' ? c.replace(/\s+/g, ' ') : shape(c)))
      .filter((c) => c !== '' && c !== ' '),
  };
}

/** Draws both cards side by side at `width` px and returns their shapes and heights. */
function compare(model: CardModel, serverHtml: string, width: number) {
  return page.evaluate(
    ({ model, serverHtml, width, shapeSource }) => {
      const shapeOf = new Function(`return ${shapeSource}`)() as (el: Element) => unknown;
      document.body.replaceChildren();
      const server = document.createElement('div');
      const widget = document.createElement('div');
      for (const box of [server, widget]) {
        box.style.width = `${width}px`;
        document.body.append(box);
      }
      server.innerHTML = serverHtml;
      (window as unknown as { drawCard(h: Element, m: unknown, t: string): void }).drawCard(widget, model, 'light');
      const mine = widget.shadowRoot!.firstElementChild!;
      const theirs = server.firstElementChild!;
      const height = (e: Element) => e.querySelector('.card')!.getBoundingClientRect().height;
      return { server: shapeOf(theirs), widget: shapeOf(mine), heights: [height(theirs), height(mine)] };
    },
    { model, serverHtml, width, shapeSource: shape.toString() },
  );
}

describe('the widget card and the server card', () => {
  it('are the same markup, text and height for every indicator and dataset, in both languages', async () => {
    const models: CardModel[] = [];
    for (const lang of LANGS) {
      for (const i of data.indicators) models.push(indicatorCard(i, lang, data, ORIGIN));
      for (const d of data.datasets) models.push(datasetCard(d, lang, ORIGIN));
    }
    expect(models).toHaveLength(2 * (data.indicators.length + data.datasets.length));
    // Every card type is among them.
    expect(new Set(models.map((m) => m.type))).toEqual(new Set(['number', 'target', 'rank', 'dataset']));
    for (const model of models) {
      for (const width of [220, 400]) {
        const { server, widget, heights } = await compare(model, renderCard(model, { theme: 'light' }), width);
        expect(widget, `${model.id} (${model.lang}) at ${width}px`).toEqual(server);
        expect(heights[1], `${model.id} (${model.lang}) height at ${width}px`).toBeCloseTo(heights[0]!, 1);
      }
    }
  });

  it('draw the same sparkline, named by the trend in words, at 200, 220 and 400 px', async () => {
    const i = data.indicator('platforms-total')!;
    for (const lang of LANGS) {
      const withSeries = {
        ...i,
        series: [
          ['2023-03-31', 708],
          ['2023-06-30', 715],
          ['2023-09-30', 712],
          ['2023-12-31', 730],
        ] as const,
      };
      const model = indicatorCard(withSeries, lang, data, ORIGIN);
      expect(model.trend).toEqual({
        points: '0,22 33.3,15.6 66.7,18.4 100,2',
        label: lang === 'zh' ? '走势：708家 → 730家' : 'Trend: 708 → 730',
      });
      const html = renderCard(model, { theme: 'light' });
      expect(html).toContain('<svg class="trend"');
      for (const width of [200, 220, 400]) {
        const { server, widget, heights } = await compare(model, html, width);
        expect(widget, `${lang} at ${width}px`).toEqual(server);
        expect(JSON.stringify(widget)).toContain('aria-label=');
        expect(heights[1]).toBeCloseTo(heights[0]!, 1);
      }
    }
    // One observation is no line.
    expect(indicatorCard({ ...i, series: [['2023-03-31', 708]] }, 'zh', data, ORIGIN).trend).toBeUndefined();
  });

  it('draw the same not-found card for an unknown id, at 200 and 400 px, without overflow', async () => {
    for (const lang of LANGS)
      for (const kind of ['indicator', 'dataset'] as const) {
        const id = 'no-such-figure-with-a-rather-long-id';
        const server = renderMissingCard({
          kind,
          id,
          lang,
          theme: 'light',
          list: `${ORIGIN}${lang === 'en' ? '/en' : ''}/indicators`,
        });
        for (const width of [200, 400]) {
          const result = await compare({ missing: { kind, id, lang } } as unknown as CardModel, server, width);
          expect(result.widget, `${kind} ${lang} at ${width}px`).toEqual(result.server);
          expect(result.heights[1]).toBeCloseTo(result.heights[0]!, 1);
          // Small: a few lines, not the reserved 10.5em of a card waiting for its figures.
          expect(result.heights[0]).toBeLessThan(16 * 8);
        }
      }
  });

  it('writes data as text, never as markup', async () => {
    const base = indicatorCard(data.indicator('platforms-total')!, 'zh', data, ORIGIN);
    const hostile: CardModel = {
      ...base,
      label: '<img src=x onerror=alert(1)>',
      value: { text: '<b>708</b>', unit: '' },
      source: { ...base.source, href: 'javascript:alert(1)' },
    };
    const result = await page.evaluate((model) => {
      document.body.replaceChildren();
      const host = document.createElement('div');
      document.body.append(host);
      (window as unknown as { drawCard(h: Element, m: unknown, t: string): void }).drawCard(host, model, 'dark');
      const s = host.shadowRoot!;
      return {
        label: s.querySelector('.label')!.textContent,
        value: s.querySelector('.value')!.textContent,
        elements: s.querySelectorAll('img, b, a').length,
        theme: s.firstElementChild!.className,
      };
    }, hostile);
    // The link is dropped (only http: and https: are linked); its text stays.
    expect(result).toEqual({ label: hostile.label, value: '<b>708</b>', elements: 0, theme: 'zz dark' });
  });
});
