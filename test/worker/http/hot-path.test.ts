/**
 * The hot path (worker/http/hot-path.ts, wired in `createWorker`): a repeat GET is answered before the app, with
 * exactly the status, headers and bytes the app gives, for the current data version and data state only.
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { createWorker } from '../../../worker/app';
import { MAX_BYTES, MAX_ENTRIES, StoredResponses } from '../../../worker/http/hot-path';
import { d1Source, type LiveSource } from '../../../worker/store';
import { breakableDb, freshDb, manualClock, observation } from '../store/support';

const ORIGIN = 'http://example.com';

/**
 * A Worker over `source`, with a count of the reads of its data: the hot path peeks at the current data once, the app
 * reads it once more (or, for an as-of-a-day view, reads that day's data alone).
 */
function countedWorker(source: LiveSource) {
  const counter = { reads: 0 };
  const counted: LiveSource = {
    ...source,
    read: () => {
      counter.reads++;
      return source.read();
    },
    peek: () => {
      counter.reads++;
      return source.peek();
    },
    vintage: (day) => {
      counter.reads++;
      return source.vintage(day);
    },
  };
  const worker = createWorker(counted);
  const fetch = async (path: string, init: RequestInit = {}) => {
    const ctx = createExecutionContext();
    const res = await worker.fetch!(
      new Request(`${ORIGIN}${path}`, { redirect: 'manual', ...init }) as Request<unknown, IncomingRequestCfProperties>,
      env,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    return res;
  };
  /** A request, and how many reads of the data it took. */
  const timed = async (path: string, init: RequestInit = {}) => {
    const before = counter.reads;
    const res = await fetch(path, init);
    return { res, reads: counter.reads - before };
  };
  return { fetch, timed };
}

/**
 * Everything a client sees of a response, but its `Date`: only an answer the app took from the Cache API (which the
 * tests of this file share, and which dates what it returns) has one.
 */
const seen = async (res: Response) => ({
  status: res.status,
  headers: [...res.headers].filter(([name]) => name !== 'date'),
  body: new Uint8Array(await res.arrayBuffer()),
});

/** Reads of every family of route: JSON, CSV, the batch (a query), a feed, a page, a badge, an iframe card. */
const PATHS = [
  '/api/v1/datasets',
  '/api/v1/indicators/platforms-total',
  '/api/v1/indicators?ids=platforms-total,little-giants',
  '/api/v1/datasets/targets-2023.csv',
  '/feed.xml',
  '/en/feed.json',
  '/',
  '/indicators/platforms-total',
  '/badge/platforms-total.svg',
  '/embed/platforms-total?lang=en',
  '/widget.js',
];

describe('the hot path', () => {
  it('answers a repeat read with the very status, headers and bytes the app gave, without reaching the app', async () => {
    const { timed } = countedWorker(d1Source(await freshDb()));
    for (const path of PATHS) {
      const first = await timed(path);
      // The app's own answer: the hot path missed, so the app read the data too.
      expect(first.reads, path).toBe(2);
      const app = await seen(first.res);
      expect(app.status, path).toBe(200);
      for (let i = 0; i < 2; i++) {
        const again = await timed(path);
        expect(again.reads, `${path}: the app was not reached`).toBe(1);
        expect(await seen(again.res), path).toEqual(app);
      }
    }
  });

  it('answers a conditional repeat read with the 304 the app gives, CORS and security headers included', async () => {
    const db = await freshDb();
    const hot = countedWorker(d1Source(db));
    for (const path of ['/api/v1/indicators/platforms-total', '/feed.xml']) {
      const etag = (await hot.fetch(path)).headers.get('ETag')!;
      const lastModified = (await hot.fetch(path)).headers.get('Last-Modified')!;
      const conditions: Record<string, string>[] = [{ 'If-None-Match': etag }, { 'If-Modified-Since': lastModified }];
      for (const headers of conditions) {
        // The first request of a fresh Worker is the app's (a miss); the warm Worker's, the hot path's.
        const fromApp = await countedWorker(d1Source(db)).timed(path, { headers });
        expect(fromApp.reads).toBe(2);
        const fromHot = await hot.timed(path, { headers });
        expect(fromHot.reads).toBe(1);
        const expected = await seen(fromApp.res);
        expect(expected.status).toBe(304);
        expect(expected.headers).toContainEqual(['access-control-allow-origin', '*']);
        expect(expected.headers).toContainEqual(['x-content-type-options', 'nosniff']);
        expect(await seen(fromHot.res)).toEqual(expected);
      }
      // A validator of another version gets the whole response.
      expect((await hot.fetch(path, { headers: { 'If-None-Match': '"0000-old"' } })).status).toBe(200);
    }
  });

  it('is filled by revalidations alone: a new isolate that only ever sees conditional reads answers them from the second on', async () => {
    const db = await freshDb();
    const validators = countedWorker(d1Source(db));
    for (const path of ['/api/v1/datasets', '/feed.xml', '/widget.js']) {
      const full = await validators.fetch(path);
      const body = await full.arrayBuffer();
      const lastModified = full.headers.get('Last-Modified');
      const conditions: Record<string, string>[] = [
        { 'If-None-Match': full.headers.get('ETag')! },
        // The widget script has a strong ETag only, as Workers Static Assets give.
        ...(lastModified ? [{ 'If-Modified-Since': lastModified }] : []),
        { 'If-None-Match': '"0000-an-old-version"' },
      ];
      for (const headers of conditions) {
        // A new isolate, as a feed reader or a browser past max-age finds it. (This file's isolates share the Cache
        // API, which holds the data routes' first answers; the widget script is never put there.)
        const fresh = countedWorker(d1Source(db));
        const first = await fresh.timed(path, { headers });
        const again = await fresh.timed(path, { headers });
        expect(first.reads, `${path} ${JSON.stringify(headers)}: the first reaches the app`).toBe(2);
        expect(again.reads, `${path} ${JSON.stringify(headers)}: the next is a hit`).toBe(1);
        const answer = await seen(first.res);
        expect(await seen(again.res)).toEqual(answer);
        const current = !headers['If-None-Match']?.includes('old');
        expect(answer.status, `${path} ${JSON.stringify(headers)}`).toBe(current ? 304 : 200);
        if (current) {
          expect(answer.body.byteLength).toBe(0);
          // A 304 carries the validators and caching headers, not the 200's type or language.
          expect(answer.headers.map(([name]) => name)).not.toContain('content-type');
          expect(answer.headers).toContainEqual(['etag', full.headers.get('ETag')]);
        } else expect(answer.body).toEqual(new Uint8Array(body));
      }
    }
  });

  it('keeps its entries to exact URLs: ignored parameters, another order and as-of-a-day views reach the app', async () => {
    const { timed } = countedWorker(d1Source(await freshDb()));
    const path = '/api/v1/indicators?ids=platforms-total,little-giants';
    const body = await (await timed(path)).res.text();
    for (const decorated of [
      `${path}&_=1700000000000`,
      `${path}&utm_source=newsletter`,
      '/api/v1/indicators?lang=en&ids=platforms-total',
      '/badge/platforms-total.svg?v=3',
      '/api/v1/indicators/platforms-total?vintage=2023-04-30',
    ]) {
      for (let i = 0; i < 2; i++) {
        const { res, reads } = await timed(decorated);
        expect(res.status, decorated).toBe(200);
        // The hot path's look (a miss) and the app's read of the data (the current one, or the vintage).
        expect(reads, `${decorated} is answered by the app every time`).toBe(2);
        if (decorated.startsWith(path)) expect(await res.text()).toBe(body);
        else await res.arrayBuffer();
      }
    }
    // Negotiated on Accept: the same URL asked for CSV is its own entry, never the JSON one.
    const csv = await timed('/api/v1/datasets/targets-2023', { headers: { Accept: 'text/csv' } });
    const json = await timed('/api/v1/datasets/targets-2023', { headers: { Accept: 'application/json' } });
    expect([csv.reads, json.reads]).toEqual([2, 2]);
    const csvAgain = await timed('/api/v1/datasets/targets-2023', { headers: { Accept: 'text/csv' } });
    expect(csvAgain.reads).toBe(1);
    expect(csvAgain.res.headers.get('Content-Type')).toMatch(/^text\/csv/);
    expect(await csvAgain.res.text()).toBe(await csv.res.text());
    await json.res.arrayBuffer();
  });

  it('answers a URL not negotiated on Accept whatever the client accepts, with what the app gives for that Accept', async () => {
    const db = await freshDb();
    const hot = countedWorker(d1Source(db));
    const accepts = ['text/html', 'application/json', '*/*', 'image/webp,*/*;q=0.8'];
    for (const path of ['/api/v1/datasets/targets-2023.csv', '/feed.xml', '/', '/widget.js']) {
      const first = await hot.fetch(path);
      expect(first.headers.get('Vary') ?? '', path).not.toMatch(/\baccept\b(?!-)/i);
      await first.arrayBuffer();
      for (const accept of accepts) {
        const init = { headers: { Accept: accept } };
        const fromHot = await hot.timed(path, init);
        expect(fromHot.reads, `${path} with Accept: ${accept} is a hit`).toBe(1);
        const fromApp = await countedWorker(d1Source(db)).timed(path, init);
        expect(fromApp.reads).toBe(2);
        expect(await seen(fromHot.res), `${path} with Accept: ${accept}`).toEqual(await seen(fromApp.res));
      }
    }
    // A negotiated URL's entry is for its Accept alone: another Accept reaches the app.
    const negotiated = '/api/v1/datasets/targets-2023';
    await (await hot.fetch(negotiated, { headers: { Accept: 'application/json' } })).arrayBuffer();
    const other = await hot.timed(negotiated, { headers: { Accept: 'text/csv' } });
    expect(other.reads).toBe(2);
    expect(other.res.headers.get('Content-Type')).toMatch(/^text\/csv/);
    await other.res.arrayBuffer();
  });

  it('serves a publish on the next read, and says when the data turned stale', async () => {
    const { db, broken } = breakableDb(await freshDb());
    const clock = manualClock();
    const source = d1Source(db, { now: clock.now });
    const { fetch } = countedWorker(source);
    const path = '/api/v1/indicators/platforms-total';
    const before = await fetch(path);
    await fetch(path);
    expect(before.headers.get('X-Data-State')).toBe('live');

    expect((await source.append(observation('platforms-total', { value: 716 }))).ok).toBe(true);
    const after = await fetch(path);
    expect(await after.json()).toMatchObject({ value: 716, period: '2023-06-30' });
    expect(after.headers.get('ETag')).not.toBe(before.headers.get('ETag'));
    // The old version's validator is not current any more, on the hot path or off it.
    expect((await fetch(path, { headers: { 'If-None-Match': before.headers.get('ETag')! } })).status).toBe(200);

    // D1 fails at the next check: the same bytes, now marked stale, by the hot path as by the app.
    broken.value = true;
    clock.advance(2000);
    const stale = [await fetch(path), await fetch(path)];
    for (const res of stale) {
      expect(res.headers.get('X-Data-State')).toBe('stale; problem=store-error');
      expect(await res.json()).toMatchObject({ value: 716 });
    }
  });
});

describe('the LRU of kept responses', () => {
  it('holds at most MAX_ENTRIES responses and MAX_BYTES of bodies, the least recently read dropped first', () => {
    const lru = new StoredResponses<{ body: ArrayBuffer }>();
    const big = () => ({ body: new ArrayBuffer(MAX_BYTES / 4) });
    for (const key of ['a', 'b', 'c', 'd']) lru.set(key, big());
    expect(lru.get('a')).toBeDefined(); // now the most recently used
    lru.set('e', big());
    expect(['a', 'b', 'c', 'd', 'e'].filter((key) => lru.get(key))).toEqual(['a', 'c', 'd', 'e']);
    const small = new StoredResponses<{ body: ArrayBuffer }>();
    for (let n = 0; n <= MAX_ENTRIES; n++) small.set(String(n), { body: new ArrayBuffer(1) });
    expect(small.get('0')).toBeUndefined();
    expect(small.get(String(MAX_ENTRIES))).toBeDefined();
    // Every entry read since it was set: still bounded, the oldest goes after its second chance.
    const read = new StoredResponses<{ body: ArrayBuffer }>();
    const keys = Array.from({ length: MAX_ENTRIES }, (_, n) => String(n));
    for (const key of keys) read.set(key, { body: new ArrayBuffer(1) });
    for (const key of keys) read.get(key);
    read.set('new', { body: new ArrayBuffer(1) });
    expect(keys.filter((key) => !read.get(key))).toEqual(['0']);
    expect(read.get('new')).toBeDefined();
  });
});
