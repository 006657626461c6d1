/**
 * Hostile and careless input never gets a 5xx: every refusal is a 4xx
 * `application/problem+json` that says what to do, with the usual headers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_URL_LENGTH } from '../../../worker/http';
import { get } from './support';

const PROBLEM = 'application/problem+json; charset=utf-8';

async function expectProblem(res: Response, status: number, label: string) {
  expect(res.status, label).toBe(status);
  expect(res.headers.get('Content-Type'), label).toBe(PROBLEM);
  expect(res.headers.get('X-Content-Type-Options'), label).toBe('nosniff');
  expect(res.headers.get('Access-Control-Allow-Origin'), label).toBe('*');
  const body = await res.json<{ status: number; detail: string; type: string }>();
  expect(body.status, label).toBe(status);
  expect(body.type, label).toMatch(/^\/problems\/[a-z-]+$/);
  expect(body.detail.length, label).toBeGreaterThan(10);
  if (status !== 404) expect(res.headers.get('Cache-Control'), label).toBe('no-store');
  return body;
}

describe('hostile request targets', () => {
  it.each([
    // Malformed percent-encoding, in the path and in the query.
    ['/api/v1/datasets/%zz', 400],
    ['/api/v1/datasets/%E4%B8', 400],
    ['/api/v1/indicators?ids=%', 400],
    ['/api/v1/indicators?%zz=1', 400],
    // NUL and control characters, encoded.
    ['/api/v1/indicators/platforms-total%00', 400],
    ['/api/v1/indicators?ids=platforms-total%00', 400],
    ['/api/v1/indicators?ids=a%0Ab', 400],
    ['/api/v1/datasets/%1b%5b31m', 400],
    // Traversal: encoded slashes stay inside one id; dot segments are resolved by the URL parser.
    ['/api/v1/indicators/..%2f..%2fdata%2fcatalog.json', 404],
    ['/api/v1/datasets/..%2F..%2Fwrangler.toml', 404],
    ['/api/v1/datasets/..%5c..%5cpackage.json', 404],
    ['/api/v1/%2e%2e/%2e%2e/wrangler.toml', 404],
    ['/api/v1/datasets/%2e%2e/x', 404],
    // Ids with uppercase, spaces, odd suffixes.
    ['/api/v1/indicators/PLATFORMS-TOTAL', 404],
    ['/api/v1/indicators/platforms%20total', 404],
    ['/api/v1/indicators/platforms-total.json', 404],
    ['/api/v1/datasets/innovation-platforms.CSV', 404],
    ['/api/v1/datasets/.csv', 404],
    ['/api/v1/indicators/%E5%B9%B3%E5%8F%B0', 404],
    [`/api/v1/indicators/${'a'.repeat(500)}`, 404],
    // Parameters: unknown, wrong case, repeated, empty, bad values.
    ['/api/v1/indicators?LANG=en', 400],
    ['/api/v1/indicators?lang=fr', 400],
    ['/api/v1/indicators?lang', 400],
    ['/api/v1/indicators?lang=', 400],
    ['/api/v1/indicators?format=xml', 400],
    ['/api/v1/indicators?ids=a&ids=b', 400],
    ['/api/v1/indicators?ids=%3Cscript%3Ealert(1)%3C%2Fscript%3E', 400],
    ['/api/v1/indicators?ids[]=a', 400],
    ['/api/v1/indicators?__proto__=x', 400],
    ['/api/v1/indicators?constructor=x', 400],
    ['/api/v1/openapi.json?x=1', 400],
    ['/api/v1/datasets?dataset=x', 400],
    // A huge id list: refused by count before the URL limit.
    [`/api/v1/indicators?ids=${Array.from({ length: 200 }, (_, n) => `i${n}`).join(',')}`, 400],
    // Over the URL limit.
    [`/api/v1/indicators?ids=${'platforms-total,'.repeat(200)}`, 414],
    [`/api/v1/datasets/${'x'.repeat(MAX_URL_LENGTH)}`, 414],
  ])('%s → %i', async (path, status) => {
    await expectProblem(await get(path), status, path);
  });

  it('redirects a trailing slash to the one URL of the resource (308), the query kept', async () => {
    const res = await get('/api/v1/indicators/platforms-total/?lang=en');
    expect(res.status).toBe(308);
    expect(res.headers.get('Location')).toBe('/api/v1/indicators/platforms-total?lang=en');
  });

  it('gives 414 a detail that says how to recover', async () => {
    const body = await expectProblem(await get(`/api/v1/indicators?ids=${'a,'.repeat(MAX_URL_LENGTH)}`), 414, '414');
    expect(body.detail).toMatch(/split/i);
  });

  it('echoes a hostile id only as inert JSON text, never as markup', async () => {
    const res = await get('/api/v1/indicators/%3Cimg%20src=x%20onerror=alert(1)%3E');
    expect(res.headers.get('Content-Type')).toBe(PROBLEM);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(JSON.parse(await res.text()).status).toBe(404);
  });
});

describe('wrong methods', () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('%s on an API resource → 405 with Allow', async (method) => {
    for (const path of [
      '/api/v1',
      '/api/v1/datasets',
      '/api/v1/datasets/innovation-platforms',
      '/api/v1/datasets/innovation-platforms.csv',
      '/api/v1/indicators',
      '/api/v1/indicators/platforms-total',
      '/api/v1/openapi.json',
    ]) {
      // `/api/v1/datasets` takes POST too (a new dataset, with a token): the other methods are refused there.
      const writable = path === '/api/v1/datasets';
      if (writable && method === 'POST') continue;
      const res = await get(path, { method, body: method === 'DELETE' ? undefined : '{}' });
      await expectProblem(res, 405, `${method} ${path}`);
      expect(res.headers.get('Allow')).toBe(writable ? 'GET, HEAD, POST, OPTIONS' : 'GET, HEAD, OPTIONS');
    }
  });
});

describe('careless headers', () => {
  it.each([
    ['If-None-Match', 'not-an-etag'],
    ['If-None-Match', '""'],
    ['If-None-Match', ',,,'],
    ['If-Modified-Since', 'yesterday'],
    ['If-Modified-Since', ''],
    ['Accept', ';;;'],
    ['Accept', 'application/json;q=2'],
    ['Accept-Language', '\u00ff'],
  ])('%s: %j is ignored, not fatal', async (name, value) => {
    const res = await get('/api/v1/datasets', { headers: { [name]: value } });
    expect(res.status).toBe(200);
  });
});

describe('property: nothing under /api/v1 gives a 5xx', () => {
  const segment = fc.oneof(
    fc.webSegment(),
    fc.string({ unit: 'binary', maxLength: 30 }).map(encodeURIComponent),
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      'datasets',
      'indicators',
      'news',
      'openapi.json',
      'indicators.csv',
      'innovation-platforms',
      'platforms-total',
      'innovation-platforms.csv',
      '..',
      '%2e%2e',
      '%',
      '%00',
      '%ff',
    ),
  );
  const query = fc.oneof(
    fc.constant(''),
    fc.webQueryParameters().map((q) => `?${q}`),
    fc
      .array(
        fc.tuple(
          fc.constantFrom('ids', 'lang', 'format', 'kind', 'dataset', 'unit', 'qualifier', 'measure', 'x', ''),
          fc.oneof(
            fc.string({ maxLength: 40 }),
            fc.constantFrom('en', 'zh', 'csv', 'json', 'target', 'platforms-total,little-giants', '%', '%00'),
          ),
        ),
        { maxLength: 4 },
      )
      .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`),
  );
  const accept = fc.option(
    fc.oneof(fc.constantFrom('text/csv', 'text/html', '*/*', 'application/json;q=0'), fc.string({ maxLength: 20 })),
    { nil: undefined },
  );

  const property = fc.asyncProperty(
    fc.array(segment, { minLength: 0, maxLength: 4 }),
    query,
    accept,
    async (segments, q, acc) => {
      const path = `/api/v1/${segments.join('/')}${q}`;
      let res: Response;
      try {
        res = await get(path, acc === undefined ? {} : { headers: { Accept: acc.replace(/[\r\n\0]/g, '') } });
      } catch {
        return; // a target the client itself cannot send (fetch refuses it) is not our input
      }
      expect(res.status, path).toBeLessThan(500);
      // Where the request lands is the URL after dot-segment removal (WHATWG URL: `..` and `%2e%2e` alike), which
      // is what the Worker sees: `/api/v1/../%2e%2e/` is the root, where a browser's 404 is a page, not a problem.
      const landed = new URL(path, 'http://example.com').pathname;
      const underApi = landed === '/api' || landed.startsWith('/api/');
      if (res.status >= 400 && underApi) expect(res.headers.get('Content-Type'), `${path} → ${landed}`).toBe(PROBLEM);
      if (res.status >= 400 && !underApi)
        expect(res.headers.get('Content-Type'), `${path} → ${landed}`).toMatch(
          /^(application\/problem\+json|text\/html);/,
        );
      await res.body?.cancel();
    },
  );

  it('random paths, queries and Accept headers get 2xx, 3xx or a 4xx problem', async () => {
    await fc.assert(property, { numRuns: 200 });
  }, 60_000);

  it('passes the run that once failed (seed 1145666961: `..` and `%2e%2e` climbing out of /api)', async () => {
    await fc.assert(property, { seed: 1145666961, path: '168:10', endOnFailure: true });
    const res = await get('/api/v1/../%2e%2e//?', { headers: { Accept: 'text/html' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    // The same bound as the property above: the first request of a file seeds its D1 log, slow on a loaded machine.
  }, 60_000);
});
