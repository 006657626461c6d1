import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../worker/app';
import { d1Source } from '../../../worker/store';
import { freshDb, manualClock, observation } from './support';

/** The whole app (every middleware and route) over a D1 source, as the lead will wire it. */
describe('the app over the D1 source', () => {
  it('serves the seeded data, then a write on the very next request, with a new ETag', async () => {
    const source = d1Source(await freshDb(), { now: manualClock().now });
    const app = createApp(source);
    const get = (path: string) => app.request(`http://example.com${path}`, {}, env);

    const before = await get('/api/v1/indicators/platforms-total');
    expect(before.status).toBe(200);
    expect(await before.json()).toMatchObject({ value: 708, figure: '708家', period: '2023-03-31' });

    const written = await source.append(
      observation('platforms-total', { period: '2023', value: 800, qualifier: 'more_than', figure: '800多家' }),
    );
    expect(written.ok).toBe(true);
    const after = await get('/api/v1/indicators/platforms-total');
    expect(after.status).toBe(200);
    expect(await after.json()).toMatchObject({ value: 800, qualifier: 'more_than', figure: '800多家', period: '2023' });
    expect(after.headers.get('ETag')).not.toBe(before.headers.get('ETag'));

    for (const path of ['/api/v1/datasets', '/feed.xml', '/', '/indicators/platforms-total']) {
      expect((await get(path)).status, path).toBe(200);
    }
  });

  it('serves the bundled data when D1 has no tables', async () => {
    const res = await createApp(d1Source(env.EMPTY_DB)).request(
      'http://example.com/api/v1/indicators/platforms-total',
      {},
      env,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ value: 708 });
  });
});
