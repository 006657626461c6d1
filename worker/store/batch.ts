/**
 * A batch of revisions, all or nothing: every input is validated and checked against the log (and against the rows
 * before it in the batch) first, so every bad row is named; then all rows are written in one `db.batch`, one
 * transaction: each row's guarded insert, then one assertion that every row was written. A row that a racing writer
 * made invalid in between is not inserted, the assertion fails, and the whole batch rolls back.
 */
import { sha256Hex } from '../data-source/snapshot';
import { canonical, insertSql } from './append';
import { type FieldIssue, parseRevisionInput, type RevisionInput } from './input';
import {
  fromRow,
  inputSubject,
  READ_COLUMNS,
  type Revision,
  type RevisionRow,
  subjectOf,
  toWriteValues,
  WRITE_COLUMNS,
} from './revision';

/**
 * Most revisions one batch may hold: the batch is one statement per row plus one, and a request of the Workers Free
 * plan may make 50 D1 queries, a few of which the request needs besides.
 */
export const MAX_BATCH = 40;

/** Why a valid row cannot be written now: its subject is unknown, taken, or withdrawn. */
export interface RowIssue extends FieldIssue {
  reason: 'not-found' | 'exists' | 'withdrawn';
}

/** What became of a batch. Only `ok: true` with `replayed: false` wrote something. */
export type BatchResult =
  | { ok: true; revisions: Revision[]; replayed: boolean }
  | { ok: false; reason: 'invalid'; issues: FieldIssue[] }
  | { ok: false; reason: 'rejected'; issues: RowIssue[] }
  | { ok: false; reason: 'idempotency-key-reused' };

/** Options of {@link appendRevisions}. */
export interface BatchOptions {
  /** A retry with the same key and the same list returns the first result and writes nothing. */
  idempotencyKey?: string;
  newId?: () => string;
}

/** What the log knows of a subject, as the batch's rows change it. */
interface SubjectState {
  created: boolean;
  withdrawn: boolean;
  exists: boolean;
}

const STATE_SQL = `SELECT subject,
  max(kind IN ('dataset', 'indicator')) AS created,
  max(kind = 'withdrawal') AS withdrawn
FROM revisions WHERE subject IN (SELECT value FROM json_each(?1)) GROUP BY subject`;

/** The subjects a row needs to know about: its own, and for a new indicator its dataset. */
const subjectsOf = (input: RevisionInput): string[] => [
  inputSubject(input),
  ...(input.kind === 'indicator' ? [subjectOf('dataset', input.dataset)] : []),
];

/** What is known of each subject (`indicator:<id>`, …) before the rows: absent means unknown. */
export type SubjectLookup = (subject: string) => Omit<SubjectState, 'exists'> | undefined;

/**
 * Checks each row against the state of the log and the rows before it, as the guards of `insertSql` will, naming each
 * failing row's field with `at(n, field)` (`revisions.<n>.<field>` for a batch).
 */
export function checkInputs(
  inputs: readonly RevisionInput[],
  lookup: SubjectLookup,
  at: (n: number, field: string) => string = (n, field) => `revisions.${n}.${field}`,
): RowIssue[] {
  const state = new Map<string, SubjectState>();
  const of = (subject: string): SubjectState => {
    const known = state.get(subject) ?? lookup(subject);
    return known ? { exists: true, ...known } : { created: false, withdrawn: false, exists: false };
  };
  const issues: RowIssue[] = [];
  inputs.forEach((input, n) => {
    const subject = inputSubject(input);
    const own = of(subject);
    switch (input.kind) {
      case 'observation':
      case 'withdrawal':
        if (!own.created)
          issues.push({ field: at(n, 'indicator'), message: `no indicator "${input.indicator}"`, reason: 'not-found' });
        else if (own.withdrawn)
          issues.push({
            field: at(n, 'indicator'),
            message: `indicator "${input.indicator}" is withdrawn`,
            reason: 'withdrawn',
          });
        else if (input.kind === 'withdrawal') state.set(subject, { ...own, withdrawn: true });
        return;
      case 'indicator': {
        const dataset = of(subjectOf('dataset', input.dataset));
        if (own.exists)
          issues.push({
            field: at(n, 'indicator.id'),
            message: `the indicator id "${input.indicator.id}" is taken (ids are never reused)`,
            reason: 'exists',
          });
        if (!dataset.created)
          issues.push({ field: at(n, 'dataset'), message: `no dataset "${input.dataset}"`, reason: 'not-found' });
        break;
      }
      case 'dataset':
        if (own.exists)
          issues.push({
            field: at(n, 'dataset.id'),
            message: `the dataset id "${input.dataset.id}" is taken (ids are never reused)`,
            reason: 'exists',
          });
        break;
      case 'news':
        break;
    }
    state.set(subject, { created: own.created || input.kind !== 'news', withdrawn: own.withdrawn, exists: true });
  });
  return issues;
}

/** {@link checkInputs} against the log in D1 as it is now. */
async function checkRows(db: D1Database, inputs: readonly RevisionInput[]): Promise<RowIssue[]> {
  const subjects = [...new Set(inputs.flatMap(subjectsOf))];
  const { results } = await db
    .prepare(STATE_SQL)
    .bind(JSON.stringify(subjects))
    .all<{ subject: string; created: number; withdrawn: number }>();
  const known = new Map(results.map((r) => [r.subject, { created: !!r.created, withdrawn: !!r.withdrawn }]));
  return checkInputs(inputs, (subject) => known.get(subject));
}

/** The rows an earlier batch with this key wrote: its first row has the key itself, the others `<key>#<n>`. */
async function keyedRows(db: D1Database, key: string): Promise<(RevisionRow & { request_hash: string })[]> {
  const { results } = await db
    .prepare(
      `SELECT ${READ_COLUMNS}, request_hash FROM revisions
WHERE idempotency_key = ?1 OR (idempotency_key >= ?1 || '#' AND idempotency_key < ?1 || '$') ORDER BY seq`,
    )
    .bind(key)
    .all<RevisionRow & { request_hash: string }>();
  return results;
}

/** The first answer to a key, or that the key was used for something else. */
function replay(rows: (RevisionRow & { request_hash: string })[], hash: string): BatchResult {
  if (rows.some((r) => r.request_hash !== hash)) return { ok: false, reason: 'idempotency-key-reused' };
  return { ok: true, replayed: true, revisions: rows.map(({ request_hash: _, ...row }) => fromRow(row)) };
}

/**
 * Fails the statement (and so the whole batch: `json()` of malformed text is an SQL error) unless every revision of
 * the batch (ids `?1`, a JSON array) was written.
 */
const ASSERT_SQL = `SELECT CASE WHEN (SELECT count(*) FROM revisions WHERE id IN (SELECT value FROM json_each(?1))) = ?2
  THEN 1 ELSE json('a row of the batch was not written') END AS written`;

/**
 * Validates every body, then appends them all in one transaction, or none. Invalid fields are named
 * `revisions.<n>.<field>`; valid rows that cannot be written now (unknown indicator or dataset, id taken, indicator
 * withdrawn) are named the same way, every one of them, not just the first.
 *
 * @example
 * const result = await appendRevisions(env.DB, [dataset, indicator], { idempotencyKey: 'import-2026-11' });
 * if (!result.ok && result.reason !== 'idempotency-key-reused') console.log(result.issues); // [{ field: 'revisions.1.dataset', ... }]
 */
export async function appendRevisions(
  db: D1Database,
  bodies: readonly unknown[],
  options: BatchOptions = {},
): Promise<BatchResult> {
  if (bodies.length === 0)
    return { ok: false, reason: 'invalid', issues: [{ field: 'revisions', message: 'is empty' }] };
  if (bodies.length > MAX_BATCH)
    return {
      ok: false,
      reason: 'invalid',
      issues: [{ field: 'revisions', message: `has ${bodies.length} rows; at most ${MAX_BATCH} per batch` }],
    };
  const inputs: RevisionInput[] = [];
  const invalid: FieldIssue[] = [];
  bodies.forEach((body, n) => {
    const parsed = parseRevisionInput(body);
    if (parsed.success) inputs.push(parsed.output);
    else
      invalid.push(
        ...parsed.issues.map((issue) => ({
          field: `revisions.${n}${issue.field ? `.${issue.field}` : ''}`,
          message: issue.message,
        })),
      );
  });
  if (invalid.length) return { ok: false, reason: 'invalid', issues: invalid };

  const key = options.idempotencyKey;
  const hash = key === undefined ? null : await sha256Hex(canonical(inputs));
  if (key !== undefined) {
    const earlier = await keyedRows(db, key);
    if (earlier.length) return replay(earlier, hash!);
  }
  const issues = await checkRows(db, inputs);
  if (issues.length) return { ok: false, reason: 'rejected', issues };

  const newId = options.newId ?? (() => crypto.randomUUID());
  const statements: D1PreparedStatement[] = [];
  const ids: string[] = [];
  inputs.forEach((input, n) => {
    const id = newId();
    ids.push(id);
    const rowKey = key === undefined ? null : n === 0 ? key : `${key}#${n}`;
    const values = toWriteValues(id, input);
    const sql = insertSql(input, rowKey === null ? {} : { idempotencyKey: rowKey });
    const used = Math.max(...[...sql.matchAll(/\?(\d+)/g)].map((m) => Number(m[1])));
    const datasetSubject = input.kind === 'indicator' ? subjectOf('dataset', input.dataset) : null;
    const params = [...WRITE_COLUMNS.map((c) => values[c]), rowKey, hash, null, datasetSubject, null];
    statements.push(db.prepare(sql).bind(...params.slice(0, used)));
  });
  statements.push(db.prepare(ASSERT_SQL).bind(JSON.stringify(ids), ids.length));
  try {
    const results = await db.batch<RevisionRow>(statements);
    const revisions = results.slice(0, inputs.length).map((r) => fromRow(r.results[0]!));
    return { ok: true, revisions, replayed: false };
  } catch (error) {
    // Someone wrote in between: the same key (a racing retry), or a row that makes one of ours fail.
    if (key !== undefined) {
      const earlier = await keyedRows(db, key);
      if (earlier.length) return replay(earlier, hash!);
    }
    const now = await checkRows(db, inputs);
    if (now.length) return { ok: false, reason: 'rejected', issues: now };
    throw error;
  }
}
