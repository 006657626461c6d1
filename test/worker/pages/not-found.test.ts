import { describe, expect, it } from 'vitest';
import { EXPECTED_CSP } from './support/checks';
import { one } from './support/dom';
import { BROWSER_ACCEPT, get } from './support/fetch';

const MISSING = ['/datasets/no-such-dataset', '/indicators/no-such-indicator', '/en/datasets/no-such-dataset', '/en/indicators/no-such-indicator', '/problems/no-such-type'];

describe('missing ids on page routes', () => {
  it.each(MISSING)('%s: a browser gets a small HTML 404 page in the page language', async (path) => {
    const res = await get(path, { Accept: BROWSER_ACCEPT });
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('Content-Security-Policy')).toBe(EXPECTED_CSP);
    expect(res.headers.get('Vary')).toMatch(/\bAccept\b/);
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=60');
    expect(res.headers.get('ETag')).toBeNull();
    const html = await res.text();
    expect((await one(html, 'html')).attrs.lang).toBe(path.startsWith('/en/') ? 'en' : 'zh-CN');
    expect((await one(html, 'meta[name="robots"]')).attrs.content).toBe('noindex');
    // The requested id is not echoed: the body is rendered once, not per request.
    expect(html).not.toContain('no-such');
  });

  it.each(MISSING)('%s: API clients, curl and unspecific Accept get problem+json', async (path) => {
    for (const accept of ['application/json', '*/*', 'application/problem+json', 'text/html;q=0.5, application/json']) {
      const res = await get(path, { Accept: accept });
      expect(res.status, accept).toBe(404);
      expect(res.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8');
      expect(res.headers.get('Vary')).toMatch(/\bAccept\b/);
      const body = await res.json<{ type: string; status: number; detail: string }>();
      expect(body).toMatchObject({ type: '/problems/not-found', status: 404 });
      expect(body.detail).toContain('no-such');
    }
  });

  it('HEAD gets the same status without a body', async () => {
    const res = await get('/datasets/no-such-dataset', { Accept: BROWSER_ACCEPT }, 'HEAD');
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('');
  });
});
