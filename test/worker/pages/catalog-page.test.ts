/**
 * `/indicators` and `/en/indicators`: every indicator grouped by dataset with its current figure (qualifier kept) and
 * a link to its page; the filter box starts hidden (the page script shows it), so without JavaScript it is the whole
 * list; the live count is a status line; the navigation links the page.
 */
import { describe, expect, it } from 'vitest';
import { formatValue, QUALIFIER_WORDS } from '../../../worker/format';
import { WEBMASTER_WORDS } from '../../../worker/language';
import { catalogPage } from '../../../worker/pages/catalog-page';
import type { Lang } from '../../../worker/schema';
import { servedSnapshot } from '../support/worker';
import { EXPECTED_CSP, expectNoExternalResources } from './support/checks';
import { one, select, squashSpace } from './support/dom';
import { get, ORIGIN, page } from './support/fetch';
import { HOSTILE, hostileSnapshot } from './support/hostile';

const snapshot = await servedSnapshot();
const prefixes: Record<Lang, string> = { zh: '', en: '/en' };

describe.each(['zh', 'en'] as Lang[])('catalog page (%s)', (lang) => {
  const path = `${prefixes[lang]}/indicators`;
  const words = WEBMASTER_WORDS[lang].catalog;

  it('is a page like every other: strict CSP, language, canonical URL, headings, nothing external', async () => {
    const { res, html } = await page(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('Content-Security-Policy')).toBe(EXPECTED_CSP);
    expect(res.headers.get('Content-Language')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
    expect((await one(html, 'link[rel="canonical"]')).attrs.href).toBe(`${ORIGIN}${path}`);
    expect((await one(html, 'link[rel="alternate"][hreflang="en"]')).attrs.href).toBe(`${ORIGIN}/en/indicators`);
    expect((await one(html, 'h1')).text).toBe(words.title);
    // Headings in order: one h1, then h2 per dataset (read from the source: the site mark's SVG is not for HTMLRewriter).
    const levels = [...html.matchAll(/<h([1-6])\b/g)].map((m) => Number(m[1]));
    expect(levels).toEqual([1, ...snapshot.datasets.map(() => 2)]);
    await expectNoExternalResources(html, ORIGIN);
    // Tracking parameters on a shared link change nothing.
    expect((await get(`${path}?utm_source=x&v=3`)).status).toBe(200);
  });

  it('lists every indicator once, grouped by dataset in order, with its figure, qualifier and page link', async () => {
    const { html } = await page(path);
    const groups = await select(html, 'section.catalog-group');
    expect(groups.map((g) => g.attrs['aria-labelledby'])).toEqual(snapshot.datasets.map((d) => `group-${d.id}`));
    for (const dataset of snapshot.datasets) {
      const heading = await one(html, `h2#group-${dataset.id} a`);
      expect(heading.text).toBe(dataset.title[lang]);
      expect(heading.attrs.href).toBe(`${prefixes[lang]}/datasets/${dataset.id}`);
      const links = await select(html, `section[aria-labelledby="group-${dataset.id}"] tbody th a`);
      expect(links.map((a) => a.attrs.href)).toEqual(
        dataset.indicators.map((i) => `${prefixes[lang]}/indicators/${i.id}`),
      );
      expect(links.map((a) => a.text)).toEqual(dataset.indicators.map((i) => i.label[lang]));
    }
    const rows = await select(html, 'tr[data-filter-text]');
    expect(rows).toHaveLength(snapshot.indicators.length);
    const figures = await select(html, 'tr[data-filter-text] td.num');
    snapshot.datasets
      .flatMap((d) => d.indicators)
      .forEach((indicator, n) => {
        const text = squashSpace(figures[n]!.text);
        expect(text, indicator.id).toContain(formatValue(indicator, lang));
        const word = QUALIFIER_WORDS[lang][indicator.qualifier];
        if (word) expect(text, `${indicator.id} keeps its qualifier`).toContain(word);
      });
    const values = await select(html, 'tr[data-filter-text] td.num data');
    expect(values.map((v) => v.attrs.value)).toEqual(
      snapshot.datasets.flatMap((d) => d.indicators).map((i) => String(i.value)),
    );
  });

  it('filters by words of either language, the id or the dataset, lower-cased', async () => {
    const { html } = await page(path);
    const rows = await select(html, 'tr[data-filter-text]');
    const indicators = snapshot.datasets.flatMap((d) => d.indicators);
    rows.forEach((row, n) => {
      const i = indicators[n]!;
      const text = row.attrs['data-filter-text']!;
      expect(text).toBe(text.toLowerCase());
      for (const needle of [i.id, i.label.zh, i.label.en.toLowerCase(), i.dataset]) expect(text).toContain(needle);
    });
  });

  it('has a labelled filter box shown only by the script, and a live count of what is shown', async () => {
    const { html } = await page(path);
    const box = await one(html, '[data-filter]');
    expect(box.attrs).toHaveProperty('hidden');
    expect((await one(html, 'label[for="filter"]')).text).toBe(words.filter);
    const input = await one(html, 'input#filter');
    expect(input.attrs.type).toBe('search');
    expect(input.attrs['aria-describedby']).toBe('filter-hint');
    expect((await one(html, '#filter-hint')).text).toBe(words.filterHint);
    const count = await one(html, '#filter-count');
    expect(count.attrs.role).toBe('status');
    // Without JavaScript the count says everything is listed.
    expect(count.text).toBe(words.countAll.replace('{total}', String(snapshot.indicators.length)));
    expect(count.attrs['data-some']).toContain('{n}');
    expect(count.attrs['data-total']).toBe(String(snapshot.indicators.length));
    expect((await one(html, 'script[src]')).attrs.src).toMatch(/^\/assets\/page\.[0-9a-f]{8}\.js$/);
  });

  it('links the demo page and the whole list as JSON and CSV', async () => {
    const { html } = await page(path);
    const hrefs = (await select(html, 'main a')).map((a) => a.attrs.href);
    expect(hrefs).toEqual(expect.arrayContaining(['/demo', '/api/v1/indicators', '/api/v1/indicators.csv']));
  });

  it('is linked from the navigation of every page', async () => {
    for (const other of [`${prefixes[lang]}/`, `${prefixes[lang]}/datasets/${snapshot.datasets[0]!.id}`, path]) {
      const { html } = await page(other);
      const link = (await select(html, 'header nav a')).find((a) => a.attrs.href === path);
      expect(link?.text, other).toBe(words.nav);
    }
  });
});

describe('catalogPage() escaping', () => {
  it.each(['zh', 'en'] as Lang[])('prints hostile labels as text (%s)', async (lang) => {
    const hostile = await hostileSnapshot();
    const html = catalogPage(hostile, { lang, origin: ORIGIN }).toString();
    for (const tag of ['img', 'svg', 'b']) expect(await select(html, `main ${tag}`)).toHaveLength(0);
    expect((await select(html, 'script')).map((s) => s.attrs.src)).toEqual([
      expect.stringMatching(/^\/assets\/page\./),
    ]);
    const first = hostile.datasets[0]!.indicators[0]!;
    expect((await select(html, 'tbody th a'))[0]!.text).toBe(first.label[lang]);
    expect((await select(html, 'tr[data-filter-text]'))[0]!.attrs['data-filter-text']).toContain(
      HOSTILE.label.toLowerCase(),
    );
  });
});
