import { describe, expect, it } from 'vitest';
import { negotiate } from '../../../worker/api/negotiate';
import { get } from './support';

const BOTH = ['application/json', 'text/csv'];

describe('negotiate', () => {
  it.each([
    [undefined, 'application/json'],
    ['', 'application/json'],
    ['*/*', 'application/json'],
    ['text/csv', 'text/csv'],
    ['text/*', 'text/csv'],
    ['application/*', 'application/json'],
    ['TEXT/CSV', 'text/csv'],
    ['text/csv;q=0.5, application/json;q=0.9', 'application/json'],
    ['application/json;q=0.5, text/csv', 'text/csv'],
    ['text/csv;charset=utf-8;header=present', 'text/csv'],
    // A browser's navigation Accept: */* reaches JSON.
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'application/json'],
    // The most specific range sets the weight: JSON refused despite */*.
    ['application/json;q=0, */*', 'text/csv'],
    ['text/html', undefined],
    ['application/json;q=0, text/csv;q=0', undefined],
    // Nothing readable: as if absent.
    ['garbage', 'application/json'],
    ['text/csv;q=abc', 'text/csv'],
  ])('Accept %j → %s', (accept, expected) => {
    expect(negotiate(accept, BOTH)).toBe(expected);
  });

  it('prefers the server order on equal weight', () => {
    expect(negotiate('text/csv, application/json', BOTH)).toBe('application/json');
    expect(negotiate('*/*', ['text/csv', 'application/json'])).toBe('text/csv');
  });
});

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
    for (const path of ['/api/v1', '/api/v1/datasets', '/api/v1/news', '/api/v1/indicators/platforms-total', '/api/v1/openapi.json']) {
      expect((await get(path, { headers: { Accept: 'text/csv' } })).status, path).toBe(406);
    }
  });
});
