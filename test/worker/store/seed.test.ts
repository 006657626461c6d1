import { describe, expect, it } from 'vitest';
import { files } from '../../../data';
import { loadData } from '../../../worker/data-source';
import {
  bundledData,
  d1Source,
  ensureSeeded,
  parseRevisionInput,
  readRevisions,
  seedInputs,
  seedRevisions,
} from '../../../worker/store';

import { countRevisions, freshDb } from './support';

const data = loadData(files);
const figures = data.datasets.reduce((n, d) => n + d.indicators.length, 0);
const SEED_ROWS = data.datasets.length + figures + data.news.length;

describe('seed', () => {
  it('is one row per dataset, per figure (definition and observation) and per news item', () => {
    const revisions = seedRevisions();
    expect(revisions).toHaveLength(SEED_ROWS);
    expect(revisions.filter((r) => r.kind === 'indicator')).toHaveLength(figures);
    for (const r of revisions) expect(r.publishedAt).toBe('2023-04-28T00:00:00.000Z');
    const turnover = revisions.find((r) => r.kind === 'indicator' && r.observation.figure === '308亿元');
    expect(turnover).toMatchObject({ observation: { value: 30_800_000_000, qualifier: 'exact' } });
    expect(revisions.find((r) => r.kind === 'indicator' && r.observation.figure === '12%以上')).toMatchObject({
      observation: { value: 12, qualifier: 'at_least', source: { quote: expect.stringContaining('12%以上') } },
    });
  });

  it('passes the same validation as a live write', () => {
    const inputs = seedInputs(bundledData());
    expect(inputs).toHaveLength(SEED_ROWS);
    for (const { id, input } of inputs) expect(parseRevisionInput(input), id).toEqual({ success: true, output: input });
  });

  it('is written once, however often it is written', async () => {
    const db = await freshDb();
    expect(await ensureSeeded(db)).toBe(SEED_ROWS);
    expect(await ensureSeeded(db)).toBe(0);
    expect(await countRevisions(db)).toBe(SEED_ROWS);
  });

  it('is written once when two seeders race', async () => {
    const db = await freshDb();
    const written = await Promise.all([ensureSeeded(db), ensureSeeded(db)]);
    expect(written.sort()).toEqual([0, SEED_ROWS]);
    expect(await countRevisions(db)).toBe(SEED_ROWS);
  });

  it('is written by the first read of an empty store, once even when two isolates race', async () => {
    const db = await freshDb();
    const [a, b] = await Promise.all([d1Source(db).read(), d1Source(db).read()]);
    expect(a.state).toBe('live');
    expect(b.state).toBe('live');
    expect(a.snapshot.version).toBe(b.snapshot.version);
    expect(await countRevisions(db)).toBe(SEED_ROWS);
  });

  it('reads back from D1 as exactly the bundled data', async () => {
    const db = await freshDb();
    const { snapshot, state } = await d1Source(db).read();
    expect(state).toBe('live');
    expect(snapshot.meta).toStrictEqual(data.meta);
    expect(snapshot.datasets).toStrictEqual(data.datasets);
    expect(snapshot.news).toStrictEqual(data.news);
    expect(snapshot.indicators.map((i) => i.id)).toEqual(data.datasets.flatMap((d) => d.indicators.map((i) => i.id)));
    expect((await readRevisions(db, { to: 1e9 })).map((r) => r.id)).toEqual(seedRevisions().map((r) => r.id));
  });
});
