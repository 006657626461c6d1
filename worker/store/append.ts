/**
 * The write path: appends one revision atomically. Every precondition (the subject exists or not, is not withdrawn,
 * has the expected version, the idempotency key is unused) is checked by the same `INSERT ... SELECT ... WHERE`
 * statement that writes, so racing writers cannot both pass a check: there is no read-then-write from the Worker.
 */
import { sha256Hex } from '../data-source/snapshot';
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

/** Preconditions of a write. */
export interface AppendOptions {
  /**
   * The version the client last saw of the revision's subject (the indicator, dataset or news item): the `seq` of its
   * newest revision, 0 for "does not exist yet". The write happens only if that is still the version.
   */
  ifMatch?: number;
  /**
   * The log position (a global `seq`) the client's copy was read at, as an ETag carries it: the write happens only if
   * that revision exists and the subject has no revision after it. The same compare-and-set as `ifMatch` with the
   * subject's version at that position, for clients that know the log position rather than the subject's version.
   */
  ifMatchAt?: number;
  /** A retry with the same key and body returns the first result and writes nothing. */
  idempotencyKey?: string;
  /** Makes revision ids; `crypto.randomUUID` unless a test needs fixed ones. */
  newId?: () => string;
}

/** What became of a write. Only `ok: true` with `replayed: false` wrote something. */
export type AppendResult =
  | {
      ok: true;
      revision: Revision;
      /** The subject's version after the write (the revision's `seq`): the next `ifMatch`. */
      version: number;
      /** The idempotency key was used before with the same body: this is that first result, nothing was written. */
      replayed: boolean;
    }
  | { ok: false; reason: 'invalid' | 'not-found'; issues: FieldIssue[] }
  | {
      ok: false;
      /**
       * `version-mismatch`: `ifMatch` is not the subject's version; `exists`: the dataset or indicator id is taken
       * (ids are never reused); `withdrawn`: the indicator is withdrawn.
       */
      reason: 'version-mismatch' | 'exists' | 'withdrawn';
      /** The subject's current version, for the client to re-read and retry. */
      version: number;
    }
  | { ok: false; reason: 'idempotency-key-reused'; version: number };

/** JSON with object keys sorted, so the same body always hashes the same. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

// Parameters: ?1..?14 the written columns (WRITE_COLUMNS order: ?1 id, ?2 kind, ?3 subject, ?5 period),
// ?15 idempotency key, ?16 request hash, ?17 ifMatch, ?18 the subject of the indicator's dataset, ?19 ifMatchAt.
const P = { subject: '?3', period: '?5', key: '?15', hash: '?16', ifMatch: '?17', dataset: '?18', at: '?19' };
const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

/** The guarded `INSERT ... SELECT ... WHERE` of one input (parameters as listed above). */
export function insertSql(input: RevisionInput, options: AppendOptions): string {
  const exists = (condition: string) => `EXISTS (SELECT 1 FROM revisions WHERE ${condition})`;
  const guards: string[] = [];
  if (options.idempotencyKey !== undefined) guards.push(`NOT ${exists(`idempotency_key = ${P.key}`)}`);
  if (options.ifMatch !== undefined)
    guards.push(`(SELECT coalesce(max(seq), 0) FROM revisions WHERE subject = ${P.subject}) = ${P.ifMatch}`);
  if (options.ifMatchAt !== undefined)
    guards.push(`${exists(`seq = ${P.at}`)} AND NOT ${exists(`subject = ${P.subject} AND seq > ${P.at}`)}`);
  let replaces = 'NULL';
  switch (input.kind) {
    case 'observation':
    case 'withdrawal':
      guards.push(exists(`subject = ${P.subject} AND kind = 'indicator'`));
      guards.push(`NOT ${exists(`subject = ${P.subject} AND kind = 'withdrawal'`)}`);
      break;
    case 'indicator':
      guards.push(`NOT ${exists(`subject = ${P.subject}`)}`);
      guards.push(exists(`subject = ${P.dataset} AND kind = 'dataset'`));
      break;
    case 'dataset':
      guards.push(`NOT ${exists(`subject = ${P.subject}`)}`);
      break;
    case 'news':
      replaces = `(SELECT id FROM revisions WHERE subject = ${P.subject} ORDER BY seq DESC LIMIT 1)`;
      break;
  }
  if (input.kind === 'observation')
    replaces = `(SELECT id FROM revisions WHERE subject = ${P.subject} AND period = ${P.period} ORDER BY seq DESC LIMIT 1)`;
  const values = WRITE_COLUMNS.map((_, i) => `?${i + 1}`).join(', ');
  return `INSERT INTO revisions (${WRITE_COLUMNS.join(', ')}, published_at, replaces, idempotency_key, request_hash)
SELECT ${values}, ${NOW}, ${replaces}, ${P.key}, ${P.hash}
WHERE ${guards.length ? guards.join(' AND ') : '1'}
RETURNING ${READ_COLUMNS}`;
}

// Read in the same transaction as the insert: the state that decided it.
const STATE_SQL = `SELECT
  (SELECT coalesce(max(seq), 0) FROM revisions WHERE subject = ?1) AS version,
  EXISTS (SELECT 1 FROM revisions WHERE subject = ?1 AND kind IN ('dataset', 'indicator')) AS created,
  EXISTS (SELECT 1 FROM revisions WHERE subject = ?1 AND kind = 'withdrawal') AS withdrawn,
  EXISTS (SELECT 1 FROM revisions WHERE subject = ?2 AND kind = 'dataset') AS dataset_exists,
  (?3 IS NOT NULL AND (NOT EXISTS (SELECT 1 FROM revisions WHERE seq = ?3)
    OR EXISTS (SELECT 1 FROM revisions WHERE subject = ?1 AND seq > ?3))) AS changed_since`;

interface State {
  version: number;
  created: number;
  withdrawn: number;
  dataset_exists: number;
  changed_since: number;
}

/**
 * Validates `body` and appends it as one revision, atomically with its preconditions. Call {@link ensureSeeded}
 * (or read through `d1Source`, which seeds) before the first write to an empty store.
 *
 * @example
 * const result = await appendRevision(env.DB, body, { ifMatch: 83, idempotencyKey: request.headers.get('Idempotency-Key') ?? undefined });
 * if (result.ok) return json(result.revision, { status: result.replayed ? 200 : 201, headers: { ETag: `"${result.version}"` } });
 * if (result.reason === 'version-mismatch') return problem(412, { current: result.version });
 */
export async function appendRevision(
  db: D1Database,
  body: unknown,
  options: AppendOptions = {},
): Promise<AppendResult> {
  const parsed = parseRevisionInput(body);
  if (!parsed.success) return { ok: false, reason: 'invalid', issues: parsed.issues };
  const input = parsed.output;
  const subject = inputSubject(input);
  const datasetSubject = input.kind === 'indicator' ? subjectOf('dataset', input.dataset) : null;
  const key = options.idempotencyKey ?? null;
  const hash = key === null ? null : await sha256Hex(canonical(input));
  const values = toWriteValues((options.newId ?? (() => crypto.randomUUID()))(), input);
  const sql = insertSql(input, options);
  // D1 wants exactly as many values as the highest ?NNN the statement uses.
  const used = Math.max(...[...sql.matchAll(/\?(\d+)/g)].map((m) => Number(m[1])));
  const params = [
    ...WRITE_COLUMNS.map((c) => values[c]),
    key,
    hash,
    options.ifMatch ?? null,
    datasetSubject,
    options.ifMatchAt ?? null,
  ];
  const statements = [
    db.prepare(sql).bind(...params.slice(0, used)),
    db.prepare(STATE_SQL).bind(subject, datasetSubject, options.ifMatchAt ?? null),
  ];
  if (key !== null)
    statements.push(
      db.prepare(`SELECT ${READ_COLUMNS}, request_hash FROM revisions WHERE idempotency_key = ?`).bind(key),
    );
  const [inserted, stateResult, keyedResult] = await db.batch<unknown>(statements);
  const written = inserted!.results[0] as RevisionRow | undefined;
  if (written) return { ok: true, revision: fromRow(written), version: written.seq, replayed: false };

  const state = stateResult!.results[0] as State;
  const keyed = keyedResult?.results[0] as (RevisionRow & { request_hash: string }) | undefined;
  if (keyed) {
    if (keyed.request_hash !== hash) return { ok: false, reason: 'idempotency-key-reused', version: state.version };
    const { request_hash: _, ...row } = keyed;
    return { ok: true, revision: fromRow(row), version: row.seq, replayed: true };
  }
  const { version } = state;
  if (input.kind === 'observation' || input.kind === 'withdrawal') {
    if (!state.created)
      return {
        ok: false,
        reason: 'not-found',
        issues: [{ field: 'indicator', message: `no indicator "${input.indicator}"` }],
      };
    if (state.withdrawn) return { ok: false, reason: 'withdrawn', version };
  }
  if ((input.kind === 'indicator' || input.kind === 'dataset') && version > 0)
    return { ok: false, reason: 'exists', version };
  if (input.kind === 'indicator' && !state.dataset_exists)
    return { ok: false, reason: 'not-found', issues: [{ field: 'dataset', message: `no dataset "${input.dataset}"` }] };
  if ((options.ifMatch !== undefined && options.ifMatch !== version) || state.changed_since)
    return { ok: false, reason: 'version-mismatch', version };
  throw new Error(`revision for ${subject} was not written, and no precondition explains why`);
}
