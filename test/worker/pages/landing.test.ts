import { describe, expect, it } from 'vitest';
import { bundledSource } from '../../../worker/data-source';
import { formatValue, formatWhen, QUALIFIER_WORDS } from '../../../worker/format';
import { landingPage } from '../../../worker/pages/landing';
import type { Lang } from '../../../worker/schema';
import { one, select, squashSpace } from './support/dom';
import { ORIGIN, page } from './support/fetch';
import { HOSTILE, hostileSnapshot } from './support/hostile';

const snapshot = await bundledSource.current();

// biome-ignore lint/suspicious/noExplicitAny: JSON-LD is walked freely; its shape is what these tests check
type Json = Record<string, any>;

/** The JSON-LD of a page, parsed. */
async function jsonLd(html: string): Promise<Json> {
  const script = await one(html, 'script[type="application/ld+json"]');
  return JSON.parse(script.text);
}

describe.each(['zh', 'en'] as Lang[])('landing page (%s)', (lang) => {
  const path = lang === 'zh' ? '/' : '/en/';

  it('lists every dataset with every figure, qualifier and date', async () => {
    const { html } = await page(path);
    const rows = await select(html, 'tbody > tr');
    expect(rows).toHaveLength(snapshot.indicators.length);
    for (const dataset of snapshot.datasets) {
      const heading = await one(html, `h3#dataset-${dataset.id}`);
      expect(heading.text).toBe(dataset.title[lang]);
      for (const indicator of dataset.indicators) {
        const row = await one(html, `tr#${dataset.id}--${indicator.id}`);
        const text = squashSpace(row.text);
        expect(text).toContain(indicator.label[lang]);
        expect(text).toContain(formatValue(indicator, lang));
        expect(text).toContain(formatWhen(indicator, lang));
        const word = QUALIFIER_WORDS[lang][indicator.qualifier];
        if (word) expect(text, `${indicator.id} keeps its qualifier`).toContain(word);
      }
    }
  });

  it('shows the qualifiers the article uses (以上, 左右, more than …)', async () => {
    const { html } = await page(path);
    const text = (await one(html, 'main')).text;
    const used = new Set(snapshot.indicators.map((i) => i.qualifier).filter((q) => q !== 'exact'));
    expect(used.size).toBeGreaterThanOrEqual(3);
    for (const q of used) expect(text).toContain(QUALIFIER_WORDS[lang][q]);
  });

  it('links each figure to its indicator page and each dataset to its page, JSON, CSV and feeds', async () => {
    const { html } = await page(path);
    const hrefs = new Set((await select(html, 'a[href]')).map((a) => a.attrs.href));
    const prefix = lang === 'zh' ? '' : '/en';
    for (const dataset of snapshot.datasets) {
      for (const href of [
        `${prefix}/datasets/${dataset.id}`,
        `/api/v1/datasets/${dataset.id}`,
        `/api/v1/datasets/${dataset.id}.csv`,
        // Feeds in the page language: English ones under /en.
        `${prefix}/datasets/${dataset.id}/feed.xml`,
        `${prefix}/datasets/${dataset.id}/feed.atom`,
        `${prefix}/datasets/${dataset.id}/feed.json`,
      ]) {
        expect(hrefs, href).toContain(href);
      }
      for (const indicator of dataset.indicators) expect(hrefs).toContain(`${prefix}/indicators/${indicator.id}`);
    }
    for (const href of [
      '/api/v1/datasets',
      '/api/v1/openapi.json',
      ...['xml', 'atom', 'json'].map((f) => `${prefix}/feed.${f}`),
    ])
      expect(hrefs).toContain(href);
  });

  it('lists the dated events with their dates', async () => {
    const { html } = await page(path);
    const items = await select(html, 'ol.news > li');
    expect(items).toHaveLength(snapshot.news.length);
    for (const [n, item] of snapshot.news.entries()) expect(items[n]!.text).toContain(item.title[lang]);
    const times = (await select(html, 'ol.news time')).map((t) => t.attrs.datetime);
    for (const item of snapshot.news.filter((i) => !i.date.includes('/'))) expect(times).toContain(item.date);
  });

  it('carries a schema.org DataCatalog with one Dataset per dataset', async () => {
    const { html } = await page(path);
    const ld = await jsonLd(html);
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@type']).toBe('DataCatalog');
    expect(ld.name).toBe(snapshot.meta.title[lang]);
    expect(ld.dataset).toHaveLength(snapshot.datasets.length);
    ld.dataset.forEach((d: Json, n: number) => {
      const dataset = snapshot.datasets[n]!;
      expect(d['@type']).toBe('Dataset');
      expect(d.name).toBe(dataset.title[lang]);
      expect(d.description).toBe(dataset.description[lang]);
      expect(d.license).toBe(snapshot.meta.license.url);
      expect(d.isBasedOn).toMatchObject({
        headline: snapshot.meta.article.title[lang],
        datePublished: snapshot.meta.article.published,
      });
      expect(d.spatialCoverage.name).toBe(lang === 'zh' ? '株洲市' : 'Zhuzhou');
      expect(d.distribution).toEqual([
        {
          '@type': 'DataDownload',
          encodingFormat: 'application/json',
          contentUrl: `${ORIGIN}/api/v1/datasets/${dataset.id}`,
        },
        {
          '@type': 'DataDownload',
          encodingFormat: 'text/csv',
          contentUrl: `${ORIGIN}/api/v1/datasets/${dataset.id}.csv`,
        },
      ]);
      expect(d.variableMeasured).toHaveLength(dataset.indicators.length);
      d.variableMeasured.forEach((v: Json, k: number) => {
        const indicator = dataset.indicators[k]!;
        expect(v).toMatchObject({
          '@type': 'PropertyValue',
          propertyID: indicator.id,
          name: indicator.label[lang],
          value: indicator.value,
        });
        expect(v.description).toContain(formatValue(indicator, lang));
      });
    });
  });
});

describe('landingPage() escaping', () => {
  it.each(['zh', 'en'] as Lang[])('prints hostile labels, titles and descriptions as text (%s)', async (lang) => {
    const hostile = await hostileSnapshot();
    const html = landingPage(hostile, { lang, origin: ORIGIN }).toString();
    // Only the structured-data script: none of the injected ones.
    expect(await select(html, 'script')).toHaveLength(1);
    // The site mark and the charts are our SVG; none comes from the data.
    expect(await select(html, 'svg[onload]')).toHaveLength(0);
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert(&quot;label&quot;)&lt;/script&gt;');
    const row = await one(html, `tr#${hostile.datasets[0]!.id}--${hostile.indicators[0]!.id}`);
    expect(row.text).toContain(HOSTILE.label);
    // Structured data survives as data: it parses and holds the text exactly.
    const script = await one(html, 'script[type="application/ld+json"]');
    expect(script.text).not.toMatch(/<\/?script/i);
    const ld = JSON.parse(script.text);
    expect(ld.name).toBe(HOSTILE.title);
    expect(ld.dataset[0].description).toBe(HOSTILE.description);
    expect(ld.dataset[0].variableMeasured[0].name).toBe(HOSTILE.label);
  });
});
