import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../worker/app';
import { d1Source } from '../../../worker/store';
import { freshDb, manualClock, observation } from '../store/support';
import { get } from '../support/worker';

/** The app over its own D1 source, called as the Worker would be. */
function appOver(db: D1Database | undefined) {
  const source = d1Source(db, { now: manualClock().now });
  const app = createApp(source);
  return { source, get: (path: string) => app.request(`http://example.com${path}`, {}, env) };
}

describe('X-Data-State', () => {
  it('says live when the Worker reads the D1 log, on hits of the edge cache too', async () => {
    for (let n = 0; n < 2; n++) {
      const res = await get('/api/v1/indicators/platforms-total');
      expect(res.status).toBe(200);
      expect(res.headers.get('X-Data-State')).toBe('live');
    }
    expect((await get('/feed.xml')).headers.get('X-Data-State')).toBe('live');
    expect((await get('/')).headers.get('X-Data-State')).toBe('live');
  });

  it('says fallback, and why, when D1 has no tables or no binding, and the bundled figures are served', async () => {
    for (const [db, problem] of [
      [env.EMPTY_DB, 'not-migrated'],
      [undefined, 'no-binding'],
    ] as const) {
      const res = await appOver(db).get('/api/v1/indicators/platforms-total');
      expect(res.status).toBe(200);
      expect(res.headers.get('X-Data-State')).toBe(`fallback; problem=${problem}`);
      expect(await res.json()).toMatchObject({ value: 708, figure: '708家' });
    }
  });

  it('is readable by scripts on other origins', async () => {
    const res = await get('/api/v1/datasets', { headers: { Origin: 'https://other.example' } });
    expect(res.headers.get('Access-Control-Expose-Headers')?.split(',')).toContain('X-Data-State');
  });
});

describe('?vintage=YYYY-MM-DD', () => {
  it('gives the data as published by the end of that day, the current data without it', async () => {
    const { source, get: fetchApp } = appOver(await freshDb());
    await fetchApp('/api/v1'); // seeds the store
    const written = await source.append(
      observation('platforms-total', { period: '2023-06-30', value: 760, qualifier: 'more_than', figure: '760多家' }),
    );
    expect(written.ok).toBe(true);

    const current = await fetchApp('/api/v1/indicators/platforms-total');
    expect(await current.json()).toMatchObject({ value: 760, period: '2023-06-30' });
    const vintage = await fetchApp('/api/v1/indicators/platforms-total?vintage=2023-04-30');
    expect(vintage.status).toBe(200);
    expect(await vintage.json()).toMatchObject({ value: 708, figure: '708家', period: '2023-03-31' });
    expect(vintage.headers.get('ETag')).not.toBe(current.headers.get('ETag'));
    // The seed was published on 2023-04-28: that day is the first with data.
    expect((await fetchApp('/api/v1/datasets?vintage=2023-04-28')).status).toBe(200);
  });

  it('answers a day before the first publication with a 404 problem, and a malformed or future day with a 400', async () => {
    const { get: fetchApp } = appOver(await freshDb());
    const early = await fetchApp('/api/v1/datasets?vintage=2023-04-27');
    expect(early.status).toBe(404);
    expect(early.headers.get('Content-Type')).toContain('application/problem+json');
    expect(await early.json()).toMatchObject({ status: 404, 'invalid-params': [{ name: 'vintage' }] });
    const nextYear = `${new Date().getUTCFullYear() + 1}-01-01`;
    for (const bad of ['2023-4-30', '2023-02-30', 'yesterday', nextYear, '2023-04-30&vintage=2023-05-01']) {
      const res = await fetchApp(`/api/v1/datasets?vintage=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(await res.json(), bad).toMatchObject({
        type: '/problems/invalid-parameter',
        'invalid-params': [{ name: 'vintage' }],
      });
    }
  });
});
