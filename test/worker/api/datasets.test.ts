import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { oneLanguageSchema } from '../../../worker/api/localize';
import { DatasetDetailSchema, DatasetListSchema } from '../../../worker/api/schema';
import { catalog, csvRecords, get, getJson, hasBilingual, ORIGIN, readCsv, storedDatasets } from './support';

type List = v.InferOutput<typeof DatasetListSchema>;
type Detail = v.InferOutput<typeof DatasetDetailSchema>;

describe('GET /api/v1/datasets', () => {
  it('lists every dataset of the catalog in its order, matching its schema', async () => {
    const body = await getJson<List>('/api/v1/datasets');
    expect(() => v.parse(DatasetListSchema, body)).not.toThrow();
    expect(body.datasets.map((d) => d.id)).toEqual(catalog.datasets);
  });

  it('gives each dataset its title, description, dates, indicator count and links as the data files state them', async () => {
    const { datasets } = await getJson<List>('/api/v1/datasets');
    for (const [n, stored] of storedDatasets.entries()) {
      const d = datasets[n]!;
      expect(d.title).toEqual(stored.title);
      expect(d.description).toEqual(stored.description);
      expect(d.issued).toBe(stored.issued);
      expect(d.modified).toBe(stored.modified);
      expect(d.updated).toBe(stored.modified);
      expect(d.indicatorCount).toBe(stored.indicators.length);
      expect(d.links).toEqual({
        self: `${ORIGIN}/api/v1/datasets/${stored.id}`,
        html: `${ORIGIN}/datasets/${stored.id}`,
        csv: `${ORIGIN}/api/v1/datasets/${stored.id}.csv`,
        rss: `${ORIGIN}/datasets/${stored.id}/feed.xml`,
        atom: `${ORIGIN}/datasets/${stored.id}/feed.atom`,
        jsonFeed: `${ORIGIN}/datasets/${stored.id}/feed.json`,
      });
      expect(d).not.toHaveProperty('indicators');
    }
  });

  it('flattens every bilingual text with lang=en / lang=zh', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const res = await get(`/api/v1/datasets?lang=${lang}`);
      expect(res.headers.get('Content-Language')).toBe({ zh: 'zh-CN', en: 'en' }[lang]);
      const body = await res.json<{ datasets: { title: string; description: string }[] }>();
      expect(hasBilingual(body)).toBe(false);
      expect(() => v.parse(oneLanguageSchema(DatasetListSchema), body)).not.toThrow();
      expect(body.datasets.map((d) => d.title)).toEqual(storedDatasets.map((d) => d.title[lang]));
    }
  });

  it('has no CSV form and says so with 406', async () => {
    const res = await get('/api/v1/datasets', { headers: { Accept: 'text/csv' } });
    expect(res.status).toBe(406);
    expect((await res.json<{ available: string[] }>()).available).toEqual(['application/json']);
  });
});

describe('GET /api/v1/datasets/:id', () => {
  it('gives each dataset with all its indicators in file order, matching its schema', async () => {
    for (const stored of storedDatasets) {
      const body = await getJson<Detail>(`/api/v1/datasets/${stored.id}`);
      expect(() => v.parse(DatasetDetailSchema, body)).not.toThrow();
      expect(body.id).toBe(stored.id);
      expect(body.indicatorCount).toBe(stored.indicators.length);
      expect(body.indicators.map((i) => i.id)).toEqual(stored.indicators.map((i) => i.id));
      for (const [n, i] of body.indicators.entries()) {
        const s = stored.indicators[n]!;
        expect([i.value, i.unit, i.qualifier, i.kind, i.period, i.asOf, i.figure]).toEqual([
          s.value,
          s.unit,
          s.qualifier,
          s.kind,
          s.period,
          s.asOf,
          s.figure,
        ]);
        expect(i.dataset).toBe(stored.id);
        expect(i.source.quote).toBe(s.source.quote);
        expect(i.source.publisher).toEqual(catalog.article.publisher);
      }
    }
  });

  it('answers an unknown or malformed id with a 404 problem', async () => {
    for (const id of ['no-such-dataset', 'Innovation-Platforms', 'innovation platforms', 'a'.repeat(81)]) {
      const res = await get(`/api/v1/datasets/${encodeURIComponent(id)}`);
      expect(res.status, id).toBe(404);
      expect(res.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8');
    }
    const near = await (await get('/api/v1/datasets/Innovation-Platforms')).json<{
      suggestions: string[];
      detail: string;
    }>();
    expect(near.suggestions).toContain('innovation-platforms');
    expect(near.detail).toMatch(/lowercase kebab-case/);
  });

  it('takes lang, format, vintage and the page parameters only', async () => {
    const res = await get('/api/v1/datasets/innovation-platforms?kind=target');
    expect(res.status).toBe(400);
    const body = await res.json<{ type: string; allowed: string[] }>();
    expect(body.type).toBe('/problems/unknown-parameter');
    expect(body.allowed).toEqual(['lang', 'format', 'vintage', 'after', 'limit']);
  });
});

describe('dataset CSV', () => {
  const id = storedDatasets[0]!.id;

  it('serves /datasets/:id.csv as BOM-prefixed UTF-8 CSV, one row per indicator, with a download name', async () => {
    const res = await get(`/api/v1/datasets/${id}.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8; header=present');
    expect(res.headers.get('Content-Disposition')).toBe(`attachment; filename="zhuzhou-${id}.csv"`);
    expect(res.headers.get('Vary')).not.toMatch(/Accept(,|$)/);
    const { bom, text } = await readCsv(res);
    expect(bom).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const records = csvRecords(text);
    const stored = storedDatasets[0]!;
    expect(records.map((r) => r.id)).toEqual(stored.indicators.map((i) => i.id));
    for (const [n, r] of records.entries()) {
      const s = stored.indicators[n]!;
      expect(Number(r.value)).toBe(s.value);
      expect([r.unit, r.qualifier, r.label_zh, r.label_en, r.source_quote, r.dataset]).toEqual([
        s.unit,
        s.qualifier,
        s.label.zh,
        s.label.en,
        s.source.quote,
        id,
      ]);
    }
  });

  it('gives the same table for .csv, ?format=csv and Accept: text/csv', async () => {
    const bodies = await Promise.all(
      [
        get(`/api/v1/datasets/${id}.csv`),
        get(`/api/v1/datasets/${id}?format=csv`),
        get(`/api/v1/datasets/${id}`, { headers: { Accept: 'text/csv' } }),
      ].map(async (r) => (await readCsv(await r)).text),
    );
    expect(bodies[1]).toBe(bodies[0]);
    expect(bodies[2]).toBe(bodies[0]);
    const negotiated = await get(`/api/v1/datasets/${id}`, { headers: { Accept: 'text/csv' } });
    expect(negotiated.headers.get('Vary')).toMatch(/\bAccept\b/);
  });

  it('with lang, has one column per text and names the file by language', async () => {
    const res = await get(`/api/v1/datasets/${id}.csv?lang=en`);
    expect(res.headers.get('Content-Disposition')).toBe(`attachment; filename="zhuzhou-${id}-en.csv"`);
    const records = csvRecords((await readCsv(res)).text);
    expect(Object.keys(records[0]!)).toContain('label');
    expect(Object.keys(records[0]!)).not.toContain('label_zh');
    expect(records.map((r) => r.label)).toEqual(storedDatasets[0]!.indicators.map((i) => i.label.en));
  });

  it('rejects format on the .csv path (the path already says CSV)', async () => {
    const res = await get(`/api/v1/datasets/${id}.csv?format=json`);
    expect(res.status).toBe(400);
  });

  it('404s for an unknown dataset, .csv or not', async () => {
    expect((await get('/api/v1/datasets/nope.csv')).status).toBe(404);
    expect((await get('/api/v1/datasets/nope?format=csv')).status).toBe(404);
  });
});
