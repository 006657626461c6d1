import * as v from 'valibot';
import { IdSchema } from './id';
import { LocalizedSchema, Text } from './localized';
import { PeriodSchema } from './period';
import { SourceSchema } from './source';

const newsEntries = {
  id: IdSchema,
  /** The day or days the event took place (ISO 8601 date or interval). */
  date: PeriodSchema,
  title: LocalizedSchema,
  summary: LocalizedSchema,
  place: v.optional(LocalizedSchema),
  /** Indicators whose figures the event reports. */
  indicators: v.optional(v.array(IdSchema)),
};

/** A dated event as stored in `data/news.json`. */
export const StoredNewsItemSchema = v.strictObject({
  ...newsEntries,
  source: v.strictObject({ section: v.optional(LocalizedSchema), quote: Text }),
});

/** A dated event of the article, served as a feed item. */
export const NewsItemSchema = v.object({ ...newsEntries, source: SourceSchema });

export type StoredNewsItem = v.InferOutput<typeof StoredNewsItemSchema>;
/** A dated event. */
export type NewsItem = v.InferOutput<typeof NewsItemSchema>;
