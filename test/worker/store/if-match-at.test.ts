import { beforeEach, describe, expect, it } from 'vitest';
import { appendRevision, ensureSeeded, readHead } from '../../../worker/store';
import { countRevisions, freshDb, observation } from './support';

let db: D1Database;
beforeEach(async () => {
  db = await freshDb();
  await ensureSeeded(db);
});

/** `ifMatchAt`: the compare-and-set of an ETag, which carries a log position rather than the subject's version. */
describe('appendRevision with ifMatchAt', () => {
  it('writes while the subject has no revision after the position, whatever else was written', async () => {
    const { seq } = (await readHead(db))!;
    // Another indicator moves on: this one's copy is still current.
    expect((await appendRevision(db, observation('platforms-national'))).ok).toBe(true);
    const first = await appendRevision(db, observation('platforms-total', { value: 2 }), { ifMatchAt: seq });
    expect(first.ok).toBe(true);
    // Now it has one: the same position is stale, and the store says the current version.
    const stale = await appendRevision(db, observation('platforms-total', { value: 3 }), { ifMatchAt: seq });
    expect(stale).toMatchObject({ ok: false, reason: 'version-mismatch', version: first.ok ? first.version : -1 });
    const count = await countRevisions(db);
    const fresh = await appendRevision(db, observation('platforms-total', { value: 3 }), {
      ifMatchAt: first.ok ? first.version : -1,
    });
    expect(fresh.ok).toBe(true);
    expect(await countRevisions(db)).toBe(count + 1);
  });

  it('refuses a position the log never had', async () => {
    const { seq } = (await readHead(db))!;
    const count = await countRevisions(db);
    const result = await appendRevision(db, observation('platforms-total'), { ifMatchAt: seq + 1000 });
    expect(result).toMatchObject({ ok: false, reason: 'version-mismatch' });
    expect(await countRevisions(db)).toBe(count);
  });

  it('lets exactly one of racing writers with the same position win', async () => {
    const { seq } = (await readHead(db))!;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        appendRevision(db, observation('platforms-total', { value: n }), { ifMatchAt: seq }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'version-mismatch')).toHaveLength(9);
  });
});
