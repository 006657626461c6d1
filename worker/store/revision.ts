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

/** Reads a row back as a revision. */
export function fromRow(row: RevisionRow): Revision {
  const base: RevisionBase = {
    seq: row.seq,
    id: row.id,
    publishedAt: row.published_at,
    publisher: row.publisher,
    reason: row.reason,
    ...(row.replaces ? { replaces: row.replaces } : {}),
  };
  const subjectId = row.subject.slice(row.subject.indexOf(':') + 1);
  const observation = (): Observation => ({
    period: row.period!,
    ...(row.as_of ? { asOf: row.as_of } : {}),
    value: row.value!,
    qualifier: row.qualifier!,
    ...(row.figure ? { figure: row.figure } : {}),
    source: JSON.parse(row.source!),
  });
  switch (row.kind) {
    case 'dataset':
      return { ...base, kind: 'dataset', dataset: JSON.parse(row.body!) };
    case 'indicator':
      return {
        ...base,
        kind: 'indicator',
        dataset: row.dataset_id!,
        indicator: JSON.parse(row.body!),
        observation: observation(),
      };
    case 'observation':
      return { ...base, kind: 'observation', indicator: subjectId, observation: observation() };
    case 'withdrawal':
      return { ...base, kind: 'withdrawal', indicator: subjectId };
    case 'news':
      return { ...base, kind: 'news', news: JSON.parse(row.body!), source: JSON.parse(row.source!) };
  }
}
