import { describe, expect, it } from 'vitest';
import { appendRevision, endOfDay, ensureSeeded, periodEnd, readChanges, seedRevisions } from '../../../worker/store';
import { freshDb, observation } from './support';

describe('periodEnd', () => {
  it.each([
    ['2023', '2023-12-31'],
    ['2023-04', '2023-04-30'],
    ['2024-02', '2024-02-29'],
    ['2023-02', '2023-02-28'],
    ['2023-03-31', '2023-03-31'],
    ['2023-04-19/2023-04-21', '2023-04-21'],
    ['2023-01/2023-03', '2023-03-31'],
    ['2022/2023', '2023-12-31'],
  ])('%s ends on %s', (period, end) => expect(periodEnd(period)).toBe(end));
});

describe('endOfDay', () => {
  it('is the first instant of the next UTC day, across month and year ends', () => {
    expect(endOfDay('2023-04-30')).toBe('2023-05-01T00:00:00.000Z');
    expect(endOfDay('2023-12-31')).toBe('2024-01-01T00:00:00.000Z');
    expect('2023-04-30T23:59:59.999Z' < endOfDay('2023-04-30')).toBe(true);
  });
});

describe('readChanges', () => {
  it('pages through the log after a revision id, oldest first', async () => {
    const db = await freshDb();
    await ensureSeeded(db);
    const written = [];
    for (const value of [1, 2, 3]) {
      const result = await appendRevision(db, observation('platforms-total', { value }));
      if (result.ok) written.push(result.revision.id);
    }
    const seed = seedRevisions();
    expect((await readChanges(db, { limit: 2 }))!.map((r) => r.id)).toEqual([seed[0]!.id, seed[1]!.id]);
    const lastSeed = seed.at(-1)!.id;
    const page = await readChanges(db, { after: lastSeed, limit: 2 });
    expect(page!.map((r) => r.id)).toEqual(written.slice(0, 2));
    expect((await readChanges(db, { after: page!.at(-1)!.id, limit: 2 }))!.map((r) => r.id)).toEqual(written.slice(2));
    expect(await readChanges(db, { after: written[2]!, limit: 2 })).toEqual([]);
    expect(await readChanges(db, { after: 'no-such-revision', limit: 2 })).toBeUndefined();
  });
});
