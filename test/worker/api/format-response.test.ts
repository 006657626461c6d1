import { describe, expect, it } from 'vitest';
import { get } from './support';

describe('content negotiation on the API', () => {
  it('406 lists the available media types, is not cached, and varies on Accept', async () => {
    const res = await get('/api/v1/indicators', { headers: { Accept: 'text/html' } });
    expect(res.status).toBe(406);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(res.headers.get('Vary')).toBe('Accept');
    const body = await res.json<{ type: string; available: string[]; detail: string }>();
    expect(body.type).toBe('/problems/not-acceptable');
    expect(body.available).toEqual(['application/json', 'text/csv']);
    expect(body.detail).toContain('?format=');
  });

  it('the explicit format wins over Accept, and such responses do not vary on Accept', async () => {
    const res = await get('/api/v1/indicators?format=json', { headers: { Accept: 'text/csv' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
  });

  it('negotiated JSON and CSV have different ETags and both vary on Accept', async () => {
    const json = await get('/api/v1/indicators', { headers: { Accept: 'application/json' } });
    const csv = await get('/api/v1/indicators', { headers: { Accept: 'text/csv' } });
    expect(csv.headers.get('Content-Type')).toMatch(/^text\/csv/);
    expect(json.headers.get('ETag')).not.toBe(csv.headers.get('ETag'));
    for (const res of [json, csv]) expect(res.headers.get('Vary')).toBe('Accept-Encoding, Accept');
  });

  it('JSON-only resources 406 for Accept: text/csv', async () => {
    for (const path of [
      '/api/v1',
      '/api/v1/datasets',
      '/api/v1/news',
      '/api/v1/indicators/platforms-total',
      '/api/v1/openapi.json',
    ]) {
      expect((await get(path, { headers: { Accept: 'text/csv' } })).status, path).toBe(406);
    }
  });
});
