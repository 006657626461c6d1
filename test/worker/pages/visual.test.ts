/**
 * The pages a bureau is proud to link: server-drawn SVG charts of each indicator's series (with the data table that
 * is their text alternative), progress bars and ranks, the landing page's headline cards, a quote shown once on the
 * dataset page, details as sentences, the mark and favicon, robots.txt, sitemap.xml with hreflang pairs, and the API
 * reference rendered from the OpenAPI document.
 */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../../worker/api/openapi';
import { bundledSource } from '../../../worker/data-source';
import { formatPeriod, formatValue } from '../../../worker/format';
import { SITE_WORDS } from '../../../worker/language';
import { type ChartPoint, MAX_BARS, seriesOf, seriesSection, valueAxis } from '../../../worker/pages/chart';
import { withQuotesOnce } from '../../../worker/pages/dataset-page';
import { HEADLINE_IDS, headlineCards } from '../../../worker/pages/headline';
import { PROBLEM_TYPES } from '../../../worker/pages/problem-page';
import { detailSentenceTexts } from '../../../worker/pages/sentences';
import type { Indicator, Lang } from '../../../worker/schema';
import { buildLiveSnapshot, bundledData, type LiveSnapshot, type Revision, seedRevisions } from '../../../worker/store';
import { expectNoExternalResources } from './support/checks';
import { one, select, squashSpace } from './support/dom';
import { get, ORIGIN, page } from './support/fetch';

const snapshot = await bundledSource.current();
const LANGS: Lang[] = ['zh', 'en'];
const prefix = (lang: Lang) => (lang === 'zh' ? '' : '/en');

const SOURCE = {
  publisher: { zh: '株洲市科学技术局', en: 'Zhuzhou Science and Technology Bureau' },
  title: { zh: '统计快报', en: 'Statistical bulletin' },
};

/** The seed plus observations of `indicator` (oldest first), folded into a live snapshot. */
async function liveWith(indicator: string, points: Omit<ChartPoint, 'asOf'>[]): Promise<LiveSnapshot> {
  const seed = seedRevisions();
  const extra: Revision[] = points.map((p, n) => ({
    seq: seed.length + n + 1,
    id: `test-${n}`,
    publishedAt: `2026-11-28T0${n}:00:00.000Z`,
    publisher: 'test',
    reason: 'test',
    kind: 'observation',
    indicator,
    observation: { ...p, source: SOURCE },
  }));
  return buildLiveSnapshot(bundledData().meta, [...seed, ...extra]);
}

describe('series charts', () => {
  it('draw few points as bars, with labelled axes, qualified figures open, and a table of the same series', async () => {
    const live = await liveWith('platforms-total', [
      { period: '2023-06-30', value: 716, qualifier: 'exact' },
      { period: '2023-09-30', value: 750, qualifier: 'at_least' },
    ]);
    const indicator = live.indicator('platforms-total')!;
    const points = seriesOf(live, indicator);
    expect(points.map((p) => p.value)).toEqual([708, 716, 750]);
    for (const lang of LANGS) {
      const w = SITE_WORDS[lang];
      const html = seriesSection(indicator, live, lang).toString();
      const svg = await one(html, 'figure.chart-figure svg.chart');
      expect(svg.attrs.role).toBe('img');
      // Named by the caption and a one-sentence summary, both on the page.
      const [caption, summary] = svg.attrs['aria-labelledby']!.split(' ');
      expect((await one(html, `figcaption#${caption}`)).text).toBe(w.chartCaption(indicator.label[lang]));
      expect((await one(html, `#${summary}`)).text).toContain(formatValue({ ...indicator, value: 750 }, lang));
      expect(svg.text).toContain(w.axisValue(indicator));
      expect(svg.text).toContain(w.axisPeriod);
      const bars = await select(html, 'svg.chart rect.chart-bar');
      expect(bars).toHaveLength(3);
      expect(bars.map((b) => b.attrs.class)).toEqual(['chart-bar', 'chart-bar', 'chart-bar open']);
      // Taller bar, larger value; every bar stands on the same baseline.
      const heights = bars.map((b) => Number(b.attrs.height));
      expect(heights[0]).toBeLessThan(heights[1]!);
      expect(heights[1]).toBeLessThan(heights[2]!);
      const bottoms = bars.map((b) => Number(b.attrs.y) + Number(b.attrs.height));
      expect(new Set(bottoms).size).toBe(1);
      // The qualifier is in the words on the bar and in the legend.
      expect(svg.text).toContain(formatValue({ ...indicator, value: 750, qualifier: 'at_least' }, lang));
      expect((await one(html, '.chart-note')).text).toContain(w.qualifiedNote);
      // The data table: one row per point, the same values, periods as <time>.
      const rows = await select(html, 'table.chart-data tbody tr');
      expect(rows).toHaveLength(3);
      expect((await select(html, 'table.chart-data td data')).map((d) => Number(d.attrs.value))).toEqual([
        708, 716, 750,
      ]);
      expect((await select(html, 'table.chart-data tbody th time')).map((t) => t.attrs.datetime)).toEqual([
        '2023-03-31',
        '2023-06-30',
        '2023-09-30',
      ]);
      expect((await one(html, 'table.chart-data caption')).text).toBe(w.tableCaption(indicator.label[lang]));
      // CSP-safe: no style attribute, no <style>, no script, nothing loaded.
      expect(await select(html, '[style]')).toHaveLength(0);
      expect(await select(html, 'style, script, image, use, foreignObject')).toHaveLength(0);
    }
  });

  it('draw many points as a line with a marker each, and label the first and last period', async () => {
    const months = ['04', '05', '06', '07', '08', '09', '10', '11', '12'];
    const live = await liveWith(
      'platforms-total',
      months.map((m, n) => ({ period: `2023-${m}`, value: 710 + n * 5, qualifier: n === 4 ? 'about' : 'exact' })),
    );
    const indicator = live.indicator('platforms-total')!;
    const html = seriesSection(indicator, live, 'en').toString();
    expect(await select(html, 'rect.chart-bar')).toHaveLength(0);
    const line = await one(html, 'polyline.chart-line');
    const points = seriesOf(live, indicator);
    expect(points.length).toBeGreaterThan(MAX_BARS);
    expect(line.attrs.points!.split(' ')).toHaveLength(points.length);
    const dots = await select(html, 'svg.chart circle.chart-dot');
    expect(dots).toHaveLength(points.length);
    expect(dots.filter((d) => d.attrs.class!.includes('open'))).toHaveLength(1);
    // Higher value, higher on the chart (smaller y).
    const ys = dots.map((d) => Number(d.attrs.cy));
    expect(ys[1]).toBeLessThan(ys[0]!);
    const labels = (await select(html, 'svg.chart text.chart-tick')).map((t) => t.text);
    expect(labels).toContain(formatPeriod(points[0]!.period, 'en'));
    expect(labels).toContain(formatPeriod(points.at(-1)!.period, 'en'));
    expect(await select(html, 'table.chart-data tbody tr')).toHaveLength(points.length);
  });

  it('show one observation as a single value, not an empty chart', async () => {
    for (const lang of LANGS) {
      const { html } = await page(`${prefix(lang)}/indicators/platforms-total`);
      expect(await select(html, 'svg.chart')).toHaveLength(0);
      const single = await one(html, 'figure.single');
      expect(single.text).toContain(formatValue(snapshot.indicator('platforms-total')!, lang));
      expect(single.text).toContain(SITE_WORDS[lang].singleNote);
    }
  });

  it('keep zero in the value axis and put first place on top of a rank axis', () => {
    expect(valueAxis([708, 716], false)).toMatchObject({ lo: 0, ticks: [0, 200, 400, 600, 800] });
    expect(valueAxis([-3, 12], false).lo).toBeLessThan(0);
    expect(valueAxis([17, 12], true)).toMatchObject({ lo: 1, ticks: expect.arrayContaining([1]) });
  });

  it('show progress towards a target as a bar with the figure, and apart where the two do not compare', async () => {
    for (const lang of LANGS) {
      const { html } = await page(`${prefix(lang)}/indicators/achievement-transfer-target`);
      const bar = await one(html, 'figure.progress-figure svg.progress');
      expect(bar.attrs.role).toBe('img');
      const fill = await one(html, 'figure.progress-figure rect.progress-fill');
      const track = await one(html, 'figure.progress-figure rect.progress-track');
      expect(Number(fill.attrs.width) / Number(track.attrs.width)).toBeCloseTo(0.27, 2);
      expect((await one(html, 'figure.progress-figure .progress-text')).text).toContain('27%');
      // The so-far figure's page shows the same bar.
      const progress = await page(`${prefix(lang)}/indicators/achievements-transferred-2023`);
      await one(progress.html, 'figure.progress-figure svg.progress');
      // An amount against a growth rate: side by side, no bar.
      const apart = await page(`${prefix(lang)}/indicators/tech-contract-turnover-growth-target`);
      expect(await select(apart.html, 'svg.progress')).toHaveLength(0);
      expect((await one(apart.html, 'figure.progress-figure')).text).toContain(SITE_WORDS[lang].progressNotComparable);
    }
  });

  it('show the ranking as a rank, with its scope and what it ranks', async () => {
    const rank = snapshot.indicator('little-giants-national-rank')!;
    for (const lang of LANGS) {
      const { html } = await page(`${prefix(lang)}/indicators/${rank.id}`);
      expect((await one(html, '.rank-place')).text).toBe(formatValue(rank, lang));
      expect((await one(html, '.rank-scope')).text).toBe(rank.relations!.scope![lang]);
      expect((await select(html, '.rank-figure a')).map((a) => a.attrs.href)).toContain(
        `${prefix(lang)}/indicators/little-giants`,
      );
    }
  });
});

describe('landing page headline cards', () => {
  it.each(LANGS)('open the page before the tables, each figure linked to its page (%s)', async (lang) => {
    const { html } = await page(`${prefix(lang)}/`);
    const cards = await select(html, 'section.headline ul.cards > li.card');
    expect(cards.map((c) => c.attrs.id)).toEqual(HEADLINE_IDS.map((id) => `headline-${id}`));
    for (const id of HEADLINE_IDS) {
      const indicator = snapshot.indicator(id)!;
      expect((await one(html, `#headline-${id} h3 a`)).attrs.href).toBe(`${prefix(lang)}/indicators/${id}`);
      expect((await one(html, `#headline-${id} .card-figure data`)).attrs.value).toBe(String(indicator.value));
      expect(squashSpace((await one(html, `#headline-${id} .card-figure`)).text)).toContain(
        formatValue(indicator, lang),
      );
    }
    // The little giants' card carries their national rank; the transfer target its progress bar.
    expect((await one(html, '#headline-little-giants .card-rank')).text).toContain(
      formatValue(snapshot.indicator('little-giants-national-rank')!, lang),
    );
    await one(html, '#headline-achievement-transfer-target svg.progress');
    // Before the tables.
    const order = (await select(html, 'section.headline, table')).map((e) => e.tag);
    expect(order[0]).toBe('section');
  });

  it('leaves out a headline figure the data no longer has', async () => {
    const live = await buildLiveSnapshot(bundledData().meta, [
      ...seedRevisions(),
      {
        seq: 10_000,
        id: 'withdrawn',
        publishedAt: '2026-11-28T00:00:00.000Z',
        publisher: 'test',
        reason: 'test',
        kind: 'withdrawal',
        indicator: 'platforms-total',
      },
    ]);
    const html = headlineCards(live, 'zh').toString();
    expect(await select(html, '#headline-platforms-total')).toHaveLength(0);
    expect(await select(html, 'li.card')).toHaveLength(HEADLINE_IDS.length - 1);
  });
});

describe('dataset pages', () => {
  it('show a quote once when several figures share it', async () => {
    for (const dataset of snapshot.datasets) {
      const quotes = new Set(dataset.indicators.map((i) => i.source.quote));
      for (const lang of LANGS) {
        const { html } = await page(`${prefix(lang)}/datasets/${dataset.id}`);
        const shown = (await select(html, 'ol.figures blockquote')).map((b) => b.text.trim());
        expect(shown.sort()).toEqual([...quotes].sort());
        expect(await select(html, '.same-quote')).toHaveLength(dataset.indicators.length - quotes.size);
      }
    }
    // The platforms share one sentence: the first shows it, the others point to it.
    const pairs = withQuotesOnce(snapshot.dataset('innovation-platforms')!.indicators);
    expect(pairs.map(([i, q]) => [i.id, q?.id])).toEqual([
      ['platforms-total', undefined],
      ['platforms-national', 'platforms-total'],
      ['platforms-provincial', 'platforms-total'],
    ]);
  });
});

describe('indicator details as sentences', () => {
  const sentence = async (id: string, lang: Lang) =>
    (await one((await page(`${prefix(lang)}/indicators/${id}`)).html, 'p.sentences')).text;

  it('say the figure with its date, machine codes collapsed below', async () => {
    expect(await sentence('platforms-total', 'zh')).toBe('截至2023年3月31日，全市各类科技创新平台共708家。');
    expect(await sentence('platforms-total', 'en')).toBe(
      'As of 31 March 2023, the number of science and technology innovation platforms, all kinds was 708.',
    );
    expect(await sentence('tech-contract-turnover-2022', 'zh')).toBe(
      '2022年，技术合同交易额为308亿元。以基本单位计为30,800,000,000元。',
    );
    expect(await sentence('tech-contract-turnover-2022', 'en')).toBe(
      'In 2022, technology contract turnover was CNY 30.8 billion. In base units: 30,800,000,000 yuan.',
    );
    expect(await sentence('rd-spending-growth-target', 'zh')).toBe(
      '2023年目标：全年研发经费同比增长12%以上。“以上”表示实际数不少于这个数。这是计划达到的目标，不是实际数。',
    );
    expect(await sentence('rd-spending-growth-target', 'en')).toMatch(
      /^The target for 2023: R&D spending, year-on-year growth, at least 12%\./,
    );
    const { html } = await page('/indicators/platforms-total');
    const details = await one(html, 'section[aria-labelledby="details"] details.codes');
    expect(details.attrs.open).toBeUndefined();
    expect(details.text).toContain('platforms-total');
  });

  it('use full-width punctuation in Chinese and none in English, for every indicator', () => {
    for (const indicator of snapshot.indicators as Indicator[]) {
      const zh = detailSentenceTexts(indicator, 'zh').join('');
      expect(zh, indicator.id).toMatch(/。$/);
      expect(zh.replace(indicator.label.zh, ''), indicator.id).not.toMatch(/[,:;()](?!\d)/);
      const en = detailSentenceTexts(indicator, 'en').join(' ');
      expect(en, indicator.id).toMatch(/\.$/);
      expect(en, indicator.id).not.toMatch(/[，。：；（）]/);
    }
  });
});

describe('the mark and the favicon', () => {
  it('serves the favicon as SVG and links it from every page instead of data:,', async () => {
    const res = await get('/favicon.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    const svg = await res.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).not.toMatch(/href|<script|<style|url\(/);
    for (const path of [
      '/',
      '/en/',
      '/datasets/innovation-platforms',
      '/en/indicators/platforms-total',
      '/api-reference',
    ]) {
      const { html } = await page(path);
      const icon = await one(html, 'link[rel="icon"]');
      expect(icon.attrs).toMatchObject({ href: '/favicon.svg', type: 'image/svg+xml' });
      const mark = await one(html, 'header svg.mark');
      expect(mark.attrs['aria-hidden']).toBe('true');
      await expectNoExternalResources(html, ORIGIN);
    }
  });
});

describe('robots.txt and sitemap.xml', () => {
  it('robots.txt allows everything and names the sitemap', async () => {
    const res = await get('/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await res.text()).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${ORIGIN}/sitemap.xml\n`);
  });

  it('sitemap.xml lists every page in both languages, each with its hreflang pair', async () => {
    const res = await get('/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const text = await res.text();
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      isArray: (n) => n === 'url' || n === 'xhtml:link',
    });
    const doc = parser.parse(text);
    expect(doc.urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(doc.urlset['@xmlns:xhtml']).toBe('http://www.w3.org/1999/xhtml');
    const urls = doc.urlset.url as { loc: string; lastmod?: string; 'xhtml:link': Record<string, string>[] }[];
    const locs = urls.map((u) => u.loc);
    expect(new Set(locs).size).toBe(locs.length);
    const expected = [
      '/',
      '/indicators',
      '/api-reference',
      '/problems',
      ...snapshot.datasets.map((d) => `/datasets/${d.id}`),
      ...snapshot.indicators.map((i) => `/indicators/${i.id}`),
      ...snapshot.news.map((n) => `/news/${n.id}`),
      ...PROBLEM_TYPES.map((t) => `/problems/${t}`),
    ];
    for (const path of expected) {
      const en = path === '/' ? '/en/' : `/en${path}`;
      for (const loc of [path, en]) {
        const url = urls.find((u) => u.loc === `${ORIGIN}${loc}`);
        expect(url, loc).toBeDefined();
        const links = Object.fromEntries(url!['xhtml:link'].map((l) => [l['@hreflang'], l['@href']]));
        expect(links, loc).toEqual({
          'zh-CN': `${ORIGIN}${path}`,
          en: `${ORIGIN}${en}`,
          'x-default': `${ORIGIN}${path}`,
        });
        for (const l of url!['xhtml:link']) expect(l['@rel']).toBe('alternate');
        if (url!.lastmod) expect(url!.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
    expect(urls).toHaveLength(expected.length * 2);
  });

  it('every page of the sitemap answers 200 and names itself as canonical', async () => {
    const text = await (await get('/sitemap.xml')).text();
    const locs = [...text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.slice(ORIGIN.length));
    for (const path of locs) {
      const { res, html } = await page(path);
      expect(res.status, path).toBe(200);
      expect((await one(html, 'link[rel="canonical"]')).attrs.href).toBe(`${ORIGIN}${path}`);
    }
  });
});

describe('API reference', () => {
  const doc = buildOpenApiDocument(snapshot) as {
    paths: Record<string, Record<string, { operationId: string; parameters?: unknown[] }>>;
  };
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ path, method, id: op.operationId })),
  );

  it.each(LANGS)(
    'lists every OpenAPI operation with method, path, parameters, responses and example (%s)',
    async (lang) => {
      const { res, html } = await page(`${prefix(lang)}/api-reference`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(operations.length).toBeGreaterThan(20);
      for (const op of operations) {
        const element = await one(html, `#op-${op.id}`);
        if (op.method === 'head') continue;
        expect(element.tag).toBe('section');
        const heading = squashSpace((await one(html, `#op-${op.id} h3`)).text);
        expect(heading).toBe(`${op.method.toUpperCase()} /api/v1${op.path}`);
        expect(await select(html, `#op-${op.id} table`)).toHaveLength(
          doc.paths[op.path]![op.method]!.parameters?.length ? 2 : 1,
        );
        const example = (await select(html, `#op-${op.id} p`)).at(-1)!;
        expect(example.text).toContain(`${op.method.toUpperCase()} ${ORIGIN}/api/v1`);
      }
      // Example reads link a URL that works.
      const link = (await select(html, '#op-getIndicator a[href]')).at(-1)!;
      expect(link.attrs.href).toBe(`${ORIGIN}/api/v1/indicators/${snapshot.indicators[0]!.id}?lang=${lang}`);
      expect((await get(new URL(link.attrs.href!).pathname + new URL(link.attrs.href!).search)).status).toBe(200);
      // Linked from the navigation of every page.
      const nav = (await select(html, 'header nav a')).map((a) => a.attrs.href);
      expect(nav).toContain(`${prefix(lang)}/api-reference`);
      await expectNoExternalResources(html, ORIGIN);
    },
  );
});
