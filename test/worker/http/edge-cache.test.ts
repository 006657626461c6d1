import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { files } from '../../../data';
import { createApp } from '../../../worker/app';
import { type CatalogData, type DataSource, loadData, type Snapshot } from '../../../worker/data-source';
import { createSnapshot } from '../../../worker/data-source/snapshot';
import { get } from '../support/worker';

const data = loadData(files);

/** A data version no other test (nor an earlier run) has used: the Cache API, shared by the tests, holds nothing for it. */
const newVersion = () => crypto.randomUUID().replaceAll('-', '').slice(0, 20);

/** The members of a snapshot that hold its data (not its version, nor the memo that keeps what is derived from it). */
const DATA = new Set<string | symbol>(['modified', 'meta', 'datasets', 'indicators', 'news', 'dataset', 'indicator']);

/**
 * A data source for one data version of its own, for telling a cached answer from a worked-out one:
 * - `counter.reads` counts the app's reads of the data: working out an answer
 *   reads the data, answering from a cache does not;
 * - `replace()` changes the data while the version stays: an answer that does not change with it came from a cache.
 * The app sees one snapshot object throughout, so one isolate cache; with `freshSnapshots`, a new object per request,
 * as in a new isolate, so only the Cache API can answer.
 */
async function testSource({ freshSnapshots = false } = {}) {
  const version = newVersion();
  const counter = { reads: 0 };
  let live = await createSnapshot(data, version);
  const watched = (own: Snapshot): Snapshot =>
    new Proxy(own, {
      get(_, name) {
        if (!DATA.has(name)) return Reflect.get(own, name);
        counter.reads++;
        return Reflect.get(live, name);
      },
    });
  const one = watched(live);
  const source: DataSource = {
    current: async () => (freshSnapshots ? watched(await createSnapshot(data, version)) : one),
  };
  const replace = async (next: CatalogData) => {
    live = await createSnapshot(next, version);
  };
  return { source, counter, replace, version };
}

/** The bundled data with one figure changed: the `knowledge-value-credit-loans-target` is now 2 billion yuan, not 1. */
const withChangedFigure = (): CatalogData => ({
  ...data,
  datasets: data.datasets.map((d) => ({
    ...d,
    indicators: d.indicators.map((i) =>
      i.id === 'knowledge-value-credit-loans-target' ? { ...i, value: 2_000_000_000 } : i,
    ),
  })),
});

/** The bundled data plus a dataset `more-platforms` holding `more-platforms-total`, a copy of `platforms-total`. */
const withMoreData = (): CatalogData => {
  const platforms = data.datasets.find((d) => d.id === 'innovation-platforms')!;
  const total = platforms.indicators.find((i) => i.id === 'platforms-total')!;
  return {
    ...data,
    datasets: [
      ...data.datasets,
      {
        ...platforms,
        id: 'more-platforms',
        indicators: [{ ...total, id: 'more-platforms-total', dataset: 'more-platforms' }],
      },
    ],
  };
};

/** Calls an app the way the runtime does, waiting for its background work (Cache API puts). */
async function call(app: ReturnType<typeof createApp>, path: string, init: RequestInit = {}) {
  const ctx = createExecutionContext();
  const res = await app.request(`https://edge.example${path}`, init, env, ctx);
  const body = new Uint8Array(await res.arrayBuffer());
  await waitOnExecutionContext(ctx);
  return { res, body };
}

const headersOf = (res: Response) => [...res.headers].filter(([name]) => name !== 'date');

describe('edge cache: isolate copy', () => {
  it('serves a repeat hit identically without routing or rendering again', async () => {
    const { source, counter } = await testSource();
    const app = createApp(source);
    const first = await call(app, '/api/v1/indicators?lang=en');
    const reads = counter.reads;
    expect(reads).toBeGreaterThan(0);
    for (let n = 0; n < 5; n++) {
      const again = await call(app, '/api/v1/indicators?lang=en');
      expect(again.res.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(headersOf(again.res)).toEqual(headersOf(first.res));
    }
    expect(counter.reads).toBe(reads);
    // The body is whole, not consumed or truncated by an earlier hit.
    const parsed = JSON.parse(new TextDecoder().decode(first.body));
    expect(parsed.indicators.length).toBe(data.datasets.flatMap((d) => d.indicators).length);
  });

  it('gives every hit its own headers: changing one response does not change the next', async () => {
    const snapshot = await createSnapshot(data);
    const app = createApp({ current: async () => snapshot });
    // A path no other test here reads: the Cache API is shared by the tests in this file.
    const path = '/api/v1/indicators/little-giants?lang=en';
    const first = await call(app, path);
    const hit = await call(app, path);
    hit.res.headers.set('ETag', '"tampered"');
    hit.res.headers.set('X-Tampered', '1');
    hit.res.headers.delete('Cache-Control');
    const again = await call(app, path);
    expect(headersOf(again.res)).toEqual(headersOf(first.res));
  });

  it('treats query order as one resource but Accept as another', async () => {
    const { source, counter } = await testSource();
    const app = createApp(source);
    await call(app, '/api/v1/indicators?kind=target&lang=zh');
    const reads = counter.reads;
    await call(app, '/api/v1/indicators?lang=zh&kind=target');
    expect(counter.reads).toBe(reads);
    const csv = await call(app, '/api/v1/indicators?kind=target&lang=zh', { headers: { Accept: 'text/csv' } });
    expect(counter.reads).toBeGreaterThan(reads);
    expect(csv.res.headers.get('Content-Type')).toMatch(/^text\/csv/);
  });

  it('answers conditional and HEAD requests from the cached copy', async () => {
    const { source, counter } = await testSource();
    const app = createApp(source);
    const first = await call(app, '/api/v1/datasets');
    const reads = counter.reads;
    const etag = first.res.headers.get('ETag')!;
    const cond = await call(app, '/api/v1/datasets', { headers: { 'If-None-Match': etag } });
    expect(cond.res.status).toBe(304);
    expect(cond.body.length).toBe(0);
    expect(cond.res.headers.get('ETag')).toBe(etag);
    const head = await call(app, '/api/v1/datasets', { method: 'HEAD' });
    expect(head.res.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(counter.reads).toBe(reads);
  });

  it('never keeps errors: each 4xx is worked out afresh', async () => {
    const { source, counter, replace } = await testSource();
    const app = createApp(source);
    const path = '/api/v1/indicators/more-platforms-total';
    let reads = counter.reads;
    for (let n = 0; n < 3; n++) {
      expect((await call(app, path)).res.status).toBe(404);
      expect(counter.reads).toBeGreaterThan(reads);
      reads = counter.reads;
    }
    // Once the data has the indicator, the same URL, in the same version, finds it: no 404 was kept.
    await replace(withMoreData());
    expect((await call(app, path)).res.status).toBe(200);
  });

  it("never serves one data version's body for another", async () => {
    const oldApp = createApp({ current: async () => old });
    const old = await createSnapshot(data, 'aaaaaaaaaaaaaaaaaaaa');
    const next = await createSnapshot(data, 'bbbbbbbbbbbbbbbbbbbb');
    const a = await call(oldApp, '/api/v1/datasets');
    const b = await call(createApp({ current: async () => next }), '/api/v1/datasets');
    expect(a.res.headers.get('ETag')).toMatch(/^"a{20}-/);
    expect(b.res.headers.get('ETag')).toMatch(/^"b{20}-/);
  });
});

describe('edge cache: Workers Cache API', () => {
  it('serves a hit from the Cache API to a fresh isolate copy, body and headers intact', async () => {
    // A new snapshot object per request has an empty isolate cache, like a new isolate: only the Cache API can answer.
    const { source, counter, replace } = await testSource({ freshSnapshots: true });
    const app = createApp(source);
    const path = `/api/v1/indicators.csv?lang=en&kind=target`;
    const first = await call(app, path);
    const reads = counter.reads;
    expect(reads).toBeGreaterThan(0);
    // A figure changes, the version does not: a body worked out again would say 2000000000.
    await replace(withChangedFigure());
    const second = await call(app, path);
    expect(counter.reads).toBe(reads);
    expect(second.res.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(new TextDecoder().decode(second.body)).toContain(',1000000000,');
    for (const name of ['ETag', 'Content-Type', 'Cache-Control', 'Last-Modified', 'Content-Disposition', 'Vary']) {
      expect(second.res.headers.get(name), name).toBe(first.res.headers.get(name));
    }
    const third = await call(app, path, { headers: { 'If-None-Match': first.res.headers.get('ETag')! } });
    expect(third.res.status).toBe(304);
  });

  it('does not keep errors either: a 404 in a new isolate is worked out from the data', async () => {
    const { source, replace } = await testSource({ freshSnapshots: true });
    const app = createApp(source);
    // Unlike a 400 (`no-store`, which the Cache API refuses anyway), a 404 may be cached for a minute.
    const path = '/api/v1/indicators/more-platforms-total';
    const missing = await call(app, path);
    expect(missing.res.status).toBe(404);
    expect(missing.res.headers.get('Cache-Control')).toBe('public, max-age=60');
    // The same version gains the indicator: a kept 404 would still deny it.
    await replace(withMoreData());
    const found = await call(app, path);
    expect(found.res.status).toBe(200);
    expect(JSON.parse(new TextDecoder().decode(found.body)).dataset).toBe('more-platforms');
  });
});

describe('edge cache through the Worker', () => {
  it('gives the same bytes on repeated hits', async () => {
    const bodies = [];
    for (let n = 0; n < 4; n++)
      bodies.push(new Uint8Array(await (await get('/api/v1/datasets/targets-2023.csv')).arrayBuffer()));
    for (const b of bodies) expect(b).toEqual(bodies[0]);
    expect(bodies[0]!.slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });
});

describe('edge cache: query parameters a route ignores', () => {
  /** Whether the Cache API holds an entry for `path` (query as sent) in `version`, for requests without Accept. */
  const shared = async (path: string, version: string) => {
    const [pathname, query = ''] = path.split('?');
    const key = `https://edge.example${pathname}?${query}${query ? '&' : ''}__v=${version}&__a=`;
    return (await caches.default.match(new Request(key))) !== undefined;
  };

  it('answers `_` and `utm_*` from the entry of the URL without them', async () => {
    const { source, counter } = await testSource();
    const app = createApp(source);
    await call(app, '/api/v1/indicators?lang=en');
    const reads = counter.reads;
    const busted = await call(app, '/api/v1/indicators?_=1700000000000&lang=en&utm_source=x');
    expect(busted.res.status).toBe(200);
    expect(counter.reads).toBe(reads);
  });

  it('stores what a route answered under the query it read, never under the names it ignored', async () => {
    const { source, counter, version } = await testSource();
    const app = createApp(source);
    for (let n = 0; n < 5; n++)
      expect((await call(app, `/badge/platforms-total.svg?v=${n}&lang=en-US`)).res.status).toBe(200);
    for (let n = 0; n < 5; n++)
      expect(await shared(`/badge/platforms-total.svg?lang=en-US&v=${n}`, version)).toBe(false);
    expect(await shared('/badge/platforms-total.svg?lang=en', version)).toBe(true);
    // The canonical URL is a hit: stored by the decorated requests, without reading the data again.
    const reads = counter.reads;
    expect((await call(app, '/badge/platforms-total.svg?lang=en')).res.status).toBe(200);
    expect(counter.reads).toBe(reads);
  });

  it('keys an out-of-range presentation value as the default it stands for', async () => {
    const { source, counter, version } = await testSource();
    const app = createApp(source);
    await call(app, '/embed/platforms-total?lang=fr&theme=blue');
    expect(await shared('/embed/platforms-total?lang=fr&theme=blue', version)).toBe(false);
    expect(await shared('/embed/platforms-total?lang=zh&theme=light', version)).toBe(true);
    const reads = counter.reads;
    await call(app, '/embed/platforms-total?theme=light&lang=zh');
    expect(counter.reads).toBe(reads);
  });

  it('does not store a page asked with parameters it never reads (a click id per visit)', async () => {
    const { source, version } = await testSource();
    const app = createApp(source);
    for (let n = 0; n < 3; n++) expect((await call(app, `/indicators/little-giants?fbclid=${n}`)).res.status).toBe(200);
    expect(await shared('/indicators/little-giants?fbclid=0', version)).toBe(false);
    await call(app, '/indicators/little-giants?utm_source=x');
    expect(await shared('/indicators/little-giants', version)).toBe(true);
  });
});
