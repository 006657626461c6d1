import { describe, expect, it } from 'vitest';
import { MAX_URL_LENGTH } from '../../../worker/http';
import { get, ORIGIN } from '../support/worker';

/** A URL of exactly `length` characters under the API (an unknown parameter pads it). */
const urlOfLength = (length: number) => {
  const base = '/api/v1/datasets?pad=';
  return base + 'x'.repeat(length - ORIGIN.length - base.length);
};

describe('guard', () => {
  it(`reads URLs up to ${MAX_URL_LENGTH} characters and refuses longer ones with 414`, async () => {
    const atLimit = await get(urlOfLength(MAX_URL_LENGTH));
    expect(atLimit.status).toBe(400); // read, then refused for the unknown parameter
    const over = await get(urlOfLength(MAX_URL_LENGTH + 1));
    expect(over.status).toBe(414);
    const body = await over.json<{ type: string; detail: string }>();
    expect(body.type).toBe('/problems/uri-too-long');
    expect(body.detail).toContain(String(MAX_URL_LENGTH));
  });

  it('refuses malformed percent-encoding in path or query with 400 bad-request', async () => {
    for (const path of ['/api/v1/%', '/api/v1/%G0', '/api/v1/datasets?lang=%E4', '/feed.xml?x=%']) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect((await res.json<{ type: string }>()).type).toBe('/problems/bad-request');
    }
  });

  it('refuses encoded NUL and control characters, anywhere in the target', async () => {
    for (const path of [
      '/api/v1/datasets%00',
      '/api/v1/datasets?lang=%00',
      '/%7f',
      '/api/v1/indicators/a%0d%0aSet-Cookie:x',
    ]) {
      expect((await get(path)).status, path).toBe(400);
    }
  });

  it('lets a literal plus and encoded reserved characters through to the routes', async () => {
    expect((await get('/api/v1/indicators?ids=platforms-total%2Clittle-giants')).status).toBe(200);
    expect((await get('/api/v1/datasets?lang=e+n')).status).toBe(400); // reaches parseQuery, which names the value
  });

  it('sends its problems with the security and CORS headers every response has', async () => {
    for (const path of [urlOfLength(MAX_URL_LENGTH + 10), '/api/v1/%zz', '/api/v1/x%00']) {
      const res = await get(path, { headers: { Origin: 'https://gov.example' } });
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.headers.get('X-Content-Type-Options'), path).toBe('nosniff');
      expect(res.headers.get('Referrer-Policy'), path).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('Cross-Origin-Resource-Policy'), path).toBe('cross-origin');
      expect(res.headers.get('Access-Control-Allow-Origin'), path).toBe('*');
      expect(res.headers.get('Cache-Control'), path).toBe('no-store');
    }
  });
});
