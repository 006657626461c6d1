/** Data as the API serves it: each record with absolute links to its other forms. */
import type * as v from 'valibot';
import type { Snapshot } from '../data-source';
import {
  absolute,
  apiDataset,
  apiDatasetCsv,
  apiDatasets,
  apiIndex,
  apiIndicator,
  apiIndicators,
  apiIndicatorsCsv,
  apiNews,
  apiNewsItem,
  apiOpenApi,
  apiRevision,
  badgePath,
  datasetPath,
  feedPath,
  framePath,
  homePath,
  indicatorPath,
  newsPath,
} from '../links';
import type { Dataset, Indicator, NewsItem } from '../schema';
import type { LiveSnapshot, Observation, Revision, SeriesPoint } from '../store';
import type {
  ApiIndexSchema,
  ApiIndicatorSchema,
  ApiNewsItemSchema,
  DatasetDetailSchema,
  DatasetSummarySchema,
  RevisionSchema,
  SeriesObservationSchema,
} from './schema';

export type ApiIndicator = v.InferOutput<typeof ApiIndicatorSchema>;
export type DatasetSummary = v.InferOutput<typeof DatasetSummarySchema>;
export type DatasetDetail = v.InferOutput<typeof DatasetDetailSchema>;
export type ApiNewsItem = v.InferOutput<typeof ApiNewsItemSchema>;
export type ApiIndex = v.InferOutput<typeof ApiIndexSchema>;
export type ApiRevision = v.InferOutput<typeof RevisionSchema>;
export type ApiSeriesObservation = v.InferOutput<typeof SeriesObservationSchema>;

const observationFields = (o: Observation) => ({
  period: o.period,
  ...(o.asOf ? { asOf: o.asOf } : {}),
  value: o.value,
  qualifier: o.qualifier,
  ...(o.figure ? { figure: o.figure } : {}),
  source: o.source,
});

/** A revision as the API serves it: what it is about by id, its fields, and links to it and to what it changed. */
export function presentRevision(r: Revision, origin: string): ApiRevision {
  const common = {
    id: r.id,
    kind: r.kind,
    reason: r.reason,
    published: r.publishedAt,
    publisher: r.publisher,
    ...(r.replaces ? { replaces: r.replaces } : {}),
  };
  const self = absolute(origin, apiRevision(r.id));
  const ofIndicator = (id: string) => ({
    self,
    indicator: absolute(origin, apiIndicator(id)),
    html: absolute(origin, indicatorPath(id, 'zh')),
  });
  switch (r.kind) {
    case 'dataset':
      return {
        ...common,
        dataset: r.dataset.id,
        definition: r.dataset,
        links: { self, html: absolute(origin, datasetPath(r.dataset.id, 'zh')) },
      };
    case 'indicator':
      return {
        ...common,
        indicator: r.indicator.id,
        dataset: r.dataset,
        ...observationFields(r.observation),
        definition: r.indicator,
        links: ofIndicator(r.indicator.id),
      };
    case 'observation':
      return {
        ...common,
        indicator: r.indicator,
        ...observationFields(r.observation),
        links: ofIndicator(r.indicator),
      };
    case 'withdrawal':
      return { ...common, indicator: r.indicator, links: ofIndicator(r.indicator) };
    case 'news':
      return {
        ...common,
        news: r.news.id,
        source: r.source,
        definition: r.news,
        links: { self, html: absolute(origin, newsPath(r.news.id, 'zh')) },
      };
  }
}

/** One point of a series as served. */
export const presentSeriesPoint = (p: SeriesPoint): ApiSeriesObservation => ({
  ...observationFields(p),
  revision: p.revision,
  published: p.publishedAt,
});

/** An indicator's series in brief (`[period, value]`, oldest first) from a live snapshot, if it has two or more points. */
export function compactSeries(snapshot: Snapshot, id: string): ApiIndicator['series'] {
  const points = 'series' in snapshot ? (snapshot as LiveSnapshot).series(id) : undefined;
  return points && points.length >= 2 ? points.map((p) => [p.period, p.value]) : undefined;
}

/**
 * An indicator with links to its API resource, HTML page, dataset, iframe card and SVG badge; with `snapshot` (a live
 * one), also its series in brief when it has two or more observations.
 */
export function presentIndicator(indicator: Indicator, origin: string, snapshot?: Snapshot): ApiIndicator {
  const series = snapshot && compactSeries(snapshot, indicator.id);
  return {
    ...indicator,
    ...(series ? { series } : {}),
    links: {
      self: absolute(origin, apiIndicator(indicator.id)),
      html: absolute(origin, indicatorPath(indicator.id, 'zh')),
      dataset: absolute(origin, apiDataset(indicator.dataset)),
      embed: absolute(origin, framePath('indicator', indicator.id)),
      badge: absolute(origin, badgePath(indicator.id, 'zh')),
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
      self: absolute(origin, apiDataset(dataset.id)),
      html: absolute(origin, datasetPath(dataset.id, 'zh')),
      csv: absolute(origin, apiDatasetCsv(dataset.id)),
      rss: absolute(origin, feedPath('rss', dataset.id)),
      atom: absolute(origin, feedPath('atom', dataset.id)),
      jsonFeed: absolute(origin, feedPath('json', dataset.id)),
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
  return { ...item, links: { self: absolute(origin, apiNewsItem(item.id)) } };
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
      self: absolute(origin, apiIndex()),
      openapi: absolute(origin, apiOpenApi()),
      datasets: absolute(origin, apiDatasets()),
      indicators: absolute(origin, apiIndicators()),
      indicatorsCsv: absolute(origin, apiIndicatorsCsv()),
      news: absolute(origin, apiNews()),
      html: absolute(origin, homePath('zh')),
      rss: absolute(origin, feedPath('rss')),
      atom: absolute(origin, feedPath('atom')),
      jsonFeed: absolute(origin, feedPath('json')),
    },
  };
}
