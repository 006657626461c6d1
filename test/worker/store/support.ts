/** Helpers of the store tests: a fresh migrated D1, D1 wrappers that count or fail, and write bodies. */
import { applyD1Migrations, reset } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

/** The test D1 binding, emptied and migrated again: every test starts from an empty log. */
export async function freshDb(): Promise<D1Database> {
  await reset();
  await applyD1Migrations(env.DB!, env.TEST_MIGRATIONS);
  return env.DB!;
}

/** Rows in the log. */
export async function countRevisions(db: D1Database): Promise<number> {
  return (await db.prepare('SELECT count(*) AS n FROM revisions').first<{ n: number }>())!.n;
}

/** `db` with a count of the statements it prepared. */
export function countingDb(db: D1Database): { db: D1Database; queries: string[] } {
  const queries: string[] = [];
  const counting = {
    prepare(query: string) {
      queries.push(query);
      return db.prepare(query);
    },
    batch: (statements: D1PreparedStatement[]) => db.batch(statements),
    exec: (query: string) => db.exec(query),
    withSession: () => {
      throw new Error('not used');
    },
    dump: () => db.dump(),
  };
  return { db: counting as unknown as D1Database, queries };
}

/** `db` that works until `broken.value` is set, then fails like an unreachable D1. */
export function breakableDb(db: D1Database): { db: D1Database; broken: { value: boolean } } {
  const broken = { value: false };
  const fail = () => Promise.reject(new Error('D1_ERROR: Network connection lost.'));
  const breakable = {
    prepare(query: string) {
      const statement = db.prepare(query);
      return new Proxy(statement, {
        get(target, name) {
          if (broken.value && (name === 'first' || name === 'all' || name === 'run' || name === 'raw')) return fail;
          const value = Reflect.get(target, name, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    },
    batch: (statements: D1PreparedStatement[]) => (broken.value ? fail() : db.batch(statements)),
  };
  return { db: breakable as unknown as D1Database, broken };
}

/** A clock the test moves by hand. */
export function manualClock(start = Date.parse('2026-11-28T08:00:00Z')) {
  const clock = { ms: start, now: () => clock.ms, advance: (ms: number) => (clock.ms += ms) };
  return clock;
}

const article = {
  publisher: { zh: '株洲日报', en: 'Zhuzhou Daily' },
  title: { zh: '这场“攻坚战” 株洲这样打', en: 'How Zhuzhou is fighting this "tough battle"' },
};

/** A valid observation body for `indicator`; `extra` overrides fields. */
export function observation(indicator: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'observation',
    indicator,
    period: '2023-06-30',
    value: 1,
    qualifier: 'exact',
    source: { ...article, url: 'https://example.com/report' },
    reason: 'test',
    publisher: 'test-token',
    ...extra,
  };
}
