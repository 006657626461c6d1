/**
 * Shapes of the JSON API's responses, built from the data schemas in
 * `worker/schema`. The OpenAPI document, the `?lang=` variants and the tests
 * all derive from these; nothing here is written twice.
 */
import * as v from 'valibot';
import { PROBLEM_TITLES, type ProblemType } from '../http';
import { problemPath } from '../links';
import { DatasetSchema, IdSchema, IndicatorSchema, IsoDateSchema, LocalizedSchema, NewsItemSchema } from '../schema';

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

/** One figure of the article as the API serves it: the data plus links. */
export const ApiIndicatorSchema = v.object({ ...IndicatorSchema.entries, links: IndicatorLinksSchema });

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
