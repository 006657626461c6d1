import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { files } from '../../../data';
import { loadData } from '../../../worker/data-source';
import { createSnapshot } from '../../../worker/data-source/snapshot';
import { CACHE_DATA, fnv1a, render, send } from '../../../worker/http';
import { get } from '../support/worker';

describe('render', () => {
  it('makes a body once per data version and key, with a strong ETag of version and key hash', async () => {
    const snapshot = await createSnapshot(loadData(files));
    let made = 0;
    const make = () => `body ${++made}`;
    const a = render(snapshot, 'k', 'text/plain', make);
    const b = render(snapshot, 'k', 'text/plain', make);
    expect(b).toBe(a);
    expect(made).toBe(1);
    expect(a.etag).toBe(`"${snapshot.version}-${fnv1a('k')}"`);
    expect(render(snapshot, 'other', 'text/plain', make).etag).not.toBe(a.etag);
    const next = await createSnapshot(loadData(files), 'another-version');
    expect(render(next, 'k', 'text/plain', make).body).toBe('body 3');
  });
});

describe('send', () => {
  it('sets validators, caching headers and Vary, and answers 304 to a matching tag', async () => {
    const snapshot = await createSnapshot(loadData(files));
    const rendered = render(snapshot, 'send-test', 'application/json', () => '{}');
    const app = new Hono();
    app.get('/r', (c) => send(c, snapshot, rendered, { vary: ['Accept'], headers: { 'Content-Language': 'en' } }));
    const res = await app.request('/r');
    expect(res.headers.get('ETag')).toBe(rendered.etag);
    expect(res.headers.get('Last-Modified')).toBe(snapshot.modified.toUTCString());
    expect(res.headers.get('Cache-Control')).toBe(CACHE_DATA);
    expect(res.headers.get('Vary')).toBe('Accept-Encoding, Accept');
    expect(res.headers.get('Content-Language')).toBe('en');
    const cond = await app.request('/r', { headers: { 'If-None-Match': rendered.etag } });
    expect(cond.status).toBe(304);
  });
});

describe('Cache-Control of data responses', () => {
  const directives = (value: string) =>
    Object.fromEntries(value.split(',').map((d) => d.trim().split('=') as [string, string?]));

  it('is public, with max-age < s-maxage, stale-while-revalidate and stale-if-error, on every API representation', async () => {
    for (const path of [
      '/api/v1',
      '/api/v1/datasets',
      '/api/v1/datasets/targets-2023',
      '/api/v1/datasets/targets-2023.csv',
      '/api/v1/indicators?ids=platforms-total',
      '/api/v1/indicators/platforms-total',
      '/api/v1/news',
      '/api/v1/openapi.json',
    ]) {
      const d = directives((await get(path)).headers.get('Cache-Control')!);
      expect('public' in d, path).toBe(true);
      expect(Number(d['max-age']), path).toBeGreaterThan(0);
      expect(Number(d['s-maxage']), path).toBeGreaterThan(Number(d['max-age']));
      expect(Number(d['stale-while-revalidate']), path).toBeGreaterThan(0);
      expect(Number(d['stale-if-error']), path).toBeGreaterThan(0);
    }
  });

  it('is short or absent on errors', async () => {
    for (const path of ['/api/v1/indicators/nope', '/api/v1/indicators?x=1', '/api/v1/%']) {
      const cc = (await get(path)).headers.get('Cache-Control')!;
      const maxAge = Number(directives(cc)['max-age'] ?? 0);
      expect(cc === 'no-store' || maxAge <= 60, `${path}: ${cc}`).toBe(true);
      expect(cc).not.toMatch(/s-maxage|stale-/);
    }
  });
});
