/** `POST /api/v1/revisions`: several revisions, all or none, through the Worker over the test D1. */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  article,
  changeLog,
  freshStore,
  get,
  ORIGIN,
  observationBody,
  PUBLISHER,
  post,
  problemOf,
} from './write-support';

beforeEach(freshStore);

const BATCH = '/api/v1/revisions';

const newDataset = {
  kind: 'dataset',
  dataset: {
    id: 'tech-enterprises',
    title: { zh: '科技型企业', en: 'Technology enterprises' },
    description: { zh: '株洲市科技型企业数量。', en: 'Technology enterprises in Zhuzhou.' },
    issued: '2026-11-28',
    modified: '2026-11-28',
  },
  reason: 'New dataset from the 2024 report',
};

const newIndicator = {
  kind: 'indicator',
  dataset: 'tech-enterprises',
  indicator: {
    id: 'high-tech-enterprises',
    label: { zh: '高新技术企业', en: 'High-tech enterprises' },
    unit: 'count',
    unitLabel: { zh: '家', en: 'enterprises' },
    kind: 'actual',
    measure: 'level',
  },
  period: '2023',
  value: 1000,
  qualifier: 'more_than',
  figure: '1000多家',
  source: { ...article },
  reason: 'First figure',
};

const observation = (extra: Record<string, unknown> = {}) => ({
  kind: 'observation',
  indicator: 'platforms-total',
  ...observationBody(),
  ...extra,
});

describe('a batch', () => {
  it('writes rows that build on each other, all at once, and they are served at once', async () => {
    const res = await post(BATCH, { revisions: [newDataset, newIndicator, observation()] });
    expect(res.status, await res.clone().text()).toBe(201);
    const { revisions } = await res.json<{ revisions: { id: string; kind: string; publisher: string }[] }>();
    expect(revisions.map((r) => r.kind)).toEqual(['dataset', 'indicator', 'observation']);
    expect(new Set(revisions.map((r) => r.publisher))).toEqual(new Set([PUBLISHER]));
    expect(res.headers.get('Location')).toBe(`${ORIGIN}/api/v1/revisions/${revisions[0]!.id}`);
    expect((await changeLog()).slice(-3)).toEqual(revisions.map((r) => r.id));

    const dataset = await get('/api/v1/datasets/tech-enterprises');
    expect(dataset.status).toBe(200);
    expect(await dataset.json()).toMatchObject({ indicators: [{ id: 'high-tech-enterprises', value: 1000 }] });
    expect(await (await get('/api/v1/indicators/platforms-total')).json()).toMatchObject({ value: 800 });
  });

  it('with bad rows writes nothing and names every bad field of every row', async () => {
    const log = await changeLog();
    const invalid = await post(BATCH, {
      revisions: [
        observation(),
        observation({ value: 'lots' }),
        newDataset,
        observation({ source: { publisher: { zh: '株洲日报' }, title: article.title } }),
        { ...observation(), publisher: 'someone' },
        { kind: 'nonsense' },
      ],
    });
    expect(invalid.status).toBe(400);
    const problem = await problemOf(invalid);
    expect(problem.type).toBe('/problems/invalid-body');
    expect(problem.names).toEqual(
      expect.arrayContaining([
        'revisions.1.value',
        'revisions.3.source.publisher.en',
        'revisions.4.publisher',
        'revisions.5.kind',
      ]),
    );
    expect(problem.names.some((n) => /^revisions\.[02]\./.test(n))).toBe(false);
    expect(await changeLog()).toEqual(log);
  });

  it('with rows the log refuses writes nothing and names each: 404 unknown, 409 taken or withdrawn', async () => {
    const log = await changeLog();
    const unknown = await post(BATCH, {
      revisions: [observation(), observation({ indicator: 'no-such-indicator' }), { ...newIndicator, dataset: 'nope' }],
    });
    expect(unknown.status).toBe(404);
    expect((await problemOf(unknown)).names).toEqual(['revisions.1.indicator', 'revisions.2.dataset']);
    const conflict = await post(BATCH, {
      revisions: [
        { kind: 'withdrawal', indicator: 'platforms-total', reason: 'merged' },
        observation(),
        { ...newDataset, dataset: { ...newDataset.dataset, id: 'innovation-platforms' } },
      ],
    });
    expect(conflict.status).toBe(409);
    const problem = await problemOf(conflict);
    expect(problem.type).toBe('/problems/conflict');
    expect(problem.names).toEqual(['revisions.1.indicator', 'revisions.2.dataset.id']);
    expect(await changeLog()).toEqual(log);
    expect((await get('/api/v1/indicators/platforms-total')).status).toBe(200);
  });

  it('is refused whole when empty, not a list, or over 40 rows', async () => {
    for (const body of [{ revisions: [] }, { revisions: {} }, {}, { revisions: [observation()], extra: true }]) {
      const res = await post(BATCH, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await problemOf(res)).type).toBe('/problems/invalid-body');
    }
    // At most 40 rows: one D1 transaction within the Free plan's queries per request.
    const rows = (n: number) =>
      Array.from({ length: n }, (_, i) => observation({ period: `${2000 + i}`, figure: undefined }));
    const tooMany = await post(BATCH, { revisions: rows(41) });
    expect(tooMany.status).toBe(400);
    expect((await problemOf(tooMany)).names).toEqual(['revisions']);
    expect((await post(BATCH, { revisions: rows(40) })).status).toBe(201);
    expect((await changeLog()).filter((id) => !id.startsWith('seed-'))).toHaveLength(40);
  });

  it('replays for its Idempotency-Key, and previews with ?dry-run=true without writing', async () => {
    const body = { revisions: [newDataset, newIndicator] };
    const preview = await post(`${BATCH}?dry-run=true`, body);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({
      valid: true,
      revisions: [{ kind: 'dataset' }, { kind: 'indicator' }],
    });
    expect((await get('/api/v1/datasets/tech-enterprises')).status).toBe(404);

    const headers = { 'Idempotency-Key': 'import-2026-11-28' };
    const first = await post(BATCH, body, { headers });
    expect(first.status).toBe(201);
    const again = await post(BATCH, body, { headers });
    expect(again.status).toBe(201);
    expect(await again.text()).toBe(await first.text());
    expect((await changeLog()).filter((id) => !id.startsWith('seed-'))).toHaveLength(2);
    const other = await post(BATCH, { revisions: [observation()] }, { headers });
    expect(other.status).toBe(422);
  });
});
