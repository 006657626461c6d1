import { beforeEach, describe, expect, it } from 'vitest';
import { type AppendResult, appendRevision, d1Source, ensureSeeded, type LiveSnapshot } from '../../../worker/store';
import { countRevisions, freshDb, observation } from './support';

let db: D1Database;
beforeEach(async () => {
  db = await freshDb();
  await ensureSeeded(db);
});

/** The snapshot of the log as it is now (a new source: no cache). */
const snapshotNow = async (): Promise<LiveSnapshot> => (await d1Source(db).read()).snapshot;

/** Appends and expects success. */
async function append(body: unknown, options = {}): Promise<Extract<AppendResult, { ok: true }>> {
  const result = await appendRevision(db, body, options);
  if (!result.ok) throw new Error(`append failed: ${JSON.stringify(result)}`);
  return result;
}

describe('current value', () => {
  it('is the observation whose period ends last; within a period the latest revision wins', async () => {
    expect((await snapshotNow()).indicator('platforms-total')).toMatchObject({ value: 708, period: '2023-03-31' });

    const year = await append(observation('platforms-total', { period: '2023', value: 750 }));
    expect((await snapshotNow()).indicator('platforms-total')).toMatchObject({ value: 750, period: '2023' });

    // Published later, but June ends before December.
    await append(observation('platforms-total', { period: '2023-06', value: 720 }));
    expect((await snapshotNow()).indicator('platforms-total')).toMatchObject({ value: 750, period: '2023' });

    // A correction of an old period does not make it current.
    const march = await append(observation('platforms-total', { period: '2023-03-31', value: 709 }));
    expect(march.revision.replaces).toBe('seed-indicator-platforms-total');
    expect((await snapshotNow()).indicator('platforms-total')).toMatchObject({ value: 750, period: '2023' });

    // A correction of the current period wins, with its qualifier and figure.
    const corrected = await append(
      observation('platforms-total', { period: '2023', value: 800, qualifier: 'more_than', figure: '800多家' }),
    );
    expect(corrected.revision.replaces).toBe(year.revision.id);
    const snapshot = await snapshotNow();
    expect(snapshot.indicator('platforms-total')).toMatchObject({
      value: 800,
      qualifier: 'more_than',
      figure: '800多家',
      period: '2023',
      source: { publisher: { en: 'Zhuzhou Daily' }, quote: '800多家' },
    });
    expect(snapshot.series('platforms-total')!.map((p) => [p.period, p.value])).toEqual([
      ['2023-03-31', 709],
      ['2023-06', 720],
      ['2023', 800],
    ]);
    expect(snapshot.history('platforms-total')!.map((r) => r.seq)).toEqual(
      [...snapshot.history('platforms-total')!.map((r) => r.seq)].sort((a, b) => a - b),
    );
    expect(snapshot.history('platforms-total')).toHaveLength(5);
    expect(snapshot.indicatorVersion('platforms-total')).toBe(corrected.version);
    // The dataset changed today; the others did not.
    expect(snapshot.dataset('innovation-platforms')!.modified).toBe(corrected.revision.publishedAt.slice(0, 10));
    expect(snapshot.dataset('rd-investment')!.modified).toBe('2026-11-27');
  });

  it('orders an interval by its end, not its start', async () => {
    await append(observation('platforms-total', { period: '2023', value: 750 }));
    await append(observation('platforms-total', { period: '2023-04-19/2024-01-15', value: 760 }));
    await append(observation('platforms-total', { period: '2023-12', value: 770 }));
    expect((await snapshotNow()).indicator('platforms-total')).toMatchObject({ value: 760 });
  });

  it('keeps the figure text when there is none and formats the value instead', async () => {
    await append(observation('tech-contract-turnover-2022', { period: '2023', value: 31_000_000_000 }));
    expect((await snapshotNow()).indicator('tech-contract-turnover-2022')).toMatchObject({ figure: '310亿元' });
  });
});

describe('concurrent writes', () => {
  it('with one expected version: exactly one of 20 racing writers wins, the others learn its version', async () => {
    const expected = (await snapshotNow()).indicatorVersion('platforms-total');
    expect(expected).toBeGreaterThan(0);
    const before = await countRevisions(db);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        appendRevision(db, observation('platforms-total', { value: 700 + n }), { ifMatch: expected }),
      ),
    );
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const winner = winners[0]!;
    expect(results.filter((r) => !r.ok)).toEqual(
      Array.from({ length: 19 }, () => ({ ok: false, reason: 'version-mismatch', version: winner.version })),
    );
    expect(await countRevisions(db)).toBe(before + 1);
    expect((await snapshotNow()).indicatorVersion('platforms-total')).toBe(winner.version);
  });

  it('a stale expected version writes nothing', async () => {
    const expected = (await snapshotNow()).indicatorVersion('platforms-total');
    await append(observation('platforms-total', { value: 1 }), { ifMatch: expected });
    const before = await countRevisions(db);
    expect(await appendRevision(db, observation('platforms-total', { value: 2 }), { ifMatch: expected })).toMatchObject(
      {
        ok: false,
        reason: 'version-mismatch',
      },
    );
    expect(await countRevisions(db)).toBe(before);
  });

  it('without an expected version: all 10 concurrent writes land', async () => {
    const before = await countRevisions(db);
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        appendRevision(db, observation('platforms-total', { period: `2023-0${n}`.replace('-00', '-10'), value: n })),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => (r.ok ? r.version : 0))).size).toBe(10);
    expect(await countRevisions(db)).toBe(before + 10);
    expect((await snapshotNow()).series('platforms-total')).toHaveLength(11);
  });
});

describe('idempotency keys', () => {
  it('same key and body: the first result again, nothing written', async () => {
    const body = observation('platforms-total', { value: 710 });
    const first = await append(body, { idempotencyKey: 'k-1' });
    const before = await countRevisions(db);
    const again = await append(structuredClone(body), { idempotencyKey: 'k-1' });
    expect(again).toEqual({ ...first, replayed: true });
    expect(await countRevisions(db)).toBe(before);
  });

  it('same key and body, racing: one write, the rest are replays of it', async () => {
    const before = await countRevisions(db);
    const body = observation('platforms-total', { value: 710 });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => appendRevision(db, body, { idempotencyKey: 'k-race' })),
    );
    expect(await countRevisions(db)).toBe(before + 1);
    expect(results.filter((r) => r.ok && !r.replayed)).toHaveLength(1);
    expect(new Set(results.map((r) => (r.ok ? r.revision.id : 'failed')))).toHaveProperty('size', 1);
  });

  it('same key, other body: a conflict, nothing written', async () => {
    await append(observation('platforms-total', { value: 710 }), { idempotencyKey: 'k-2' });
    const before = await countRevisions(db);
    const other = await appendRevision(db, observation('platforms-total', { value: 711 }), { idempotencyKey: 'k-2' });
    expect(other).toMatchObject({ ok: false, reason: 'idempotency-key-reused' });
    expect(await countRevisions(db)).toBe(before);
  });
});

describe('withdrawal', () => {
  it('takes the indicator out of the current data, keeps its history, refuses new figures and its id', async () => {
    const withdrawn = await append({
      kind: 'withdrawal',
      indicator: 'platforms-national',
      reason: 'double counted',
      publisher: 'test-token',
    });
    const snapshot = await snapshotNow();
    expect(snapshot.indicator('platforms-national')).toBeUndefined();
    expect(snapshot.dataset('innovation-platforms')!.indicators.map((i) => i.id)).not.toContain('platforms-national');
    expect(snapshot.withdrawal('platforms-national')).toMatchObject({
      id: withdrawn.revision.id,
      reason: 'double counted',
    });
    expect(snapshot.history('platforms-national')!.map((r) => r.kind)).toEqual(['indicator', 'withdrawal']);
    expect(snapshot.series('platforms-national')).toHaveLength(1);

    const before = await countRevisions(db);
    expect(await appendRevision(db, observation('platforms-national'))).toMatchObject({
      ok: false,
      reason: 'withdrawn',
    });
    expect(
      await appendRevision(db, {
        kind: 'withdrawal',
        indicator: 'platforms-national',
        reason: 'again',
        publisher: 't',
      }),
    ).toMatchObject({ ok: false, reason: 'withdrawn' });
    const definition = snapshotIndicatorBody('platforms-national', 'innovation-platforms');
    expect(await appendRevision(db, definition)).toMatchObject({ ok: false, reason: 'exists' });
    expect(await countRevisions(db)).toBe(before);
  });

  it('of an unknown indicator is refused', async () => {
    expect(
      await appendRevision(db, { kind: 'withdrawal', indicator: 'no-such-thing', reason: 'x', publisher: 't' }),
    ).toMatchObject({ ok: false, reason: 'not-found', issues: [{ field: 'indicator' }] });
  });
});

/** A valid body that creates indicator `id` in `dataset`. */
function snapshotIndicatorBody(id: string, dataset: string, extra: Record<string, unknown> = {}) {
  return {
    kind: 'indicator',
    dataset,
    indicator: {
      id,
      label: { zh: '新型研发机构', en: 'New-type R&D institutions' },
      unit: 'count',
      unitLabel: { zh: '家', en: 'institutions' },
      kind: 'actual',
      measure: 'level',
    },
    period: '2023-06-30',
    value: 25,
    qualifier: 'at_least',
    figure: '25家以上',
    source: {
      publisher: { zh: '株洲市科技局', en: 'Zhuzhou Science and Technology Bureau' },
      title: { zh: '上半年工作总结', en: 'First-half report' },
      quote: '新型研发机构达25家以上。',
    },
    reason: 'new indicator',
    publisher: 'test-token',
    ...extra,
  };
}

const datasetBody = (id: string) => ({
  kind: 'dataset',
  dataset: {
    id,
    title: { zh: '新型研发机构', en: 'New-type R&D institutions' },
    description: { zh: '株洲的新型研发机构。', en: 'New-type R&D institutions in Zhuzhou.' },
    issued: '2026-11-28',
    modified: '2026-11-28',
  },
  reason: 'new dataset',
  publisher: 'test-token',
});

describe('new datasets and indicators', () => {
  it('a dataset is listed once it has an indicator, which carries its first observation', async () => {
    await append(datasetBody('rd-institutions'));
    expect((await snapshotNow()).dataset('rd-institutions')).toBeUndefined();
    const created = await append(snapshotIndicatorBody('rd-institutions-total', 'rd-institutions'));
    const snapshot = await snapshotNow();
    expect(snapshot.dataset('rd-institutions')!.indicators.map((i) => i.id)).toEqual(['rd-institutions-total']);
    expect(snapshot.indicator('rd-institutions-total')).toMatchObject({
      value: 25,
      qualifier: 'at_least',
      figure: '25家以上',
      dataset: 'rd-institutions',
    });
    expect(snapshot.indicatorVersion('rd-institutions-total')).toBe(created.version);
    expect(snapshot.datasets.at(-1)!.id).toBe('rd-institutions');
  });

  it('ids are never reused', async () => {
    expect(await appendRevision(db, datasetBody('rd-investment'))).toMatchObject({ ok: false, reason: 'exists' });
    expect(await appendRevision(db, snapshotIndicatorBody('platforms-total', 'rd-investment'))).toMatchObject({
      ok: false,
      reason: 'exists',
    });
  });

  it('an indicator needs an existing dataset', async () => {
    expect(await appendRevision(db, snapshotIndicatorBody('orphan', 'no-such-dataset'))).toMatchObject({
      ok: false,
      reason: 'not-found',
      issues: [{ field: 'dataset' }],
    });
  });

  it('bad input is refused with field paths, and nothing is written', async () => {
    const before = await countRevisions(db);
    const refused = async (body: unknown) => {
      const result = await appendRevision(db, body);
      if (result.ok || result.reason !== 'invalid') throw new Error(`not refused: ${JSON.stringify(result)}`);
      return result.issues.map((i) => i.field);
    };
    const bad = snapshotIndicatorBody('x', 'rd-investment');
    expect(await refused({ ...bad, indicator: { ...bad.indicator, label: { zh: '新' } } })).toEqual([
      'indicator.label.en',
    ]);
    expect(await refused({ ...bad, indicator: { ...bad.indicator, id: 'Not_A_Slug' } })).toEqual(['indicator.id']);
    expect(await refused({ ...bad, indicator: { ...bad.indicator, unit: 'yuan' } })).toEqual(['indicator.unit']);
    expect(await refused({ ...bad, colour: 'red' })).toEqual(['colour']);
    // The qualifier of 以上 is data: it may not be dropped.
    expect(await refused({ ...bad, qualifier: 'exact' })).toEqual(['qualifier']);
    expect(await refused({ ...bad, value: 2.5e9 })).toEqual(['value']);
    expect(await refused({ ...bad, figure: '30家以上' })).toEqual(['value', 'figure']);
    expect(
      await refused({ ...datasetBody('ok-id'), dataset: { ...datasetBody('ok-id').dataset, issued: '2026-13-01' } }),
    ).toEqual(['dataset.issued']);
    expect(await refused(observation('platforms-total', { period: '2023-4' }))).toEqual(['period']);
    expect(await refused(observation('platforms-total', { value: '708' }))).toEqual(['value']);
    expect(await refused(observation('platforms-total', { source: { quote: 'x' } }))).toEqual([
      'source.publisher',
      'source.title',
    ]);
    expect(await refused({ kind: 'rename', reason: 'x', publisher: 't' })).toEqual(['kind']);
    expect(await refused(observation('platforms-total', { reason: '  ' }))).toEqual(['reason']);
    expect(await countRevisions(db)).toBe(before);
  });
});

describe('news', () => {
  it('a news item is added, and a later revision with its id corrects it in place', async () => {
    const body = {
      kind: 'news',
      news: {
        id: 'job-fair-guizhou',
        date: '2023-04-19/2023-04-21',
        title: { zh: '招聘会走进贵州', en: 'Job fair goes to Guizhou' },
        summary: { zh: '更正后的摘要。', en: 'Corrected summary.' },
      },
      source: { publisher: { zh: '株洲日报', en: 'Zhuzhou Daily' }, title: { zh: '更正', en: 'Correction' } },
      reason: 'summary corrected',
      publisher: 'test-token',
    };
    const corrected = await append(body);
    expect(corrected.revision.replaces).toBe('seed-news-job-fair-guizhou');
    const fresh = await append({ ...body, news: { ...body.news, id: 'new-event', date: '2023-05-01' } });
    expect(fresh.revision.replaces).toBeUndefined();
    const { news } = await snapshotNow();
    expect(news[0]).toMatchObject({ id: 'job-fair-guizhou', summary: { en: 'Corrected summary.' } });
    expect(news.at(-1)).toMatchObject({ id: 'new-event' });
  });
});

describe('the log', () => {
  it('is append-only', async () => {
    await expect(
      db.prepare("UPDATE revisions SET value = 1 WHERE id = 'seed-indicator-platforms-total'").run(),
    ).rejects.toThrow(/append-only/);
    await expect(db.prepare('DELETE FROM revisions').run()).rejects.toThrow(/append-only/);
  });

  it('answers the hot queries from its indexes', async () => {
    const plan = async (sql: string, ...params: unknown[]) =>
      (
        await db
          .prepare(`EXPLAIN QUERY PLAN ${sql}`)
          .bind(...params)
          .all<{ detail: string }>()
      ).results
        .map((r) => r.detail)
        .join(' | ');
    expect(await plan('SELECT max(seq) FROM revisions WHERE subject = ?', 'indicator:x')).toMatch(
      /revisions_by_subject/,
    );
    expect(await plan('SELECT seq FROM revisions WHERE subject = ? ORDER BY seq', 'indicator:x')).not.toMatch(
      /TEMP B-TREE/,
    );
    expect(
      await plan(
        'SELECT id FROM revisions WHERE subject = ? AND period IS NOT NULL ORDER BY period_end DESC, seq DESC LIMIT 1',
        'indicator:x',
      ),
    ).toMatch(/revisions_observed/);
    expect(
      await plan(
        'SELECT seq FROM revisions WHERE published_at < ? ORDER BY published_at DESC, seq DESC LIMIT 1',
        '2023-05-01',
      ),
    ).toMatch(/COVERING INDEX revisions_published/);
    expect(await plan('SELECT seq FROM revisions WHERE idempotency_key = ?', 'k')).toMatch(/revisions_idempotency/);
    expect(await plan('SELECT seq, id FROM revisions ORDER BY seq DESC LIMIT 1')).not.toMatch(/TEMP B-TREE/);
    expect(
      await plan(
        'SELECT seq FROM revisions WHERE seq > (SELECT seq FROM revisions WHERE id = ?) ORDER BY seq LIMIT 50',
        'r',
      ),
    ).toMatch(/sqlite_autoindex_revisions_1/);
  });
});
