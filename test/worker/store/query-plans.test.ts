/**
 * The query plans of the Worker's reads of the log, with the real migrations: each uses the index the migration's
 * header names for it, never a scan of the table where an index is meant, and never a sort (`USE TEMP B-TREE`). The
 * plans are SQLite's without statistics (D1 runs no ANALYZE), the same at 83 revisions as at 100,000 (`npm run scale`
 * prints them on a log of 100,100).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureSeeded } from '../../../worker/store';
import { READ_COLUMNS } from '../../../worker/store/revision';
import { freshDb } from './support';

let db: D1Database;
beforeAll(async () => {
  db = await freshDb();
  await ensureSeeded(db);
});

async function plan(sql: string, ...params: unknown[]): Promise<string[]> {
  const { results } = await db
    .prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .bind(...params)
    .all<{ detail: string }>();
  return results.map((r) => r.detail);
}

const STATEMENTS: { name: string; sql: string; params: unknown[]; uses: RegExp[] }[] = [
  {
    name: "an indicator's history",
    sql: `SELECT ${READ_COLUMNS} FROM revisions WHERE subject = ? ORDER BY seq`,
    params: ['indicator:platforms-total'],
    uses: [/^SEARCH revisions USING INDEX revisions_by_subject \(subject=\?\)$/],
  },
  {
    name: "an indicator's current value",
    sql: `SELECT ${READ_COLUMNS} FROM revisions WHERE subject = ? AND period IS NOT NULL ORDER BY period_end DESC, seq DESC LIMIT 1`,
    params: ['indicator:platforms-total'],
    uses: [/^SEARCH revisions USING INDEX revisions_observed \(subject=\?\)$/],
  },
  {
    name: 'the change log after a cursor',
    sql: `SELECT ${READ_COLUMNS} FROM revisions WHERE seq > (SELECT seq FROM revisions WHERE id = ?) ORDER BY seq LIMIT ?`,
    params: ['seed-indicator-platforms-total', 100],
    uses: [
      /^SEARCH revisions USING INTEGER PRIMARY KEY \(rowid>\?\)$/,
      /^SEARCH revisions USING COVERING INDEX sqlite_autoindex_revisions_1 \(id=\?\)$/,
    ],
  },
  {
    name: 'a chunk of the log (the snapshot)',
    sql: `SELECT ${READ_COLUMNS} FROM revisions WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ?`,
    params: [1, 100, 5000],
    uses: [/^SEARCH revisions USING INTEGER PRIMARY KEY \(rowid>\? AND rowid<\?\)$/],
  },
  {
    name: 'a chunk of a vintage',
    sql: `SELECT ${READ_COLUMNS} FROM revisions WHERE seq > ? AND published_at < ? ORDER BY seq LIMIT ?`,
    params: [0, '2023-05-01T00:00:00.000Z', 5000],
    uses: [/^SEARCH revisions USING INTEGER PRIMARY KEY \(rowid>\?\)$/],
  },
];

describe('query plans of the log', () => {
  for (const statement of STATEMENTS)
    it(`${statement.name}: by its index, no scan, no sort`, async () => {
      const details = await plan(statement.sql, ...statement.params);
      for (const uses of statement.uses)
        expect(
          details.some((d) => uses.test(d)),
          details.join('; '),
        ).toBe(true);
      expect(details.filter((d) => /^SCAN revisions\b/.test(d) || /USE TEMP B-TREE/.test(d))).toEqual([]);
    });
});
