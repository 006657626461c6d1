import { beforeEach, describe, expect, it } from 'vitest';
import { changeLog, freshStore, get, ORIGIN, observationBody, PUBLISHER, post } from './write-support';

beforeEach(freshStore);

const INDICATOR = '/api/v1/indicators/platforms-total';

describe('publishing a figure', () => {
  it('is served on the very next request, with a new ETag, everywhere the indicator shows', async () => {
    const before = await get(INDICATOR);
    const oldTag = before.headers.get('ETag')!;
    expect(await before.json()).toMatchObject({ value: 708 });

    const res = await post(`${INDICATOR}/revisions`, observationBody());
    expect(res.status, await res.clone().text()).toBe(201);
    const { revision, indicator } = await res.json<{
      revision: Record<string, unknown>;
      indicator: Record<string, unknown>;
    }>();
    expect(revision).toMatchObject({
      kind: 'observation',
      indicator: 'platforms-total',
      value: 800,
      publisher: PUBLISHER,
    });
    expect(indicator).toMatchObject({ id: 'platforms-total', value: 800, qualifier: 'more_than', figure: '800多家' });
    expect(res.headers.get('Location')).toBe(`${ORIGIN}/api/v1/revisions/${revision.id}`);

    const after = await get(INDICATOR);
    expect(await after.json()).toMatchObject({ value: 800, figure: '800多家', period: '2023' });
    expect(after.headers.get('ETag')).toBe(res.headers.get('ETag'));
    expect(after.headers.get('ETag')).not.toBe(oldTag);
    expect((await get(INDICATOR, { headers: { 'If-None-Match': oldTag } })).status).toBe(200);
    expect((await get(INDICATOR, { headers: { 'If-None-Match': after.headers.get('ETag')! } })).status).toBe(304);
    expect((await changeLog()).at(-1)).toBe(revision.id);
  });
});
