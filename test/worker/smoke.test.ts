import { describe, expect, it } from 'vitest';
import { get } from './support/worker';

describe('worker', () => {
  it('answers unknown paths with problem+json 404', async () => {
    const res = await get('/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8');
    const body = await res.json<{ status: number; type: string }>();
    expect(body.status).toBe(404);
  });
});
