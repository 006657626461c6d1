import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { PROBLEM_TITLES, Problem, type ProblemType, problemResponse } from '../../../worker/http';
import { get } from '../support/worker';

/** A minimal app that throws the given problem, rendered the way `worker/app.ts` renders it. */
const appThrowing = (problem: Problem) => {
  const app = new Hono();
  app.get('/x', () => {
    throw problem;
  });
  app.onError((err, c) => problemResponse(c, err as Problem));
  return app;
};

describe('problemResponse', () => {
  it('writes an RFC 9457 document with type, title, status, detail, instance and extensions', async () => {
    const res = await appThrowing(
      new Problem(400, 'invalid-parameter', 'Fix it.', { 'invalid-params': [{ name: 'a', reason: 'b' }] }),
    ).request('/x?q=1');
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8');
    expect(await res.json()).toEqual({
      type: '/problems/invalid-parameter',
      title: PROBLEM_TITLES['invalid-parameter'],
      status: 400,
      detail: 'Fix it.',
      instance: '/x',
      'invalid-params': [{ name: 'a', reason: 'b' }],
    });
  });

  it('caches a 404 for a minute and nothing else at all', async () => {
    const statuses: [number, ProblemType, string][] = [
      [404, 'not-found', 'public, max-age=60'],
      [400, 'bad-request', 'no-store'],
      [405, 'method-not-allowed', 'no-store'],
      [406, 'not-acceptable', 'no-store'],
      [414, 'uri-too-long', 'no-store'],
      [500, 'internal-error', 'no-store'],
    ];
    for (const [status, type, cache] of statuses) {
      const res = await appThrowing(new Problem(status, type, 'x')).request('/x');
      expect(res.headers.get('Cache-Control'), String(status)).toBe(cache);
    }
  });

  it("adds the problem's own headers", async () => {
    const res = await appThrowing(new Problem(405, 'method-not-allowed', 'x', {}, { Allow: 'GET' })).request('/x');
    expect(res.headers.get('Allow')).toBe('GET');
  });
});

describe('problems from the Worker', () => {
  it('every problem type the API can produce has a title', async () => {
    const bodies = await Promise.all(
      [
        '/api/v1/nope',
        '/api/v1/indicators?x=1',
        '/api/v1/indicators?kind=x',
        '/api/v1/%',
        `/api/v1/indicators?ids=${'a,'.repeat(2000)}`,
      ].map(async (p) => (await get(p)).json<{ type: string; title: string }>()),
    );
    for (const b of bodies) expect(b.title).toBe(PROBLEM_TITLES[b.type.replace('/problems/', '') as ProblemType]);
  });

  it('a 405 is not cached, though it replaces a cacheable 404', async () => {
    const res = await get('/api/v1/datasets', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
  });
});
