import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { oneLanguageSchema } from '../../../worker/api/localize';
import { MAX_IDS } from '../../../worker/api/params';
import { ApiIndicatorSchema, IndicatorListSchema } from '../../../worker/api/schema';
import { catalog, csvRecords, get, getJson, hasBilingual, ORIGIN, readCsv, storedIndicators } from './support';

type Indicator = v.InferOutput<typeof ApiIndicatorSchema>;
type List = v.InferOutput<typeof IndicatorListSchema>;
type Problem = { status: number; type: string; detail: string; 'invalid-params'?: { name: string; reason: string }[] };

const ids = storedIndicators.map((i) => i.id);

describe('GET /api/v1/indicators/:id', () => {
  it('serves every indicator with the value, unit, qualifier, kind, period and quote of its data file', async () => {
    for (const s of storedIndicators) {
      const i = await getJson<Indicator>(`/api/v1/indicators/${s.id}`);
      expect(() => v.parse(ApiIndicatorSchema, i)).not.toThrow();
      expect(i).toMatchObject({
        id: s.id,
        dataset: s.dataset,
        value: s.value,
        unit: s.unit,
        unitLabel: s.unitLabel,
        qualifier: s.qualifier,
        kind: s.kind,
        measure: s.measure,
        figure: s.figure,
        period: s.period,
        label: s.label,
      });
      expect(i.asOf).toBe(s.asOf);
      expect(i.relations).toEqual(s.relations);
      expect(i.source).toEqual({
        publisher: catalog.article.publisher,
        title: catalog.article.title,
        ...(s.source.section ? { section: s.source.section } : {}),
        quote: s.source.quote,
      });
      expect(i.links.self).toBe(`${ORIGIN}/api/v1/indicators/${s.id}`);
      expect(i.links.dataset).toBe(`${ORIGIN}/api/v1/datasets/${s.dataset}`);
    }
  });

  it('keeps a qualifier on every hedged figure (以上, 左右, 多/余/超)', async () => {
    const { indicators } = await getJson<List>('/api/v1/indicators');
    const hedged = indicators.filter((i) => /以上|左右|多|余|超/.test(i.figure));
    expect(hedged.length).toBeGreaterThan(0);
    for (const i of hedged) expect(i.qualifier, i.id).not.toBe('exact');
  });

  it('flattens to one language with lang', async () => {
    const s = storedIndicators[0]!;
    const zh = await getJson<Record<string, unknown>>(`/api/v1/indicators/${s.id}?lang=zh`);
    expect(hasBilingual(zh)).toBe(false);
    expect(zh.label).toBe(s.label.zh);
    expect(zh.unitLabel).toBe(s.unitLabel.zh);
    expect(() => v.parse(oneLanguageSchema(ApiIndicatorSchema), zh)).not.toThrow();
  });

  it('404s with a problem naming the id and suggesting near misses', async () => {
    const res = await get(`/api/v1/indicators/${ids[0]!.toUpperCase()}`);
    expect(res.status).toBe(404);
    const body = await res.json<Problem & { suggestions: string[] }>();
    expect(body.detail).toContain(ids[0]!.toUpperCase());
    expect(body.suggestions[0]).toBe(ids[0]);
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=60');
  });
});

describe('GET /api/v1/indicators (list and filters)', () => {
  it('lists all indicators in dataset order, matching its schema, without `missing`', async () => {
    const body = await getJson<List>('/api/v1/indicators');
    expect(() => v.parse(IndicatorListSchema, body)).not.toThrow();
    expect(body.indicators.map((i) => i.id)).toEqual(ids);
    expect(body).not.toHaveProperty('missing');
  });

  it.each([
    ['kind', ['actual', 'target', 'progress', 'forecast']],
    ['unit', ['count', 'percent', 'CNY', 'rank']],
    ['qualifier', ['exact', 'at_least', 'more_than', 'about']],
    ['measure', ['level', 'increase', 'growth_yoy']],
  ] as const)('filters by %s, for each allowed value', async (name, values) => {
    for (const value of values) {
      const { indicators } = await getJson<List>(`/api/v1/indicators?${name}=${value}`);
      expect(indicators.map((i) => i.id)).toEqual(storedIndicators.filter((s) => s[name] === value).map((s) => s.id));
    }
  });

  it('filters by dataset and combines filters with AND', async () => {
    const { indicators } = await getJson<List>('/api/v1/indicators?dataset=targets-2023&kind=target&unit=percent');
    const expected = storedIndicators.filter(
      (s) => s.dataset === 'targets-2023' && s.kind === 'target' && s.unit === 'percent',
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(indicators.map((i) => i.id)).toEqual(expected.map((s) => s.id));
  });

  it('400s on a bad filter value, naming the parameter and the allowed values', async () => {
    const res = await get('/api/v1/indicators?kind=guess');
    expect(res.status).toBe(400);
    const body = await res.json<Problem>();
    expect(body.type).toBe('/problems/invalid-parameter');
    expect(body.detail).toBe('Query parameter "kind" must be one of: actual, target, progress, forecast.');
    const ds = await (await get('/api/v1/indicators?dataset=nope')).json<Problem>();
    expect(ds.detail).toContain(catalog.datasets.join(', '));
  });

  it('400s on a repeated parameter', async () => {
    const res = await get('/api/v1/indicators?kind=target&kind=actual');
    expect(res.status).toBe(400);
    expect((await res.json<Problem>()).detail).toMatch(/"kind" is given more than once/);
  });

  it('serves the whole catalog as CSV at /indicators.csv and with format=csv', async () => {
    const res = await get('/api/v1/indicators.csv');
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="zhuzhou-indicators.csv"');
    const { bom, text } = await readCsv(res);
    expect(bom).toBe(true);
    const records = csvRecords(text);
    expect(records.map((r) => r.id)).toEqual(ids);
    for (const [n, r] of records.entries()) {
      const s = storedIndicators[n]!;
      expect([Number(r.value), r.unit, r.qualifier, r.kind, r.period, r.as_of, r.figure]).toEqual([
        s.value,
        s.unit,
        s.qualifier,
        s.kind,
        s.period,
        s.asOf ?? '',
        s.figure,
      ]);
    }
    const same = await readCsv(await get('/api/v1/indicators?format=csv'));
    expect(same.text).toBe(text);
  });

  it('filters the CSV too', async () => {
    const records = csvRecords((await readCsv(await get('/api/v1/indicators.csv?kind=target&lang=zh'))).text);
    expect(records.map((r) => r.id)).toEqual(storedIndicators.filter((s) => s.kind === 'target').map((s) => s.id));
    expect(records.map((r) => r.label)).toEqual(
      storedIndicators.filter((s) => s.kind === 'target').map((s) => s.label.zh),
    );
  });
});

describe('GET /api/v1/indicators?ids= (batch)', () => {
  it('returns exactly the ids asked for, in that order, duplicates once, with an empty `missing`', async () => {
    const asked = [ids[5]!, ids[0]!, ids[5]!, ids[2]!];
    const body = await getJson<List>(`/api/v1/indicators?ids=${asked.join(',')}`);
    expect(() => v.parse(IndicatorListSchema, body)).not.toThrow();
    expect(body.indicators.map((i) => i.id)).toEqual([ids[5], ids[0], ids[2]]);
    expect(body.missing).toEqual([]);
  });

  it('lists unknown ids in `missing` and still returns the rest with 200', async () => {
    const res = await get(`/api/v1/indicators?ids=${ids[0]},no-such-figure,${ids[1]}`);
    expect(res.status).toBe(200);
    const body = await res.json<List>();
    expect(body.indicators.map((i) => i.id)).toEqual([ids[0], ids[1]]);
    expect(body.missing).toEqual(['no-such-figure']);
  });

  it('gives each indicator in a batch exactly as the single-indicator route does', async () => {
    const batch = await getJson<List>(`/api/v1/indicators?ids=${ids.slice(0, 4).join(',')}&lang=en`);
    for (const i of batch.indicators) expect(i).toEqual(await getJson(`/api/v1/indicators/${i.id}?lang=en`));
  });

  it(`accepts ${MAX_IDS} ids and refuses ${MAX_IDS + 1}, naming the limit`, async () => {
    const many = Array.from({ length: MAX_IDS }, (_, n) => ids[n % ids.length]!);
    expect((await get(`/api/v1/indicators?ids=${many.join(',')}`)).status).toBe(200);
    const res = await get(`/api/v1/indicators?ids=${[...many, ids[0]].join(',')}`);
    expect(res.status).toBe(400);
    const body = await res.json<Problem>();
    expect(body.detail).toContain(`at most ${MAX_IDS}`);
    expect(body['invalid-params']?.[0]?.name).toBe('ids');
  });

  it.each([
    ['', 'empty id'],
    ['a,,b', 'empty id'],
    ['a,', 'empty id'],
    ['Platforms-Total', '"Platforms-Total"'],
    ['a b', '"a b"'],
    ['../catalog', '"../catalog"'],
  ])('400s for ids=%j, naming the fault', async (value, named) => {
    const res = await get(`/api/v1/indicators?ids=${encodeURIComponent(value)}`);
    expect(res.status).toBe(400);
    const body = await res.json<Problem>();
    expect(body.detail).toContain(named);
    expect(body.detail).toMatch(/^Query parameter "ids"/);
  });

  it('refuses ids combined with filters or with CSV', async () => {
    const mixed = await get(`/api/v1/indicators?ids=${ids[0]}&kind=target`);
    expect(mixed.status).toBe(400);
    expect((await mixed.json<Problem>())['invalid-params']).toEqual([
      { name: 'kind', reason: 'not allowed together with ids' },
    ]);
    expect((await get(`/api/v1/indicators?ids=${ids[0]}&format=csv`)).status).toBe(400);
    expect((await get(`/api/v1/indicators?ids=${ids[0]}`, { headers: { Accept: 'text/csv' } })).status).toBe(406);
  });

  it('has a strong ETag that differs per id list and round-trips to 304', async () => {
    const a = await get(`/api/v1/indicators?ids=${ids[0]},${ids[1]}`);
    const b = await get(`/api/v1/indicators?ids=${ids[1]},${ids[0]}`);
    const etag = a.headers.get('ETag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(b.headers.get('ETag')).not.toBe(etag);
    const again = await get(`/api/v1/indicators?ids=${ids[0]},${ids[1]}`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });
});
