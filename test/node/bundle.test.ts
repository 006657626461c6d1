import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningWorker, startWorker } from './support/worker';

let worker: RunningWorker;
beforeAll(async () => {
  worker = await startWorker();
});
afterAll(() => worker?.stop());

describe('production bundle', () => {
  it('serves problem+json for an unknown path over real HTTP', async () => {
    const res = await fetch(`${worker.origin}/no-such-page`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
