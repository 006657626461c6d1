import { env } from 'cloudflare:workers';
import { describe, expect, it, vi } from 'vitest';
import { files } from '../../../data';
import { loadData } from '../../../worker/data-source';
import { appendRevision, d1Source, dataStateHeader, ensureSeeded } from '../../../worker/store';
import { breakableDb, countingDb, countRevisions, freshDb, manualClock, observation } from './support';

const bundled = loadData(files);
const bundledIndicators = bundled.datasets.flatMap((d) => d.indicators);
const isVersionCheck = (sql: string) => sql.startsWith('SELECT seq, id FROM revisions ORDER BY seq DESC');

describe('version checks', () => {
  it('happen at most once per second per isolate, and a new snapshot is built only for a new version', async () => {
    const raw = await freshDb();
    const clock = manualClock();
    const { db, queries } = countingDb(raw);
    const source = d1Source(db, { now: clock.now });
    const first = await source.current();
    const afterFirst = queries.length;

    for (let n = 0; n < 50; n++) expect(await source.current()).toBe(first);
    clock.advance(999);
    await Promise.all(Array.from({ length: 20 }, () => source.current()));
    expect(queries.length).toBe(afterFirst);

    // Another isolate writes: not seen until the second is over, then seen after one check and one rebuild.
    await appendRevision(raw, observation('platforms-total', { period: '2023', value: 750 }));
    expect((await source.current()).indicator('platforms-total')!.value).toBe(708);
    clock.advance(1);
    const [a, concurrent] = await Promise.all([source.current(), source.current()]);
    expect(a.indicator('platforms-total')!.value).toBe(750);
    // A request that comes while the check runs is answered from the previous check, never waits on another
    // request's D1 call, and makes no query of its own.
    expect(concurrent).toBe(first);
    expect(await source.current()).toBe(a);
    expect(a.version).not.toBe(first.version);
    const checks = queries.slice(afterFirst);
    expect(checks.filter(isVersionCheck)).toHaveLength(1);
    expect(checks).toHaveLength(2); // the check, and the read of the log for the new version

    // Only the new revisions were read (and the known head, to check it is the same log); the result is what a full
    // read gives.
    expect(checks[1]).toMatch(/WHERE seq >= \? AND seq <= \?/);
    const full = await d1Source(raw).current();
    expect(a.revisions).toStrictEqual(full.revisions);
    expect(a.indicators).toStrictEqual(full.indicators);

    // Nothing new: one check a second, the same snapshot object, no rebuild.
    clock.advance(1000);
    expect(await source.current()).toBe(a);
    expect(queries.slice(afterFirst + 2)).toHaveLength(1);
  });

  it('a rebuilt database is read in full, not appended to the old log', async () => {
    const clock = manualClock();
    const source = d1Source(await freshDb(), { now: clock.now });
    await source.append(observation('platforms-total', { value: 1 }));
    const before = await source.current();
    // Same number of revisions plus more, but another history: the local database was deleted and seeded again.
    const db = await freshDb();
    await ensureSeeded(db);
    await appendRevision(db, observation('platforms-total', { period: '2023', value: 7 }));
    await appendRevision(db, observation('platforms-total', { value: 8 }));
    clock.advance(1000);
    const after = await source.current();
    expect(after.version).not.toBe(before.version);
    expect(after.series('platforms-total')!.map((p) => p.value)).toEqual([708, 8, 7]);
    expect(after.revisions.map((r) => r.seq)).toEqual(after.revisions.map((_, n) => n + 1));
  });

  it('a write through the source is seen by its very next read, without waiting', async () => {
    const clock = manualClock();
    const { db, queries } = countingDb(await freshDb());
    const source = d1Source(db, { now: clock.now });
    const before = await source.current();
    const result = await source.append(observation('platforms-total', { period: '2023', value: 751 }), {
      ifMatch: before.indicatorVersion('platforms-total'),
    });
    expect(result.ok).toBe(true);
    // The write refreshed the isolate's snapshot in the writer's own request: the next read needs no query.
    const queried = queries.length;
    const after = await source.current();
    expect(queries.length).toBe(queried);
    expect(after.indicator('platforms-total')).toMatchObject({ value: 751, period: '2023' });
    expect(after.indicatorVersion('platforms-total')).toBe(result.ok ? result.version : -1);
  });

  it('the first write to an empty store comes after the seed', async () => {
    const db = await freshDb();
    const result = await d1Source(db).append(observation('platforms-total', { value: 5 }));
    expect(result).toMatchObject({ ok: true, revision: { kind: 'observation', observation: { value: 5 } } });
    expect(await countRevisions(db)).toBe((await d1Source(db).current()).revisions.length);
    expect((await d1Source(db).current()).history('platforms-total')!.map((r) => r.kind)).toEqual([
      'indicator',
      'observation',
    ]);
  });
});

describe('when D1 fails', () => {
  it('without tables: serves the bundled data, says so, and creates nothing', async () => {
    const source = d1Source(env.EMPTY_DB);
    const read = await source.read();
    expect(read).toMatchObject({ state: 'fallback', problem: 'not-migrated' });
    expect(dataStateHeader(read)).toBe('fallback; problem=not-migrated');
    expect(read.snapshot.datasets).toStrictEqual(bundled.datasets);
    expect(read.snapshot.news).toStrictEqual(bundled.news);
    expect(read.snapshot.series('platforms-total')).toMatchObject([{ period: '2023-03-31', value: 708 }]);
    expect((await env.EMPTY_DB.prepare('SELECT count(*) AS n FROM sqlite_master').first<{ n: number }>())!.n).toBe(0);
  });

  it('without a binding: serves the bundled data', async () => {
    const read = await d1Source(undefined).read();
    expect(read).toMatchObject({ state: 'fallback', problem: 'no-binding' });
    expect(read.snapshot.indicators).toStrictEqual(bundledIndicators);
  });

  it('throwing from the start: serves the bundled data', async () => {
    const { db, broken } = breakableDb(await freshDb());
    broken.value = true;
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const read = await d1Source(db).read();
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
    expect(read).toMatchObject({ state: 'fallback', problem: 'store-error' });
    expect(read.snapshot.indicators).toStrictEqual(bundledIndicators);
  });

  it('throwing later: serves the last good snapshot as stale, and is live again once D1 is back', async () => {
    const raw = await freshDb();
    await ensureSeeded(raw);
    await appendRevision(raw, observation('platforms-total', { period: '2023', value: 760 }));
    const clock = manualClock();
    const { db, broken } = breakableDb(raw);
    const source = d1Source(db, { now: clock.now });
    const good = await source.read();
    expect(good.state).toBe('live');
    expect(dataStateHeader(good)).toBe('live');

    broken.value = true;
    clock.advance(1000);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const stale = await source.read();
    // Within the second, no new attempt: the failing D1 is not hammered.
    expect(await source.read()).toBe(stale);
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
    expect(stale).toMatchObject({ state: 'stale', problem: 'store-error' });
    expect(stale.snapshot).toBe(good.snapshot);
    expect(stale.snapshot.indicator('platforms-total')!.value).toBe(760);

    broken.value = false;
    clock.advance(1000);
    expect(await source.read()).toEqual({ snapshot: good.snapshot, state: 'live' });
  });
});

describe('vintages', () => {
  it('2023-04-30 is the article, whatever was published since', async () => {
    const db = await freshDb();
    const source = d1Source(db);
    await source.current();
    await source.append(observation('platforms-total', { period: '2023', value: 790 }));
    await source.append(observation('platforms-total', { period: '2023-03-31', value: 709 }));
    await source.append({ kind: 'withdrawal', indicator: 'job-fair-positions', reason: 'x', publisher: 't' });
    expect((await source.current()).indicator('platforms-total')!.value).toBe(790);

    const vintage = await source.vintage('2023-04-30');
    expect(vintage!.state).toBe('live');
    expect(vintage!.snapshot.indicators).toStrictEqual(bundledIndicators);
    expect(vintage!.snapshot.datasets).toStrictEqual(bundled.datasets);
    expect(vintage!.snapshot.news).toStrictEqual(bundled.news);
    expect(vintage!.snapshot.version).not.toBe((await source.current()).version);
    expect(await source.vintage('2023-04-30')).toEqual(vintage);

    expect(await source.vintage('2023-04-27')).toBeUndefined();
    const today = new Date().toISOString().slice(0, 10);
    expect((await source.vintage(today))!.snapshot.indicator('platforms-total')!.value).toBe(790);
    expect((await source.vintage(today))!.snapshot.indicator('job-fair-positions')).toBeUndefined();
  });

  it('without tables: 2023-04-30 is still the article', async () => {
    const vintage = await d1Source(env.EMPTY_DB).vintage('2023-04-30');
    expect(vintage).toMatchObject({ state: 'fallback', problem: 'not-migrated' });
    expect(vintage!.snapshot.indicators).toStrictEqual(bundledIndicators);
  });

  it('refuses a day that is not an ISO date', async () => {
    await expect(d1Source(undefined).vintage('2023-4-30')).rejects.toThrow(/ISO 8601 date/);
  });
});
