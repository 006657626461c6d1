import { describe, expect, it } from 'vitest';
import { etagMatches, isNotModified, notModified } from '../../../worker/http';
import { get } from '../support/worker';

const TAG = '"abc-123"';

describe('etagMatches (If-None-Match, weak comparison)', () => {
  it.each([
    [TAG, true],
    [`W/${TAG}`, true],
    [`"other", ${TAG}`, true],
    [`"other",W/${TAG} , "x"`, true],
    ['*', true],
    [' * ', true],
    ['"other"', false],
    ['abc-123', false],
    ['', false],
    [',,', false],
    ['"abc-12"', false],
    // A quoted tag may hold a comma; it must not be split into pieces that match ours.
    [`"x,${TAG.slice(1)}`, false],
  ])('%j → %s', (header, expected) => {
    expect(etagMatches(header, TAG)).toBe(expected);
  });
});

describe('isNotModified', () => {
  const modified = new Date('2023-04-28T00:00:00Z');
  const headers = (init: Record<string, string>) => new Headers(init);

  it('uses If-Modified-Since with one-second precision', () => {
    expect(isNotModified(headers({ 'If-Modified-Since': modified.toUTCString() }), TAG, modified)).toBe(true);
    expect(
      isNotModified(headers({ 'If-Modified-Since': new Date(+modified + 86400e3).toUTCString() }), TAG, modified),
    ).toBe(true);
    expect(
      isNotModified(headers({ 'If-Modified-Since': new Date(+modified - 1000).toUTCString() }), TAG, modified),
    ).toBe(false);
    expect(isNotModified(headers({ 'If-Modified-Since': 'not a date' }), TAG, modified)).toBe(false);
  });

  it('lets If-None-Match win over If-Modified-Since (RFC 9110 §13.1.3)', () => {
    expect(
      isNotModified(
        headers({ 'If-None-Match': '"stale"', 'If-Modified-Since': modified.toUTCString() }),
        TAG,
        modified,
      ),
    ).toBe(false);
  });

  it('is false without validators', () => {
    expect(isNotModified(headers({}), TAG, modified)).toBe(false);
  });
});

describe('notModified', () => {
  it('keeps the validators and caching headers and drops the body and content headers', async () => {
    const res = notModified(
      new Headers({
        ETag: TAG,
        'Cache-Control': 'public',
        Vary: 'Accept',
        'Last-Modified': 'x',
        'Content-Type': 'text/csv',
        'Content-Disposition': 'attachment',
      }),
    );
    expect(res.status).toBe(304);
    expect([...res.headers.keys()].sort()).toEqual(['cache-control', 'etag', 'last-modified', 'vary']);
    expect(await res.text()).toBe('');
  });
});

describe('conditional requests through the API', () => {
  const path = '/api/v1/datasets';

  it('answers If-None-Match with a matching tag, a list, a weak tag or * with 304 and the caching headers', async () => {
    const first = await get(path);
    const etag = first.headers.get('ETag')!;
    for (const inm of [etag, `"nope", ${etag}`, `W/${etag}`, '*']) {
      const res = await get(path, { headers: { 'If-None-Match': inm, Origin: 'https://gov.example' } });
      expect(res.status, inm).toBe(304);
      expect(await res.text()).toBe('');
      expect(res.headers.get('ETag')).toBe(etag);
      expect(res.headers.get('Cache-Control')).toBe(first.headers.get('Cache-Control'));
      expect(res.headers.get('Vary')).toBe(first.headers.get('Vary'));
      expect(res.headers.get('Last-Modified')).toBe(first.headers.get('Last-Modified'));
      // A cross-origin widget must be able to read the 304's validator.
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
      expect(res.headers.get('Access-Control-Expose-Headers')).toMatch(/\bETag\b/);
    }
  });

  it('sends the full body for a stale tag', async () => {
    const res = await get(path, { headers: { 'If-None-Match': '"0000-0000"' } });
    expect(res.status).toBe(200);
    expect((await res.json<{ datasets: unknown[] }>()).datasets.length).toBeGreaterThan(0);
  });

  it('answers If-Modified-Since at or after Last-Modified with 304, before it with 200', async () => {
    const lastModified = (await get(path)).headers.get('Last-Modified')!;
    expect(new Date(lastModified).toUTCString()).toBe(lastModified);
    expect((await get(path, { headers: { 'If-Modified-Since': lastModified } })).status).toBe(304);
    const earlier = new Date(Date.parse(lastModified) - 1000).toUTCString();
    expect((await get(path, { headers: { 'If-Modified-Since': earlier } })).status).toBe(200);
  });

  it('round-trips on CSV, filtered lists and the OpenAPI document too', async () => {
    for (const p of [
      '/api/v1/indicators.csv?lang=zh',
      '/api/v1/indicators?kind=target',
      '/api/v1/openapi.json',
      '/api/v1/indicators/platforms-total',
      '/api/v1/news',
    ]) {
      const etag = (await get(p)).headers.get('ETag')!;
      expect(etag, p).toMatch(/^"[0-9a-f]{20}-[0-9a-f]{8}"$/);
      expect((await get(p, { headers: { 'If-None-Match': etag } })).status, p).toBe(304);
    }
  });

  it('gives every representation its own strong ETag', async () => {
    const paths = [
      '/api/v1/datasets',
      '/api/v1/datasets?lang=en',
      '/api/v1/datasets?lang=zh',
      '/api/v1/indicators',
      '/api/v1/indicators.csv',
      '/api/v1/indicators.csv?lang=en',
      '/api/v1/news',
    ];
    const tags = await Promise.all(paths.map(async (p) => (await get(p)).headers.get('ETag')));
    expect(new Set(tags).size).toBe(paths.length);
  });

  it('works for HEAD: same headers as GET, no body, and 304', async () => {
    const getRes = await get(path);
    const head = await get(path, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    for (const name of ['ETag', 'Last-Modified', 'Cache-Control', 'Content-Type', 'Vary'])
      expect(head.headers.get(name), name).toBe(getRes.headers.get(name));
    const cond = await get(path, { method: 'HEAD', headers: { 'If-None-Match': getRes.headers.get('ETag')! } });
    expect(cond.status).toBe(304);
  });
});
