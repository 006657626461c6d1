import { describe, expect, it } from 'vitest';
import { pathLang } from '../../../worker/pages';
// Without the browser Accept that `get` adds.
import { get as request } from '../support/worker';
import { EXPECTED_CSP } from './support/checks';
import { one } from './support/dom';
import { BROWSER_ACCEPT, get } from './support/fetch';

/** Accept headers that do not prefer HTML: API clients, curl, problem-aware clients, HTML at a lower weight. */
const NOT_HTML = ['application/json', '*/*', 'application/problem+json', 'text/html;q=0.5, application/json'];

/** The HTML 404 page, checked as a browser gets it; returns its markup. */
async function expectHtml404(path: string): Promise<string> {
  const res = await get(path, { Accept: BROWSER_ACCEPT });
  expect(res.status).toBe(404);
  expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
  expect(res.headers.get('Content-Security-Policy')).toBe(EXPECTED_CSP);
  expect(res.headers.get('Vary')).toMatch(/\bAccept\b/);
  expect(res.headers.get('Cache-Control')).toBe('public, max-age=60');
  expect(res.headers.get('ETag')).toBeNull();
  const html = await res.text();
  expect((await one(html, 'html')).attrs.lang).toBe(pathLang(path) === 'en' ? 'en' : 'zh-CN');
  expect((await one(html, 'meta[name="robots"]')).attrs.content).toBe('noindex');
  // The requested path is not echoed: the body is rendered once, not per request.
  expect(html).not.toContain('no-such');
  return html;
}

/** The problem+json 404 for every Accept that does not prefer HTML; returns the details. */
async function expectProblem404(path: string): Promise<string[]> {
  const details: string[] = [];
  for (const accept of NOT_HTML) {
    const res = await get(path, { Accept: accept });
    expect(res.status, accept).toBe(404);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8');
    expect(res.headers.get('Vary')).toMatch(/\bAccept\b/);
    expect(res.headers.get('Content-Security-Policy')).toBeNull();
    const body = await res.json<{ type: string; status: number; detail: string; instance: string }>();
    expect(body).toMatchObject({ type: '/problems/not-found', status: 404, instance: path });
    details.push(body.detail);
  }
  return details;
}

const MISSING = [
  '/datasets/no-such-dataset',
  '/indicators/no-such-indicator',
  '/en/datasets/no-such-dataset',
  '/en/indicators/no-such-indicator',
  '/problems/no-such-type',
];

describe('missing ids on page routes', () => {
  it.each(MISSING)('%s: a browser gets a small HTML 404 page in the page language', async (path) => {
    await expectHtml404(path);
  });

  it.each(MISSING)('%s: API clients, curl and unspecific Accept get problem+json', async (path) => {
    for (const detail of await expectProblem404(path)) expect(detail).toContain('no-such');
  });

  it('HEAD gets the same status without a body', async () => {
    const res = await get('/datasets/no-such-dataset', { Accept: BROWSER_ACCEPT }, 'HEAD');
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('');
  });
});

/** Paths no route answers, in both page languages and under the other features' prefixes. */
const UNKNOWN = [
  '/no-such-page',
  '/en/no-such-page',
  '/en/datasets/no-such-page/extra',
  '/feeds/no-such-page',
  '/embed/no-such-page/extra',
  '/apis/no-such-page',
];

describe('unknown paths', () => {
  it.each(UNKNOWN)('%s: a browser gets the same HTML 404 page as a missing id, in the path language', async (path) => {
    const html = await expectHtml404(path);
    const missingId = await get(
      pathLang(path) === 'en' ? '/en/datasets/no-such-dataset' : '/datasets/no-such-dataset',
      { Accept: BROWSER_ACCEPT },
    );
    expect(html).toBe(await missingId.text());
  });

  it.each(UNKNOWN)('%s: API clients, curl and unspecific Accept get problem+json naming the path', async (path) => {
    for (const detail of await expectProblem404(path)) expect(detail).toContain(`Nothing is published at ${path}`);
  });

  it.each(UNKNOWN)('%s: a client that sends no Accept at all gets problem+json too', async (path) => {
    const res = await request(path);
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8');
    expect(await res.json<{ type: string; status: number }>()).toMatchObject({
      type: '/problems/not-found',
      status: 404,
    });
  });

  it.each(['/api', '/api/v1/no-such-page', '/api/v2/no-such-page'])(
    '%s: under /api every 404 is problem+json, for browsers too',
    async (path) => {
      for (const accept of [BROWSER_ACCEPT, 'text/html', 'application/json']) {
        const res = await get(path, { Accept: accept });
        expect(res.status, accept).toBe(404);
        expect(res.headers.get('Content-Type'), accept).toBe('application/problem+json; charset=utf-8');
        expect(res.headers.get('Vary') ?? '', accept).not.toMatch(/\bAccept\b/);
        expect((await res.json<{ detail: string }>()).detail).toContain(`Nothing is published at ${path}`);
      }
    },
  );

  it("a write to a page from a browser is a 405 problem document that keeps none of the HTML 404's headers", async () => {
    for (const path of ['/', '/en/', '/datasets/no-such-dataset']) {
      const res = await get(path, { Accept: BROWSER_ACCEPT }, 'POST');
      expect(res.status, path).toBe(405);
      expect(res.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8');
      expect(res.headers.get('Allow')).toContain('GET');
      expect(res.headers.get('Cache-Control')).toBe('no-store');
      expect(res.headers.get('Content-Security-Policy')).toBeNull();
      expect(res.headers.get('Content-Language')).toBeNull();
      expect(res.headers.get('Vary') ?? '').not.toMatch(/\bAccept\b/);
      // Without a frame-ancestors CSP the global default applies.
      expect(res.headers.get('X-Frame-Options')).toBe('DENY');
    }
  });
});
