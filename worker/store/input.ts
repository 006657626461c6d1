/**
 * What a write may publish, validated by the same valibot schemas as the bundled `data/` files (`worker/schema`).
 * Every input is one revision row; unknown fields are refused.
 */
import * as v from 'valibot';
import { readFigure, squash } from '../data-source/figure';
import {
  IdSchema,
  IndicatorSchema,
  IsoDateSchema,
  NewsItemSchema,
  PeriodSchema,
  QualifierSchema,
  SourceSchema,
  StoredDatasetSchema,
  Text,
} from '../schema';

/**
 * Where a revised figure or news item comes from: the served source shape (`worker/schema/source.ts`) plus an optional
 * `url`; `quote` (the sentence that states the figure) is optional for live data.
 */
export const RevisionSourceSchema = v.strictObject({
  ...SourceSchema.entries,
  url: v.optional(v.pipe(v.string(), v.url())),
  quote: v.optional(Text),
});

/** One figure for one reference period, as a revision carries it. */
const observationEntries = {
  period: PeriodSchema,
  asOf: v.optional(IsoDateSchema),
  value: IndicatorSchema.entries.value,
  qualifier: QualifierSchema,
  /** The figure as the source writes it (308亿元, 12%以上). */
  figure: v.optional(Text),
  source: RevisionSourceSchema,
};

/** Why and by whom: every revision says. */
const auditEntries = {
  reason: Text,
  /** Name of the token that publishes it. */
  publisher: Text,
};

/** An indicator without its figure: what stays when its value is revised. */
export const IndicatorDefinitionSchema = v.strictObject(
  v.omit(IndicatorSchema, ['value', 'qualifier', 'figure', 'period', 'asOf', 'source', 'dataset']).entries,
);

/** A dataset without its indicators (they are created one by one). */
export const DatasetDefinitionSchema = v.strictObject(v.omit(StoredDatasetSchema, ['indicators']).entries);

/** A news item without its source (a column of its own). */
export const NewsDefinitionSchema = v.strictObject(v.omit(NewsItemSchema, ['source']).entries);

/** A new period or a correction of an existing one. */
export const ObservationInputSchema = v.strictObject({
  kind: v.literal('observation'),
  indicator: IdSchema,
  ...observationEntries,
  ...auditEntries,
});

/** A new indicator in an existing dataset, with its first observation. */
export const IndicatorInputSchema = v.strictObject({
  kind: v.literal('indicator'),
  dataset: IdSchema,
  indicator: IndicatorDefinitionSchema,
  ...observationEntries,
  ...auditEntries,
});

/** A new dataset. */
export const DatasetInputSchema = v.strictObject({
  kind: v.literal('dataset'),
  dataset: DatasetDefinitionSchema,
  ...auditEntries,
});

/** Takes an indicator out of the current data; its history stays and its id is never reused. */
export const WithdrawalInputSchema = v.strictObject({
  kind: v.literal('withdrawal'),
  indicator: IdSchema,
  ...auditEntries,
});

/** A dated news item, or a correction of one (same id). */
export const NewsInputSchema = v.strictObject({
  kind: v.literal('news'),
  news: NewsDefinitionSchema,
  source: RevisionSourceSchema,
  ...auditEntries,
});

/** Anything a write may publish, told apart by `kind`. */
export const RevisionInputSchema = v.variant('kind', [
  ObservationInputSchema,
  IndicatorInputSchema,
  DatasetInputSchema,
  WithdrawalInputSchema,
  NewsInputSchema,
]);

export type RevisionSource = v.InferOutput<typeof RevisionSourceSchema>;
export type IndicatorDefinition = v.InferOutput<typeof IndicatorDefinitionSchema>;
export type DatasetDefinition = v.InferOutput<typeof DatasetDefinitionSchema>;
export type NewsDefinition = v.InferOutput<typeof NewsDefinitionSchema>;
export type RevisionInput = v.InferOutput<typeof RevisionInputSchema>;
/** The observation fields of a revision. */
export type Observation = Pick<
  Extract<RevisionInput, { kind: 'observation' }>,
  'period' | 'asOf' | 'value' | 'qualifier' | 'figure' | 'source'
>;

/** One reason an input was refused, at a dotted field path (`indicator.label.zh`, `source.quote`). */
export interface FieldIssue {
  field: string;
  message: string;
}

/**
 * Validates a write's body. Besides the schemas, the figure text must agree with the value and qualifier (以上, 左右, 多,
 * 余, 超过 are data) and, with a quote, stand in it, as `loadData` demands of the bundled files.
 *
 * @example
 * const result = parseRevisionInput(await request.json());
 * if (!result.success) return problem(422, result.issues); // [{ field: 'qualifier', message: '...' }]
 */
export function parseRevisionInput(
  input: unknown,
): { success: true; output: RevisionInput } | { success: false; issues: FieldIssue[] } {
  const result = v.safeParse(RevisionInputSchema, input);
  if (!result.success) {
    return {
      success: false,
      issues: result.issues.map((issue) => ({
        field: issue.path?.map((p) => String(p.key)).join('.') ?? '',
        message: issue.message,
      })),
    };
  }
  const output = result.output;
  const issues: FieldIssue[] = [];
  if ((output.kind === 'observation' || output.kind === 'indicator') && output.figure !== undefined) {
    const read = readFigure(output.figure);
    if (read && read.value !== output.value)
      issues.push({
        field: 'value',
        message: `is ${output.value} but the figure "${output.figure}" says ${read.value}`,
      });
    if (read && read.qualifier !== output.qualifier)
      issues.push({
        field: 'qualifier',
        message: `is "${output.qualifier}" but the figure "${output.figure}" says "${read.qualifier}"`,
      });
    if (output.source.quote !== undefined && !squash(output.source.quote).includes(squash(output.figure)))
      issues.push({ field: 'figure', message: `"${output.figure}" is not in source.quote` });
  }
  return issues.length ? { success: false, issues } : { success: true, output };
}
