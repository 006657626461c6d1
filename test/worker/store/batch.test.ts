import { beforeEach, describe, expect, it } from 'vitest';
import { appendRevision, appendRevisions, ensureSeeded } from '../../../worker/store';
import { countRevisions, freshDb, observation } from './support';

let db: D1Database;
beforeEach(async () => {
  db = await freshDb();
  await ensureSeeded(db);
});

const dataset = (id: string) => ({
  kind: 'dataset',
  dataset: {
    id,
    title: { zh: '新数据集', en: 'A new dataset' },
    description: { zh: '说明', en: 'About it' },
    issued: '2026-11-28',
    modified: '2026-11-28',
  },
  reason: 'new',
  publisher: 'test-token',
});

describe('appendRevisions', () => {
  it('names every invalid row by revisions.<n>.<field> and writes none', async () => {
    const before = await countRevisions(db);
    const result = await appendRevisions(db, [
      observation('platforms-total'),
      observation('platforms-total', { value: 'many' }),
      observation('platforms-total'),
      observation('platforms-total', { source: { publisher: { en: 'x' }, title: { zh: 't', en: 't' } } }),
    ]);
    expect(result).toMatchObject({ ok: false, reason: 'invalid' });
    const fields = result.ok || result.reason !== 'invalid' ? [] : result.issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['revisions.1.value', 'revisions.3.source.publisher.zh']));
    expect(fields.every((f) => /^revisions\.[13]\./.test(f))).toBe(true);
    expect(await countRevisions(db)).toBe(before);
  });

  it('checks rows against the log and the rows before them', async () => {
    const before = await countRevisions(db);
    const result = await appendRevisions(db, [
      { kind: 'withdrawal', indicator: 'platforms-total', reason: 'gone', publisher: 'p' },
      observation('platforms-total'),
      observation('no-such-indicator'),
      dataset('innovation-platforms'),
    ]);
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== 'rejected') throw new Error(JSON.stringify(result));
    expect(result.issues.map((i) => [i.field, i.reason])).toEqual([
      ['revisions.1.indicator', 'withdrawn'],
      ['revisions.2.indicator', 'not-found'],
      ['revisions.3.dataset.id', 'exists'],
    ]);
    expect(await countRevisions(db)).toBe(before);
  });

  it('writes rows that build on each other in one go, in order', async () => {
    const result = await appendRevisions(db, [
      dataset('new-data'),
      observation('platforms-total', { period: '2024', value: 5 }),
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.revisions.map((r) => r.kind)).toEqual(['dataset', 'observation']);
    expect(result.revisions[1]!.seq).toBe(result.revisions[0]!.seq + 1);
  });

  it('rolls the whole batch back when a racing write makes a row fail at write time', async () => {
    // The racing write lands after the batch checked the log and before it writes.
    const racing = new Proxy(db, {
      get(target, name) {
        if (name === 'batch')
          return async (statements: D1PreparedStatement[]) => {
            await appendRevision(db, { kind: 'withdrawal', indicator: 'platforms-total', reason: 'r', publisher: 'p' });
            return target.batch(statements);
          };
        const value = Reflect.get(target, name, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const before = await countRevisions(db);
    const result = await appendRevisions(racing, [
      observation('platforms-national', { period: '2024', value: 1 }),
      observation('platforms-total', { period: '2024', value: 2 }),
    ]);
    expect(result).toMatchObject({ ok: false, reason: 'rejected', issues: [{ field: 'revisions.1.indicator' }] });
    // The withdrawal is there; neither row of the batch is, not even the first, which was fine.
    expect(await countRevisions(db)).toBe(before + 1);
  });

  it('replays a batch for its idempotency key, and refuses the key for another batch', async () => {
    const rows = [observation('platforms-total', { period: '2024', value: 3 }), observation('platforms-national')];
    const first = await appendRevisions(db, rows, { idempotencyKey: 'batch-1' });
    const count = await countRevisions(db);
    const again = await appendRevisions(db, structuredClone(rows), { idempotencyKey: 'batch-1' });
    expect(again).toMatchObject({ ok: true, replayed: true });
    if (!first.ok || !again.ok) throw new Error('not written');
    expect(again.revisions.map((r) => r.id)).toEqual(first.revisions.map((r) => r.id));
    expect(await countRevisions(db)).toBe(count);
    expect(await appendRevisions(db, rows.slice(0, 1), { idempotencyKey: 'batch-1' })).toEqual({
      ok: false,
      reason: 'idempotency-key-reused',
    });
    // A single write with the batch's key is another body too.
    expect(await appendRevision(db, rows[0], { idempotencyKey: 'batch-1' })).toMatchObject({
      ok: false,
      reason: 'idempotency-key-reused',
    });
  });
});
