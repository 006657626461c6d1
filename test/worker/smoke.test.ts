import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';

describe('worker', () => {
  it('answers unknown paths with problem+json 404', async () => {
    const res = await exports.default.fetch('http://example.com/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8');
    const body = await res.json<{ status: number; type: string }>();
    expect(body.status).toBe(404);
  });
});
