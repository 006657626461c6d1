/** Series and history of an indicator, JSON and CSV, current and as published on a day. */
import { beforeEach, describe, expect, it } from 'vitest';
import { csvRecords, readCsv } from './support';
import { freshStore, get, ORIGIN, observationBody, post } from './write-support';

beforeEach(freshStore);

const INDICATOR = '/api/v1/indicators/platforms-total';

type Series = {
  indicator: string;
  observations: { period: string; value: number; revision: string; source: unknown }[];
};
type History = {
  indicator: string;
  revisions: { id: string; kind: string; value?: number; links: { self: string } }[];
};

async function publish(extra: Record<string, unknown>): Promise<string> {
  const res = await post(
    `${INDICATOR}/revisions`,
    observationBody({ figure: undefined, qualifier: 'exact', ...extra }),
  );
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json<{ revision: { id: string } }>()).revision.id;
}

describe('series', () => {
  it('has one observation per period, the latest revision of each, oldest period first', async () => {
    const seed = await (await get(`${INDICATOR}/series`)).json<Series>();
    expect(seed).toMatchObject({
      indicator: 'platforms-total',
      observations: [{ period: '2023-03-31', value: 708, revision: 'seed-indicator-platforms-total' }],
    });
    await publish({ period: '2023', value: 750 });
    await publish({ period: '2023-06', value: 720 });
    const correction = await publish({ period: '2023', value: 760 });
    const { observations } = await (await get(`${INDICATOR}/series`)).json<Series>();
    expect(observations.map((o) => [o.period, o.value])).toEqual([
      ['2023-03-31', 708],
      ['2023-06', 720],
      ['2023', 760],
    ]);
    expect(observations.at(-1)!.revision).toBe(correction);
    expect(observations.at(-1)!.source).toMatchObject({ publisher: { zh: '株洲日报', en: 'Zhuzhou Daily' } });
  });

  it('is CSV by ?format=csv or Accept, one row per period, in one language with lang', async () => {
    await publish({ period: '2023', value: 750 });
    for (const init of [
      { path: `${INDICATOR}/series?format=csv` },
      { path: `${INDICATOR}/series`, accept: 'text/csv' },
    ]) {
      const res = await get(init.path, init.accept ? { headers: { Accept: init.accept } } : {});
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toMatch(/^text\/csv/);
      const { bom, text } = await readCsv(res);
      expect(bom).toBe(true);
      const rows = csvRecords(text);
      expect(rows.map((r) => [r.period, r.value])).toEqual([
        ['2023-03-31', '708'],
        ['2023', '750'],
      ]);
      expect(rows[1]).toMatchObject({ source_publisher_zh: '株洲日报', source_publisher_en: 'Zhuzhou Daily' });
    }
    const english = csvRecords((await readCsv(await get(`${INDICATOR}/series?format=csv&lang=en`))).text);
    expect(english[1]).toMatchObject({ source_publisher: 'Zhuzhou Daily' });
  });

  it('as published on a day leaves out what came later', async () => {
    await publish({ period: '2023', value: 750 });
    const then = await (await get(`${INDICATOR}/series?vintage=2023-04-30`)).json<Series>();
    expect(then.observations.map((o) => o.value)).toEqual([708]);
    const history = await (await get(`${INDICATOR}/history?vintage=2023-04-30`)).json<History>();
    expect(history.revisions.map((r) => r.id)).toEqual(['seed-indicator-platforms-total']);
    expect((await get(`${INDICATOR}/series?vintage=2020-01-01`)).status).toBe(404);
  });
});

describe('history', () => {
  it('lists every revision oldest first, withdrawal included, and stays after the indicator is gone', async () => {
    const a = await publish({ period: '2023', value: 750 });
    const b = await publish({ period: '2023', value: 760 });
    const withdrawn = await post(`${INDICATOR}/withdrawal`, { reason: 'counted twice' });
    expect(withdrawn.status).toBe(201);
    const w = (await withdrawn.json<{ revision: { id: string } }>()).revision.id;
    expect((await get(INDICATOR)).status).toBe(404);

    const { indicator, revisions } = await (await get(`${INDICATOR}/history`)).json<History>();
    expect(indicator).toBe('platforms-total');
    expect(revisions.map((r) => [r.id, r.kind])).toEqual([
      ['seed-indicator-platforms-total', 'indicator'],
      [a, 'observation'],
      [b, 'observation'],
      [w, 'withdrawal'],
    ]);
    expect(revisions[2]).toMatchObject({ value: 760, replaces: a, links: { self: `${ORIGIN}/api/v1/revisions/${b}` } });
    expect((await get(`${INDICATOR}/series`)).status).toBe(200);

    const csv = csvRecords((await readCsv(await get(`${INDICATOR}/history?format=csv`))).text);
    expect(csv.map((r) => r.kind)).toEqual(['indicator', 'observation', 'observation', 'withdrawal']);
    expect(csv[3]).toMatchObject({ id: w, reason: 'counted twice', value: '' });
  });

  it('is a 404 with suggestions for an unknown indicator, and refuses unknown parameters', async () => {
    const res = await get('/api/v1/indicators/platforms-totl/history');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ suggestions: ['platforms-total'] });
    const unknown = await get(`${INDICATOR}/series?after=x`);
    expect(unknown.status).toBe(400);
    expect((await unknown.json<{ allowed: string[] }>()).allowed).toEqual(['lang', 'format', 'vintage']);
  });

  it('changes its ETag when a revision is published, and answers 304 until then', async () => {
    const first = await get(`${INDICATOR}/history`);
    const etag = first.headers.get('ETag')!;
    expect((await get(`${INDICATOR}/history`, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    await publish({ period: '2024', value: 1 });
    expect((await get(`${INDICATOR}/history`, { headers: { 'If-None-Match': etag } })).status).toBe(200);
  });
});

describe('?vintage=', () => {
  it('is accepted by every read of indicators and datasets, and gives the data as published that day', async () => {
    await publish({ period: '2023', value: 750 });
    const day = '2023-04-30';
    for (const path of [
      '/api/v1/indicators',
      '/api/v1/indicators?ids=platforms-total',
      '/api/v1/indicators?dataset=innovation-platforms&format=csv',
      '/api/v1/indicators.csv',
      '/api/v1/indicators/platforms-total',
      '/api/v1/datasets',
      '/api/v1/datasets/innovation-platforms',
      '/api/v1/datasets/innovation-platforms.csv',
      `${INDICATOR}/series`,
      `${INDICATOR}/history`,
    ]) {
      const url = `${path}${path.includes('?') ? '&' : '?'}vintage=${day}`;
      const res = await get(url);
      expect(res.status, url).toBe(200);
      const text = await res.text();
      expect(text, url).not.toMatch(/\b750\b/);
    }
    expect(await (await get(`${INDICATOR}?vintage=${day}`)).json()).toMatchObject({ value: 708 });
    expect(await (await get(INDICATOR)).json()).toMatchObject({ value: 750 });
  });
});
