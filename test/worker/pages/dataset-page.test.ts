import { describe, expect, it } from 'vitest';
import { bundledSource } from '../../../worker/data-source';
import { formatValue, formatWhen, QUALIFIER_WORDS } from '../../../worker/format';
import { datasetPage } from '../../../worker/pages/dataset-page';
import type { Lang } from '../../../worker/schema';
import { one, select, squashSpace } from './support/dom';
import { ORIGIN, page } from './support/fetch';
import { HOSTILE, hostileSnapshot } from './support/hostile';

const snapshot = await bundledSource.current();
const prefixes: Record<Lang, string> = { zh: '', en: '/en' };

describe.each(['zh', 'en'] as Lang[])('dataset pages (%s)', (lang) => {
  describe.each(snapshot.datasets.map((d) => [d.id, d] as const))('%s', (_, dataset) => {
    const path = `${prefixes[lang]}/datasets/${dataset.id}`;

    it('shows every figure with label, qualifier, date, kind and the verbatim quote with its section', async () => {
      const { res, html } = await page(path);
      expect(res.status).toBe(200);
      expect((await one(html, 'h1')).text).toBe(dataset.title[lang]);
      const items = await select(html, 'ol.figures > li');
      expect(items.map((i) => i.attrs.id)).toEqual(dataset.indicators.map((i) => i.id));
      for (const indicator of dataset.indicators) {
        const item = await one(html, `li#${indicator.id}`);
        const text = squashSpace(item.text);
        expect(text).toContain(indicator.label[lang]);
        expect((await one(html, `li#${indicator.id} .figure data`)).attrs.value).toBe(String(indicator.value));
        expect(text).toContain(formatValue(indicator, lang));
        const word = QUALIFIER_WORDS[lang][indicator.qualifier];
        if (word) expect(text, `${indicator.id} keeps its qualifier`).toContain(word);
        expect(text).toContain(formatWhen(indicator, lang));
        expect(text).toContain(indicator.figure);
        // A quote several figures share is shown once, with the first of them; the others link to it.
        const first = dataset.indicators.find((i) => i.source.quote === indicator.source.quote)!;
        if (first !== indicator) {
          expect(await select(html, `li#${indicator.id} blockquote`)).toHaveLength(0);
          expect((await one(html, `li#${indicator.id} .same-quote a`)).attrs.href).toBe(`#${first.id}`);
          continue;
        }
        const quote = await one(html, `li#${indicator.id} blockquote`);
        expect(quote.attrs.lang).toBe('zh-CN');
        expect(quote.text.trim()).toBe(indicator.source.quote);
        if (indicator.source.section)
          expect((await one(html, `li#${indicator.id} figcaption`)).text).toContain(indicator.source.section[lang]);
        expect((await one(html, `li#${indicator.id} h3 a`)).attrs.href).toBe(
          `${prefixes[lang]}/indicators/${indicator.id}`,
        );
      }
    });

    it('links its JSON, CSV and feeds, and advertises its own feeds first', async () => {
      const { html } = await page(path);
      const hrefs = (await select(html, '.formats a')).map((a) => a.attrs.href);
      expect(hrefs).toEqual([
        `/api/v1/datasets/${dataset.id}`,
        `/api/v1/datasets/${dataset.id}.csv`,
        `${prefixes[lang]}/datasets/${dataset.id}/feed.xml`,
        `${prefixes[lang]}/datasets/${dataset.id}/feed.atom`,
        `${prefixes[lang]}/datasets/${dataset.id}/feed.json`,
      ]);
      const feeds = (await select(html, 'link[rel="alternate"][type]')).map((l) => l.attrs.href);
      expect(feeds.slice(0, 3)).toEqual([
        `${prefixes[lang]}/datasets/${dataset.id}/feed.xml`,
        `${prefixes[lang]}/datasets/${dataset.id}/feed.atom`,
        `${prefixes[lang]}/datasets/${dataset.id}/feed.json`,
      ]);
    });

    it('carries a schema.org Dataset with a variable per indicator', async () => {
      const { html } = await page(path);
      const ld = JSON.parse((await one(html, 'script[type="application/ld+json"]')).text);
      expect(ld['@context']).toBe('https://schema.org');
      expect(ld['@type']).toBe('Dataset');
      expect(ld.url).toBe(`${ORIGIN}${path}`);
      expect(ld.includedInDataCatalog['@type']).toBe('DataCatalog');
      expect(ld.variableMeasured.map((v: { propertyID: string }) => v.propertyID)).toEqual(
        dataset.indicators.map((i) => i.id),
      );
      expect(ld.distribution.map((d: { encodingFormat: string }) => d.encodingFormat)).toEqual([
        'application/json',
        'text/csv',
      ]);
    });
  });
});

describe('datasetPage() escaping', () => {
  it.each(['zh', 'en'] as Lang[])('prints hostile text as text (%s)', async (lang) => {
    const hostile = await hostileSnapshot();
    const dataset = hostile.datasets[0]!;
    const html = datasetPage(hostile, dataset, { lang, origin: ORIGIN }).toString();
    expect(await select(html, 'script')).toHaveLength(1);
    expect(await select(html, 'img')).toHaveLength(0);
    // The site mark is our SVG; none comes from the data.
    expect(await select(html, 'svg[onload]')).toHaveLength(0);
    expect(await select(html, 'b')).toHaveLength(0);
    const item = await one(html, `li#${dataset.indicators[0]!.id}`);
    expect(item.text).toContain(HOSTILE.label);
    expect(item.text).toContain(HOSTILE.quote);
    expect(item.text).toContain(HOSTILE.title);
    expect((await one(html, 'h1')).text).toBe(HOSTILE.title);
    expect((await one(html, 'title')).text).toContain(HOSTILE.title);
    const ld = JSON.parse((await one(html, 'script[type="application/ld+json"]')).text);
    expect(ld.description).toBe(HOSTILE.description);
  });
});
