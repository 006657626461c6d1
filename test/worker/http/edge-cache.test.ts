import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { files } from '../../../data';
import { createApp } from '../../../worker/app';
import { type DataSource, loadData, type Snapshot } from '../../../worker/data-source';
import { createSnapshot } from '../../../worker/data-source/snapshot';
import { get } from '../support/worker';

const data = loadData(files);

/** A snapshot that counts how often routes ask it for their query parameters: once per routed request. */
function counting(snapshot: Snapshot) {
  const counter = { routed: 0 };
  const spy: Snapshot = {
    ...snapshot,
    memo: (key, make) => {
      if (key === 'api:params') counter.routed++;
      return snapshot.memo(key, make);
    },
  };
  return { spy, counter };
}

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
    const { spy, counter } = counting(await createSnapshot(data));
    const app = createApp({ current: async () => spy });
    const first = await call(app, '/api/v1/indicators?lang=en');
    expect(counter.routed).toBe(1);
    for (let n = 0; n < 5; n++) {
      const again = await call(app, '/api/v1/indicators?lang=en');
      expect(again.res.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(headersOf(again.res)).toEqual(headersOf(first.res));
    }
    expect(counter.routed).toBe(1);
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
    const { spy, counter } = counting(await createSnapshot(data));
    const app = createApp({ current: async () => spy });
    await call(app, '/api/v1/indicators?kind=target&lang=zh');
    await call(app, '/api/v1/indicators?lang=zh&kind=target');
    expect(counter.routed).toBe(1);
    const csv = await call(app, '/api/v1/indicators?kind=target&lang=zh', { headers: { Accept: 'text/csv' } });
    expect(counter.routed).toBe(2);
    expect(csv.res.headers.get('Content-Type')).toMatch(/^text\/csv/);
  });

  it('answers conditional and HEAD requests from the cached copy', async () => {
    const { spy, counter } = counting(await createSnapshot(data));
    const app = createApp({ current: async () => spy });
    const first = await call(app, '/api/v1/datasets');
    const etag = first.res.headers.get('ETag')!;
    const cond = await call(app, '/api/v1/datasets', { headers: { 'If-None-Match': etag } });
    expect(cond.res.status).toBe(304);
    expect(cond.body.length).toBe(0);
    expect(cond.res.headers.get('ETag')).toBe(etag);
    const head = await call(app, '/api/v1/datasets', { method: 'HEAD' });
    expect(head.res.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(counter.routed).toBe(1);
  });

  it('never keeps errors: each 4xx is worked out afresh', async () => {
    const { spy, counter } = counting(await createSnapshot(data));
    const app = createApp({ current: async () => spy });
    for (let n = 0; n < 3; n++) expect((await call(app, '/api/v1/indicators?kind=nope')).res.status).toBe(400);
    expect(counter.routed).toBe(3);
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
    let counter = { routed: 0 };
    const source: DataSource = {
      current: async () => {
        const c = counting(await createSnapshot(data));
        counter = c.counter;
        return c.spy;
      },
    };
    const app = createApp(source);
    const path = `/api/v1/indicators.csv?lang=en&kind=target`;
    const first = await call(app, path);
    expect(counter.routed).toBe(1);
    const second = await call(app, path);
    expect(counter.routed).toBe(0);
    expect(second.res.status).toBe(200);
    expect(second.body).toEqual(first.body);
    for (const name of ['ETag', 'Content-Type', 'Cache-Control', 'Last-Modified', 'Content-Disposition', 'Vary']) {
      expect(second.res.headers.get(name), name).toBe(first.res.headers.get(name));
    }
    const third = await call(app, path, { headers: { 'If-None-Match': first.res.headers.get('ETag')! } });
    expect(third.res.status).toBe(304);
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
