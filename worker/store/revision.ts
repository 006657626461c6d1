/**
 * A revision as stored: one row of the `revisions` table (data/migrations/0001_revisions.sql), and the record the
 * Worker reads it as.
 */
import type {
  DatasetDefinition,
  IndicatorDefinition,
  NewsDefinition,
  Observation,
  RevisionInput,
  RevisionSource,
} from './input';
import { periodEnd } from './period-end';

/** Fields every revision has. */
interface RevisionBase {
  /** Position in the global change log: monotonic, never reused. */
  seq: number;
  /** Public revision id. */
  id: string;
  /** UTC ISO 8601 with milliseconds. */
  publishedAt: string;
  /** Name of the token that published it (`seed` for the bundled data). */
  publisher: string;
  reason: string;
  /** The revision this one corrects (same observation period, or same news item). */
  replaces?: string;
}

/** One published change. `kind` tells what it publishes. */
export type Revision = RevisionBase &
  (
    | { kind: 'dataset'; dataset: DatasetDefinition }
    | { kind: 'indicator'; dataset: string; indicator: IndicatorDefinition; observation: Observation }
    | { kind: 'observation'; indicator: string; observation: Observation }
    | { kind: 'withdrawal'; indicator: string }
    | { kind: 'news'; news: NewsDefinition; source: RevisionSource }
  );

/** A row of `revisions` as D1 returns it (idempotency columns left out). */
export interface RevisionRow {
  seq: number;
  id: string;
  kind: Revision['kind'];
  subject: string;
  dataset_id: string | null;
  period: string | null;
  period_end: string | null;
  as_of: string | null;
  value: number | null;
  qualifier: Observation['qualifier'] | null;
  figure: string | null;
  source: string | null;
  body: string | null;
  reason: string;
  published_at: string;
  publisher: string;
  replaces: string | null;
}

/** The columns the Worker writes, in this order, for `INSERT INTO revisions (...)`. */
export const WRITE_COLUMNS = [
  'id',
  'kind',
  'subject',
  'dataset_id',
  'period',
  'period_end',
  'as_of',
  'value',
  'qualifier',
  'figure',
  'source',
  'body',
  'reason',
  'publisher',
] as const;

/** The columns the Worker reads, for `SELECT ... FROM revisions`. */
export const READ_COLUMNS =
  'seq, id, kind, subject, dataset_id, period, period_end, as_of, value, qualifier, figure, source, body, reason, published_at, publisher, replaces';

/** Values for {@link WRITE_COLUMNS}. */
export type WriteValues = Record<(typeof WRITE_COLUMNS)[number], string | number | null>;

/**
 * The namespaced subject of a revision: what its version and history are about.
 *
 * @example
 * subjectOf('indicator', 'platforms-total'); // 'indicator:platforms-total'
 */
export const subjectOf = (namespace: 'dataset' | 'indicator' | 'news', id: string): string => `${namespace}:${id}`;

/** The subject an input is about. */
export function inputSubject(input: RevisionInput): string {
  switch (input.kind) {
    case 'dataset':
      return subjectOf('dataset', input.dataset.id);
    case 'indicator':
      return subjectOf('indicator', input.indicator.id);
    case 'news':
      return subjectOf('news', input.news.id);
    default:
      return subjectOf('indicator', input.indicator);
  }
}

const observationOf = (input: Observation) => ({
  period: input.period,
  period_end: periodEnd(input.period),
  as_of: input.asOf ?? null,
  value: input.value,
  qualifier: input.qualifier,
  figure: input.figure ?? null,
  source: JSON.stringify(input.source),
});

const NO_OBSERVATION = {
  period: null,
  period_end: null,
  as_of: null,
  value: null,
  qualifier: null,
  figure: null,
  source: null,
};

/** The column values that store a validated input under revision id `id`. */
export function toWriteValues(id: string, input: RevisionInput): WriteValues {
  const common = {
    id,
    kind: input.kind,
    subject: inputSubject(input),
    reason: input.reason,
    publisher: input.publisher,
  };
  switch (input.kind) {
    case 'dataset':
      return { ...common, ...NO_OBSERVATION, dataset_id: input.dataset.id, body: JSON.stringify(input.dataset) };
    case 'indicator':
      return { ...common, ...observationOf(input), dataset_id: input.dataset, body: JSON.stringify(input.indicator) };
    case 'observation':
      return { ...common, ...observationOf(input), dataset_id: null, body: null };
    case 'withdrawal':
      return { ...common, ...NO_OBSERVATION, dataset_id: null, body: null };
    case 'news':
      return {
        ...common,
        ...NO_OBSERVATION,
        source: JSON.stringify(input.source),
        dataset_id: null,
        body: JSON.stringify(input.news),
      };
  }
}

/**
 * Shares what rows repeat: a bulletin's figures have one source, many rows one reason, one publisher, one period. Each
 * distinct text is kept once (and each source parsed once, the parsed value frozen), so a log of 100,000 revisions
 * does not hold 100,000 copies of the same source. Bounded: a table forgets everything when it is full, so unique texts
 * cannot grow it without end.
 */
export class Interner {
  #texts = new Map<string, string>();
  #json = new Map<string, unknown>();
  /** `limit`: distinct texts kept (each entry a few dozen bytes); `jsonLimit`: distinct JSON texts (kept as keys). */
  constructor(
    readonly limit = 65_536,
    readonly jsonLimit = 1024,
  ) {}
  /** The first copy of `text` this interner saw. */
  text<T extends string | null>(text: T): T {
    if (text === null) return text;
    const known = this.#texts.get(text);
    if (known !== undefined) return known as T;
    if (this.#texts.size >= this.limit) this.#texts.clear();
    this.#texts.set(text, text);
    return text;
  }
  /** `JSON.parse(text)`, parsed once per distinct text and frozen (it is shared by every row that has it). */
  json(text: string): unknown {
    const known = this.#json.get(text);
    if (known !== undefined) return known;
    if (this.#json.size >= this.jsonLimit) this.#json.clear();
    const value = deepFreeze(JSON.parse(text));
    this.#json.set(text, value);
    return value;
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** An interner that shares nothing (each row parsed on its own). */
const UNSHARED = {
  text: <T extends string | null>(text: T): T => text,
  json: (text: string): unknown => JSON.parse(text),
} satisfies Pick<Interner, 'text' | 'json'>;

/**
 * Reads a row back as a revision. With an {@link Interner}, repeated texts and sources are shared with earlier rows
 * (the revisions are equal either way).
 */
export function fromRow(row: RevisionRow, intern: Pick<Interner, 'text' | 'json'> = UNSHARED): Revision {
  // Object literals of one shape each, optional fields set after: spreads of optional parts make V8 keep a slower
  // (and at 100,000 revisions some 300 bytes larger) form of every object.
  const seq = row.seq;
  const id = row.id;
  const publishedAt = row.published_at;
  const publisher = intern.text(row.publisher);
  const reason = intern.text(row.reason);
  const observation = (): Observation => {
    const o: Observation = {
      period: intern.text(row.period!),
      value: row.value!,
      qualifier: intern.text(row.qualifier!),
      source: intern.json(row.source!) as Observation['source'],
    };
    if (row.as_of) o.asOf = intern.text(row.as_of);
    if (row.figure) o.figure = row.figure;
    return o;
  };
  const subjectId = () => intern.text(row.subject.slice(row.subject.indexOf(':') + 1));
  let revision: Revision;
  switch (row.kind) {
    case 'dataset':
      revision = { seq, id, publishedAt, publisher, reason, kind: 'dataset', dataset: JSON.parse(row.body!) };
      break;
    case 'indicator':
      revision = {
        seq,
        id,
        publishedAt,
        publisher,
        reason,
        kind: 'indicator',
        dataset: intern.text(row.dataset_id!),
        indicator: JSON.parse(row.body!),
        observation: observation(),
      };
      break;
    case 'observation':
      revision = {
        seq,
        id,
        publishedAt,
        publisher,
        reason,
        kind: 'observation',
        indicator: subjectId(),
        observation: observation(),
      };
      break;
    case 'withdrawal':
      revision = { seq, id, publishedAt, publisher, reason, kind: 'withdrawal', indicator: subjectId() };
      break;
    case 'news':
      revision = {
        seq,
        id,
        publishedAt,
        publisher,
        reason,
        kind: 'news',
        news: JSON.parse(row.body!),
        source: intern.json(row.source!) as RevisionSource,
      };
      break;
  }
  if (row.replaces) revision.replaces = row.replaces;
  return revision;
}
