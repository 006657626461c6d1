import { describe, expect, it } from 'vitest';
import { get } from '../support/worker';

const PATHS = [
  '/api/v1/datasets',
  '/api/v1/datasets/targets-2023.csv',
  '/api/v1/openapi.json',
  '/api/v1/indicators/nope',
  '/api/v1/indicators?x=1',
];

describe('security headers', () => {
  it('sets nosniff, referrer policy, CORP cross-origin and frame denial on API responses and errors', async () => {
    for (const path of PATHS) {
      const res = await get(path);
      expect(res.headers.get('X-Content-Type-Options'), path).toBe('nosniff');
      expect(res.headers.get('Referrer-Policy'), path).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('Cross-Origin-Resource-Policy'), path).toBe('cross-origin');
      expect(res.headers.get('X-Frame-Options'), path).toBe('DENY');
    }
  });

  it('keeps them on 304s and on repeat hits served from the edge cache', async () => {
    const first = await get('/api/v1/news');
    for (const res of [
      await get('/api/v1/news'),
      await get('/api/v1/news', { headers: { 'If-None-Match': first.headers.get('ETag')! } }),
    ]) {
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
    }
  });
});

describe('CORS', () => {
  it('answers a preflight from any origin for GET with conditional headers', async () => {
    const res = await get('/api/v1/indicators?ids=platforms-total', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://www.zhuzhou.gov.cn',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'if-none-match',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Access-Control-Allow-Methods')).toMatch(/\bGET\b/);
    expect(res.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('if-none-match');
    expect(Number(res.headers.get('Access-Control-Max-Age'))).toBeGreaterThan(0);
  });

  it('lets cross-origin readers see ETag, Last-Modified and Content-Language', async () => {
    const res = await get('/api/v1/indicators/platforms-total', { headers: { Origin: 'https://www.zhuzhou.gov.cn' } });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const exposed = res.headers
      .get('Access-Control-Expose-Headers')!
      .split(',')
      .map((h) => h.trim().toLowerCase());
    expect(exposed).toEqual(expect.arrayContaining(['etag', 'last-modified', 'content-language']));
    expect(res.headers.get('Access-Control-Allow-Credentials')).toBeNull();
  });

  it('adds CORS to errors too, so a widget can read why a request failed', async () => {
    const res = await get('/api/v1/indicators?ids=BAD', { headers: { Origin: 'https://www.zhuzhou.gov.cn' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });
});
