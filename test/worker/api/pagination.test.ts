/**
 * Pages of the API's lists (`limit`, `after`, `Link: <…>; rel="next"`) through the real Worker over the test D1: the
 * seed plus a dataset of 150 indicators published through the store, so the catalog (186 indicators) is more than the
 * default page of 100.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendRevisions, MAX_BATCH } from '../../../worker/store';
import { freshStore, get, ORIGIN } from './write-support';

const DATASET = 'pagination-test';
const ADDED = 150;
const added = Array.from({ length: ADDED }, (_, n) => `pagination-figure-${String(n).padStart(3, '0')}`);
const SOURCE = {
  publisher: { zh: '株洲市科学技术局', en: 'Zhuzhou Science and Technology Bureau' },
  title: { zh: '季度统计', en: 'Quarterly statistics' },
};

/** Publishes through the store (as the write API does), then waits out the Worker's one-second version check. */
async function publish(bodies: unknown[]): Promise<void> {
  for (let n = 0; n < bodies.length; n += MAX_BATCH) {
    const result = await appendRevisions(env.DB!, bodies.slice(n, n + MAX_BATCH));
    if (!result.ok) throw new Error(JSON.stringify(result));
  }
  await new Promise((resolve) => setTimeout(resolve, 1100));
}

beforeAll(async () => {
  await freshStore();
  const audit = { reason: 'pagination test', publisher: 'test-officer' };
  await publish([
    {
      kind: 'dataset',
      dataset: {
        id: DATASET,
        title: { zh: '分页测试', en: 'Pagination test' },
        description: { zh: '一百五十个指标。', en: 'A hundred and fifty indicators.' },
        issued: '2026-11-28',
        modified: '2026-11-28',
      },
      ...audit,
    },
    ...added.map((id, n) => ({
      kind: 'indicator',
      dataset: DATASET,
      indicator: {
        id,
        label: { zh: `测试指标${n}`, en: `Test figure ${n}` },
        unit: 'count',
        unitLabel: { zh: '家', en: 'enterprises' },
        kind: 'actual',
        measure: 'level',
      },
      period: '2023-06-30',
      value: n,
      qualifier: 'exact',
      source: SOURCE,
      ...audit,
    })),
  ]);
});

const nextOf = (res: Response): string | undefined => /<([^>]+)>; rel="next"/.exec(res.headers.get('Link') ?? '')?.[1];

/** Every page of a list from `path` on: each page's response, following `Link: rel="next"` to the end. */
async function pages(path: string): Promise<Response[]> {
  const out: Response[] = [];
  for (let next: string | undefined = path; next; ) {
    const res: Response = await get(next);
    expect(res.status, next).toBe(200);
    out.push(res);
    const link = nextOf(res);
    if (link) expect(link.startsWith(ORIGIN)).toBe(true);
    next = link?.slice(ORIGIN.length);
    expect(out.length).toBeLessThan(500);
  }
  return out;
}

type Ids = { id: string }[];
const idsOf = async (res: Response, list: 'indicators' | 'datasets'): Promise<string[]> =>
  (await res.clone().json<Record<string, Ids>>())[list]!.map((item) => item.id);

/** The ids of a CSV page (its `id` column), and its header line. */
async function csvOf(res: Response): Promise<{ header: string; ids: string[] }> {
  // `text()` would drop the byte order mark; it must be there, on every page.
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(await res.clone().arrayBuffer());
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = text.slice(1).split('\r\n').slice(0, -1);
  return { header: header!, ids: rows.map((row) => row.split(',')[0]!) };
}

describe('lists page by limit and cursor', () => {
  it('the indicators: 100 a page by default, every one exactly once by following Link: rel="next"', async () => {
    const all = await idsOf(await get('/api/v1/indicators?limit=500'), 'indicators');
    expect(all).toHaveLength(36 + ADDED);
    expect(all.slice(36)).toEqual(added);

    const first = await get('/api/v1/indicators');
    expect(await idsOf(first, 'indicators')).toEqual(all.slice(0, 100));
    expect(nextOf(first)).toBe(`${ORIGIN}/api/v1/indicators?after=${all[99]}&limit=100`);

    for (const limit of [1, 17, 100, 185]) {
      const seen = [];
      const list = await pages(`/api/v1/indicators?limit=${limit}`);
      for (const page of list) seen.push(...(await idsOf(page, 'indicators')));
      expect(seen, `limit=${limit}`).toEqual(all);
      expect(list).toHaveLength(Math.ceil(all.length / limit));
      expect(nextOf(list.at(-1)!)).toBeUndefined();
    }
  });

  it('keeps filters, language and format in the next link', async () => {
    const list = await pages(`/api/v1/indicators?dataset=${DATASET}&lang=en-GB&limit=40`);
    expect(nextOf(list[0]!)).toBe(`${ORIGIN}/api/v1/indicators?dataset=${DATASET}&lang=en&after=${added[39]}&limit=40`);
    const seen: string[] = [];
    for (const page of list) {
      const body = await page.json<{ indicators: { id: string; label: unknown }[] }>();
      expect(typeof body.indicators[0]!.label).toBe('string');
      seen.push(...body.indicators.map((i) => i.id));
    }
    expect(seen).toEqual(added);
    const csv = await pages(`/api/v1/indicators?dataset=${DATASET}&format=csv&limit=60`);
    expect(nextOf(csv[0]!)).toContain('format=csv');
    expect(csv.map((r) => r.headers.get('Content-Type'))).toEqual(Array(3).fill(expect.stringMatching(/^text\/csv/)));
  });

  it('the CSV exports: every page a whole table (BOM, header), the rows once each', async () => {
    for (const path of [
      '/api/v1/indicators.csv?limit=50',
      `/api/v1/datasets/${DATASET}.csv?limit=50`,
      `/api/v1/datasets/${DATASET}?format=csv&limit=50`,
    ]) {
      const list = await pages(path);
      const tables = await Promise.all(list.map(csvOf));
      expect(new Set(tables.map((t) => t.header)).size, path).toBe(1);
      const ids = tables.flatMap((t) => t.ids);
      expect(ids, path).toEqual(path.includes(DATASET) ? added : expect.arrayContaining(added));
      expect(new Set(ids).size, path).toBe(ids.length);
      expect(list.at(-1)!.headers.get('Content-Disposition'), path).toMatch(/attachment; filename="zhuzhou-/);
    }
    const whole = await csvOf(await get('/api/v1/indicators.csv?limit=500'));
    const paged = (await Promise.all((await pages('/api/v1/indicators.csv?limit=50')).map(csvOf))).flatMap(
      (t) => t.ids,
    );
    expect(paged).toEqual(whole.ids);
  });

  it("a dataset's indicators: a page at a time, its summary and count on every page", async () => {
    const list = await pages(`/api/v1/datasets/${DATASET}?limit=60`);
    expect(list).toHaveLength(3);
    const seen: string[] = [];
    for (const page of list) {
      const body = await page.json<{ id: string; indicatorCount: number; indicators: Ids }>();
      expect(body).toMatchObject({ id: DATASET, indicatorCount: ADDED });
      seen.push(...body.indicators.map((i) => i.id));
    }
    expect(seen).toEqual(added);
    // A dataset that fits in a page is answered as before: no next link.
    const small = await get('/api/v1/datasets/innovation-platforms');
    expect(nextOf(small)).toBeUndefined();
    expect((await small.json<{ indicators: Ids }>()).indicators).toHaveLength(3);
  });

  it('the datasets', async () => {
    const all = await idsOf(await get('/api/v1/datasets'), 'datasets');
    expect(all).toHaveLength(8);
    expect(all.at(-1)).toBe(DATASET);
    const list = await pages('/api/v1/datasets?limit=3');
    expect(list).toHaveLength(3);
    const seen: string[] = [];
    for (const page of list) seen.push(...(await idsOf(page, 'datasets')));
    expect(seen).toEqual(all);
  });
});

describe('limits and cursors', () => {
  const paths = [
    '/api/v1/datasets',
    '/api/v1/indicators',
    '/api/v1/indicators.csv',
    `/api/v1/datasets/${DATASET}`,
    `/api/v1/datasets/${DATASET}.csv`,
  ];

  it('refuses a limit outside 1..500 and a cursor the list never had with a 400 problem', async () => {
    for (const path of paths) {
      for (const query of [
        'limit=0',
        'limit=501',
        'limit=ten',
        'limit=1.5',
        'limit=',
        'limit=-1',
        'after=',
        'after=no-such-id',
      ]) {
        const res = await get(`${path}?${query}`);
        expect(res.status, `${path}?${query}`).toBe(400);
        expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
        const problem = await res.json<{ type: string; 'invalid-params': { name: string }[] }>();
        expect(problem.type).toBe('/problems/invalid-parameter');
        expect(problem['invalid-params'].map((p) => p.name)).toEqual([query.split('=')[0]]);
      }
      expect((await get(`${path}?limit=500`)).status, path).toBe(200);
      expect((await get(`${path}?limit=1`)).status, path).toBe(200);
    }
  });

  it('a batch by ids takes no page parameters', async () => {
    for (const query of ['limit=10', 'after=platforms-total']) {
      const res = await get(`/api/v1/indicators?ids=platforms-total&${query}`);
      expect(res.status, query).toBe(400);
    }
  });

  it('a cursor past the end gives an empty page without a next link', async () => {
    const res = await get(`/api/v1/indicators?after=${added.at(-1)}`);
    expect(await idsOf(res, 'indicators')).toEqual([]);
    expect(nextOf(res)).toBeUndefined();
  });
});

describe('caching per page', () => {
  it('every page has its own ETag, and a 304 for its own', async () => {
    const one = await get('/api/v1/indicators?limit=20');
    const next = nextOf(one)!.slice(ORIGIN.length);
    const two = await get(next);
    const [a, b] = [one.headers.get('ETag')!, two.headers.get('ETag')!];
    expect(a).toMatch(/^"[0-9a-f]{20}-[0-9a-f]{8}"$/);
    expect(b).not.toBe(a);
    expect((await get(next, { headers: { 'If-None-Match': b } })).status).toBe(304);
    expect((await get('/api/v1/indicators?limit=20', { headers: { 'If-None-Match': a } })).status).toBe(304);
    // Another page's tag is not this page's.
    const other = await get(next, { headers: { 'If-None-Match': a } });
    expect(other.status).toBe(200);
    expect(await idsOf(other, 'indicators')).toEqual(await idsOf(two, 'indicators'));
    // HEAD answers the same validators.
    const head = await get(next, { method: 'HEAD' });
    expect(head.headers.get('ETag')).toBe(b);
  });
});

describe('a cursor outlives its item', () => {
  it('an indicator withdrawn between two pages keeps its place: the next page starts right after it', async () => {
    const first = await get(`/api/v1/indicators?dataset=${DATASET}&limit=10`);
    const ids = await idsOf(first, 'indicators');
    expect(ids).toEqual(added.slice(0, 10));
    const next = nextOf(first)!.slice(ORIGIN.length);
    await publish([{ kind: 'withdrawal', indicator: added[9], reason: 'withdrawn between pages', publisher: 'p' }]);
    const second = await get(next);
    expect(second.status).toBe(200);
    expect(await idsOf(second, 'indicators')).toEqual(added.slice(10, 20));
    // The withdrawn indicator is no longer listed, and its id still works as a cursor.
    const all = await idsOf(await get(`/api/v1/indicators?dataset=${DATASET}&limit=500`), 'indicators');
    expect(all).not.toContain(added[9]);
    expect(all).toHaveLength(ADDED - 1);
  });
});
