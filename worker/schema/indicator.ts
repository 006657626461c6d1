import * as v from 'valibot';
import { IdSchema } from './id';
import { LocalizedSchema, Text } from './localized';
import { IsoDateSchema, PeriodSchema } from './period';
import { SourceSchema } from './source';

/** What the number counts. Money is always in yuan (base units), never 亿元. */
export const UNITS = ['count', 'percent', 'CNY', 'rank'] as const;
export const UnitSchema = v.picklist(UNITS);

/**
 * The article's hedge on a figure. Chinese qualifiers are data:
 * 以上 → `at_least`, 多/余/超/超过 → `more_than`, 左右 → `about`.
 */
export const QUALIFIERS = ['exact', 'at_least', 'more_than', 'about'] as const;
export const QualifierSchema = v.picklist(QUALIFIERS);

/**
 * `actual`: a result; `target`: a goal for the period; `progress`: a so-far
 * figure towards a target; `forecast`: an expected result (预计).
 */
export const KINDS = ['actual', 'target', 'progress', 'forecast'] as const;
export const KindSchema = v.picklist(KINDS);

/**
 * How the value relates to time: `level` is a stock or total; `increase` is
 * what was added in the period (新增, 净增); `growth_yoy` is a year-on-year
 * change in percent (同比增长).
 */
export const MEASURES = ['level', 'increase', 'growth_yoy'] as const;
export const MeasureSchema = v.picklist(MEASURES);

/** Links between figures that the article itself states. */
export const RelationsSchema = v.object({
  /** This figure is a part of that total (60 national of 708 platforms). */
  partOf: v.optional(IdSchema),
  /** A progress figure counts towards that target. */
  towards: v.optional(IdSchema),
  /** A rank orders places by that figure. */
  ranks: v.optional(IdSchema),
  /** Who is ranked against whom (全国: all cities nationwide). */
  scope: v.optional(LocalizedSchema),
});

/** Fields shared by stored and served indicators. */
const indicatorEntries = {
  /** Stable kebab-case slug, never reused. */
  id: IdSchema,
  label: LocalizedSchema,
  description: v.optional(LocalizedSchema),
  /** The number in base units: yuan, not 亿元; 12 for 12%. */
  value: v.pipe(v.number(), v.finite()),
  unit: UnitSchema,
  /** The measure word (家, 件, 项, 个, 名, 份) or symbol. */
  unitLabel: LocalizedSchema,
  qualifier: QualifierSchema,
  kind: KindSchema,
  measure: MeasureSchema,
  /** The figure exactly as the article writes it (308亿元, 12%以上). */
  figure: Text,
  /** ISO 8601 reference period the figure measures. */
  period: PeriodSchema,
  /** The date the article says the figure stands at (截至3月底 → 2023-03-31). */
  asOf: v.optional(IsoDateSchema),
  relations: v.optional(RelationsSchema),
};

/** An indicator as stored in `data/datasets/*.json`: its dataset is the file. */
export const StoredIndicatorSchema = v.strictObject({
  ...indicatorEntries,
  /** Where in the article the figure stands; publisher and title come from the catalog. */
  source: v.strictObject({ section: v.optional(LocalizedSchema), quote: Text }),
});

/** An indicator as served: one figure of the article with its provenance. */
export const IndicatorSchema = v.object({
  ...indicatorEntries,
  /** Id of the dataset that holds it. */
  dataset: IdSchema,
  source: SourceSchema,
});

export type StoredIndicator = v.InferOutput<typeof StoredIndicatorSchema>;
/** One figure of the article, with unit, qualifier, period and provenance. */
export type Indicator = v.InferOutput<typeof IndicatorSchema>;
export type Unit = v.InferOutput<typeof UnitSchema>;
export type Qualifier = v.InferOutput<typeof QualifierSchema>;
export type Kind = v.InferOutput<typeof KindSchema>;
