/**
 * Shapes of the JSON API's responses, built from the data schemas in
 * `worker/schema`. The OpenAPI document, the `?lang=` variants and the tests
 * all derive from these; nothing here is written twice.
 */
import * as v from 'valibot';
import { PROBLEM_TITLES, type ProblemType } from '../http';
import { problemPath } from '../links';
import {
  DatasetSchema,
  IdSchema,
  IndicatorSchema,
  IsoDateSchema,
  LocalizedSchema,
  NewsItemSchema,
  PeriodSchema,
  QualifierSchema,
} from '../schema';
import {
  DatasetDefinitionSchema,
  DatasetInputSchema,
  IndicatorDefinitionSchema,
  IndicatorInputSchema,
  MAX_BATCH,
  NewsDefinitionSchema,
  NewsInputSchema,
  ObservationInputSchema,
  RevisionSourceSchema,
  WithdrawalInputSchema,
} from '../store';

/** An absolute URL. */
const UrlSchema = v.pipe(v.string(), v.url());

/** Where to get an indicator in other forms. */
export const IndicatorLinksSchema = v.object({
  /** This indicator in the JSON API. */
  self: UrlSchema,
  /** Its HTML permalink page. */
  html: UrlSchema,
  /** Its dataset in the JSON API. */
  dataset: UrlSchema,
  /** A server-rendered card for an `<iframe>`. */
  embed: UrlSchema,
  /** An SVG badge for `<img>` and Markdown. */
  badge: UrlSchema,
});

/**
 * An indicator's observations in brief, `[period, value]` oldest period first, when it has two or more (the cards draw
 * them as a sparkline from the one batch they fetch); the full series with sources is `/indicators/{id}/series`.
 */
export const CompactSeriesSchema = v.pipe(
  v.array(v.tuple([PeriodSchema, v.number()])),
  v.minLength(2),
  v.description('Observations as [period, value] (base units), oldest period first; only with two or more.'),
);

/** One figure of the article as the API serves it: the data plus links (and its series in brief, if it has one). */
export const ApiIndicatorSchema = v.object({
  ...IndicatorSchema.entries,
  series: v.optional(CompactSeriesSchema),
  links: IndicatorLinksSchema,
});

/** Where to get a dataset in other forms. */
export const DatasetLinksSchema = v.object({
  self: UrlSchema,
  html: UrlSchema,
  csv: UrlSchema,
  /** RSS 2.0 feed of this dataset. */
  rss: UrlSchema,
  /** Atom 1.0 feed of this dataset. */
  atom: UrlSchema,
  /** JSON Feed 1.1 of this dataset. */
  jsonFeed: UrlSchema,
});

const { indicators: _omitted, ...datasetEntries } = DatasetSchema.entries;

/** A dataset in the list: its metadata, how many figures it holds, and links. */
export const DatasetSummarySchema = v.object({
  ...datasetEntries,
  /** When its figures last changed; the same date as `modified` (DCAT's name for it). */
  updated: IsoDateSchema,
  indicatorCount: v.pipe(v.number(), v.integer(), v.minValue(1)),
  links: DatasetLinksSchema,
});

/** `GET /api/v1/datasets` */
export const DatasetListSchema = v.object({ datasets: v.array(DatasetSummarySchema) });

/** `GET /api/v1/datasets/{id}`: the summary plus every indicator. */
export const DatasetDetailSchema = v.object({
  ...DatasetSummarySchema.entries,
  indicators: v.array(ApiIndicatorSchema),
});

/** `GET /api/v1/indicators`: a list, a filtered list, or a batch by `ids`. */
export const IndicatorListSchema = v.object({
  indicators: v.array(ApiIndicatorSchema),
  /** Batch only (`ids=`): requested ids that no indicator has, in request order. Empty when all were found. */
  missing: v.optional(v.array(IdSchema)),
});

/** A dated event as the API serves it. */
export const ApiNewsItemSchema = v.object({
  ...NewsItemSchema.entries,
  links: v.object({ self: UrlSchema }),
});

/** `GET /api/v1/news` */
export const NewsListSchema = v.object({ news: v.array(ApiNewsItemSchema) });

/** `GET /api/v1`: what the service publishes and where. */
export const ApiIndexSchema = v.object({
  title: LocalizedSchema,
  description: LocalizedSchema,
  publisher: LocalizedSchema,
  license: v.object({ name: v.string(), url: UrlSchema }),
  /** Content hash of the data: changes whenever any figure or text changes. */
  version: v.string(),
  /** When the data last changed. */
  modified: IsoDateSchema,
  links: v.object({
    self: UrlSchema,
    openapi: UrlSchema,
    datasets: UrlSchema,
    indicators: UrlSchema,
    indicatorsCsv: UrlSchema,
    news: UrlSchema,
    html: UrlSchema,
    rss: UrlSchema,
    atom: UrlSchema,
    jsonFeed: UrlSchema,
  }),
});

const PROBLEM_TYPES = Object.keys(PROBLEM_TITLES) as ProblemType[];

/** An RFC 9457 problem document as `worker/http/problem.ts` writes it. */
export const ProblemSchema = v.looseObject({
  /** `/problems/<type>`, relative to this service. */
  type: v.picklist(PROBLEM_TYPES.map((t) => problemPath(t))),
  title: v.picklist(PROBLEM_TYPES.map((t) => PROBLEM_TITLES[t])),
  status: v.pipe(v.number(), v.integer(), v.minValue(400), v.maxValue(599)),
  /** What went wrong with this request and what to do about it. */
  detail: v.string(),
  /** The path the problem occurred at. */
  instance: v.string(),
  /** 400: the parameters at fault. */
  'invalid-params': v.optional(v.array(v.object({ name: v.string(), reason: v.string() }))),
  /** 400 `unknown-parameter`: the parameters this resource takes. */
  allowed: v.optional(v.array(v.string())),
  /** 406: the media types this resource has. */
  available: v.optional(v.array(v.string())),
  /** 404: known ids close to the one asked for. */
  suggestions: v.optional(v.array(IdSchema)),
});

// Live publishing: what the write API takes and answers, and the history views.

// A store input as a request body: no `publisher` (the token's name) and no field the URL already says.

/** `POST /indicators/{id}/revisions`: a new observation or a correction of one period. */
export const ObservationBodySchema = v.omit(ObservationInputSchema, ['kind', 'indicator', 'publisher']);
/** `POST /datasets/{id}/indicators`: a new indicator with its first observation. */
export const IndicatorBodySchema = v.omit(IndicatorInputSchema, ['kind', 'dataset', 'publisher']);
/** `POST /datasets`: a new dataset (listed once it has an indicator). */
export const DatasetBodySchema = v.omit(DatasetInputSchema, ['kind', 'publisher']);
/** `POST /indicators/{id}/withdrawal`: why the indicator is taken out. */
export const WithdrawalBodySchema = v.omit(WithdrawalInputSchema, ['kind', 'indicator', 'publisher']);
/** `POST /news`: a news item, or a correction of one (same id). */
export const NewsBodySchema = v.omit(NewsInputSchema, ['kind', 'publisher']);
/** One row of a batch: a store input, told apart by `kind`, without `publisher`. */
export const RevisionRowSchema = v.variant('kind', [
  v.omit(ObservationInputSchema, ['publisher']),
  v.omit(IndicatorInputSchema, ['publisher']),
  v.omit(DatasetInputSchema, ['publisher']),
  v.omit(WithdrawalInputSchema, ['publisher']),
  v.omit(NewsInputSchema, ['publisher']),
]);
/** `POST /revisions`: several revisions, all written or none. */
export const BatchBodySchema = v.strictObject({
  revisions: v.pipe(
    v.array(RevisionRowSchema),
    v.minLength(1, 'must hold at least one revision'),
    v.maxLength(MAX_BATCH, `must hold at most ${MAX_BATCH} revisions; split them over several batches`),
  ),
});

/** A revision's source as served. */
const ServedRevisionSourceSchema = v.object(RevisionSourceSchema.entries);

/** Where a revision is and what it is about. */
export const RevisionLinksSchema = v.object({
  /** Its permalink in the JSON API. */
  self: UrlSchema,
  /** The indicator it is about, in the JSON API. */
  indicator: v.optional(UrlSchema),
  /** The page of what it is about. */
  html: v.optional(UrlSchema),
});

/** One published change: a dataset, an indicator, an observation, a withdrawal or a news item. */
export const RevisionSchema = v.object({
  /** Permanent id; `seed-…` for the bundled data. */
  id: v.string(),
  kind: v.picklist(['dataset', 'indicator', 'observation', 'withdrawal', 'news']),
  /** The indicator it is about (indicator, observation, withdrawal). */
  indicator: v.optional(IdSchema),
  /** The dataset it creates, or the new indicator's dataset. */
  dataset: v.optional(IdSchema),
  /** The news item it publishes or corrects. */
  news: v.optional(IdSchema),
  period: v.optional(PeriodSchema),
  asOf: v.optional(IsoDateSchema),
  /** In base units (yuan, not 亿元). */
  value: v.optional(v.number()),
  qualifier: v.optional(QualifierSchema),
  /** The figure as the source writes it. */
  figure: v.optional(v.string()),
  source: v.optional(ServedRevisionSourceSchema),
  reason: v.string(),
  /** When it was published (RFC 3339, UTC). */
  published: v.string(),
  /** Name of the token that published it (`seed` for the bundled data). */
  publisher: v.string(),
  /** The revision it corrects (same period of the same indicator, or the same news item). */
  replaces: v.optional(v.string()),
  /** What a dataset, indicator or news revision defines, as published. */
  definition: v.optional(v.union([DatasetDefinitionSchema, IndicatorDefinitionSchema, NewsDefinitionSchema])),
  links: RevisionLinksSchema,
});

/** A revision as a CSV row: without the definition and links. */
export const RevisionRowCsvSchema = v.object(
  Object.fromEntries(
    Object.entries(RevisionSchema.entries).filter(([key]) => key !== 'definition' && key !== 'links'),
  ) as v.ObjectEntries,
);

/** One point of an indicator's series: the observation that stands for its period. */
export const SeriesObservationSchema = v.object({
  period: PeriodSchema,
  asOf: v.optional(IsoDateSchema),
  value: v.number(),
  qualifier: QualifierSchema,
  figure: v.optional(v.string()),
  source: ServedRevisionSourceSchema,
  /** The revision that published it. */
  revision: v.string(),
  /** When (RFC 3339, UTC). */
  published: v.string(),
});

/** `GET /indicators/{id}/series` */
export const SeriesSchema = v.object({ indicator: IdSchema, observations: v.array(SeriesObservationSchema) });

/** `GET /indicators/{id}/history` */
export const HistorySchema = v.object({ indicator: IdSchema, revisions: v.array(RevisionSchema) });

/** `GET /revisions`: the change log, oldest first; `Link: rel="next"` when there is more. */
export const ChangeLogSchema = v.object({ revisions: v.array(RevisionSchema) });

/** 201 of a single write. */
export const WriteResultSchema = v.object({
  revision: RevisionSchema,
  /** The indicator after the write, as `GET /indicators/{id}` serves it (indicator writes). */
  indicator: v.optional(ApiIndicatorSchema),
});

/** 201 of a batch. */
export const BatchResultSchema = v.object({ revisions: v.array(RevisionSchema) });

/** 200 of `?dry-run=true`: valid, and what it would publish. */
export const DryRunSchema = v.object({
  valid: v.literal(true),
  /** The revisions it would write (ids `dry-run-<n>`, not permalinks yet). */
  revisions: v.optional(v.array(RevisionSchema)),
  /** The indicator as it would be served. */
  indicator: v.optional(ApiIndicatorSchema),
  /** Its card, server-rendered as the widget draws it, in each language (HTML). */
  card: v.optional(v.object({ zh: v.string(), en: v.string() })),
});
