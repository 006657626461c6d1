/** Data as the API serves it: each record with absolute links to its other forms. */
import type * as v from 'valibot';
import type { Snapshot } from '../data-source';
import type { Dataset, Indicator, NewsItem } from '../schema';
import { paths } from './links';
import type {
  ApiIndexSchema,
  ApiIndicatorSchema,
  ApiNewsItemSchema,
  DatasetDetailSchema,
  DatasetSummarySchema,
} from './schema';

export type ApiIndicator = v.InferOutput<typeof ApiIndicatorSchema>;
export type DatasetSummary = v.InferOutput<typeof DatasetSummarySchema>;
export type DatasetDetail = v.InferOutput<typeof DatasetDetailSchema>;
export type ApiNewsItem = v.InferOutput<typeof ApiNewsItemSchema>;
export type ApiIndex = v.InferOutput<typeof ApiIndexSchema>;

/** An indicator with links to its API resource, HTML page, dataset, iframe card and SVG badge. */
export function presentIndicator(indicator: Indicator, origin: string): ApiIndicator {
  return {
    ...indicator,
    links: {
      self: origin + paths.indicator(indicator.id),
      html: origin + paths.indicatorPage(indicator.id),
      dataset: origin + paths.dataset(indicator.dataset),
      embed: origin + paths.embed(indicator.id),
      badge: origin + paths.badge(indicator.id),
    },
  };
}

/** A dataset for the list: metadata, `updated`, indicator count and links (no indicators). */
export function presentDatasetSummary(dataset: Dataset, origin: string): DatasetSummary {
  const { indicators, ...meta } = dataset;
  return {
    ...meta,
    updated: meta.modified,
    indicatorCount: indicators.length,
    links: {
      self: origin + paths.dataset(dataset.id),
      html: origin + paths.datasetPage(dataset.id),
      csv: origin + paths.datasetCsv(dataset.id),
      rss: origin + paths.datasetRss(dataset.id),
      atom: origin + paths.datasetAtom(dataset.id),
      jsonFeed: origin + paths.datasetJsonFeed(dataset.id),
    },
  };
}

/** A dataset with all its indicators. */
export function presentDataset(dataset: Dataset, origin: string): DatasetDetail {
  return {
    ...presentDatasetSummary(dataset, origin),
    indicators: dataset.indicators.map((i) => presentIndicator(i, origin)),
  };
}

/** A dated event with a link to itself. */
export function presentNewsItem(item: NewsItem, origin: string): ApiNewsItem {
  return { ...item, links: { self: origin + paths.newsItem(item.id) } };
}

/** The API's entry point: what is published, the data version, and links to everything. */
export function presentIndex(snapshot: Snapshot, origin: string): ApiIndex {
  const { title, description, publisher, license } = snapshot.meta;
  return {
    title,
    description,
    publisher,
    license,
    version: snapshot.version,
    modified: snapshot.modified.toISOString().slice(0, 10),
    links: {
      self: origin + paths.api,
      openapi: origin + paths.openapi,
      datasets: origin + paths.datasets,
      indicators: origin + paths.indicators,
      indicatorsCsv: origin + paths.indicatorsCsv,
      news: origin + paths.news,
      html: origin + paths.home,
      rss: origin + paths.rss,
      atom: origin + paths.atom,
      jsonFeed: origin + paths.jsonFeed,
    },
  };
}
