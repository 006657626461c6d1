/**
 * Folds the revision log into a {@link LiveSnapshot}: the `Snapshot` every route already reads (each indicator carries
 * its current observation), plus each indicator's series and history. Everything is computed once per data version.
 */
import type { CatalogMeta } from '../data-source/load';
import { createSnapshot, type Snapshot } from '../data-source/snapshot';
import { formatValue } from '../format';
import type { Dataset, Indicator, NewsItem } from '../schema';
import type { DatasetDefinition, IndicatorDefinition, Observation } from './input';
import { periodEnd } from './period-end';
import type { Revision } from './revision';

/** One point of a series: the observation that stands for its period, and the revision that published it. */
export interface SeriesPoint extends Observation {
  /** Last day of `period`, the series' order. */
  periodEnd: string;
  revision: string;
  publishedAt: string;
}

/** A snapshot with the live log behind it. */
export interface LiveSnapshot extends Snapshot {
  /** Every revision of this version, oldest first. */
  readonly revisions: readonly Revision[];
  /** One observation per period (the latest revision of the period), oldest period first; withdrawn ones too. */
  series(indicatorId: string): readonly SeriesPoint[] | undefined;
  /** Every revision of an indicator (creation, observations, withdrawal), oldest first; withdrawn ones too. */
  history(indicatorId: string): readonly Revision[] | undefined;
  /** The withdrawal of an indicator, if it was withdrawn (it is then absent from `indicators`). */
  withdrawal(indicatorId: string): Extract<Revision, { kind: 'withdrawal' }> | undefined;
  /** The indicator's version: `seq` of its newest revision, the basis of its ETag and of If-Match; 0 if unknown. */
  indicatorVersion(indicatorId: string): number;
}

/** Orders observations: later period end first, then the later revision. */
const newer = (a: SeriesPoint & { seq: number }, b: SeriesPoint & { seq: number }) =>
  a.periodEnd !== b.periodEnd ? a.periodEnd > b.periodEnd : a.seq > b.seq;

/** An indicator as served: its definition with the current observation. Figure and quote fall back to the value. */
function served(definition: IndicatorDefinition, dataset: string, current: Observation): Indicator {
  const { id, label, description, unit, unitLabel, kind, measure, relations } = definition;
  const { value, qualifier, period, asOf, source } = current;
  const figure = current.figure ?? formatValue({ value, unit, unitLabel, qualifier }, 'zh');
  return {
    id,
    label,
    ...(description ? { description } : {}),
    value,
    unit,
    unitLabel,
    qualifier,
    kind,
    measure,
    figure,
    period,
    ...(asOf ? { asOf } : {}),
    ...(relations ? { relations } : {}),
    dataset,
    source: {
      publisher: source.publisher,
      title: source.title,
      ...(source.section ? { section: source.section } : {}),
      quote: source.quote ?? figure,
    },
  };
}

/**
 * Builds the snapshot of a revision log (oldest first). `version` defaults to a hash of the content.
 *
 * A dataset is listed once it has an indicator that is not withdrawn; its `modified` is the newer of its definition's
 * and the day of its newest revision. Within a period the latest revision wins; the current value is the observation
 * whose period ends last.
 *
 * @example
 * const snapshot = await buildLiveSnapshot(bundledData().meta, seedRevisions());
 * snapshot.series('platforms-total'); // [{ period: '2023-03-31', value: 708, ... }]
 */
export async function buildLiveSnapshot(
  meta: CatalogMeta,
  revisions: readonly Revision[],
  version?: string,
): Promise<LiveSnapshot> {
  const datasets = new Map<string, { definition: DatasetDefinition; indicators: string[]; touched: string }>();
  const definitions = new Map<string, { definition: IndicatorDefinition; dataset: string }>();
  const histories = new Map<string, Revision[]>();
  const periods = new Map<string, Map<string, SeriesPoint & { seq: number }>>();
  const withdrawals = new Map<string, Extract<Revision, { kind: 'withdrawal' }>>();
  const news = new Map<string, NewsItem>();

  const observe = (indicator: string, revision: Revision, observation: Observation) => {
    const byPeriod = periods.get(indicator) ?? new Map();
    periods.set(indicator, byPeriod);
    byPeriod.set(observation.period, {
      ...observation,
      periodEnd: periodEnd(observation.period),
      revision: revision.id,
      publishedAt: revision.publishedAt,
      seq: revision.seq,
    });
  };
  for (const revision of revisions) {
    if (revision.kind === 'dataset') {
      datasets.set(revision.dataset.id, { definition: revision.dataset, indicators: [], touched: '' });
      continue;
    }
    if (revision.kind === 'news') {
      // A correction keeps the item's place. The served source needs a quote; without one the summary stands in.
      news.set(revision.news.id, {
        ...revision.news,
        source: { ...revision.source, quote: revision.source.quote ?? revision.news.summary.zh },
      });
      continue;
    }
    const indicator = revision.kind === 'indicator' ? revision.indicator.id : revision.indicator;
    if (revision.kind === 'indicator') {
      definitions.set(indicator, { definition: revision.indicator, dataset: revision.dataset });
      datasets.get(revision.dataset)?.indicators.push(indicator);
    }
    if (revision.kind === 'indicator' || revision.kind === 'observation')
      observe(indicator, revision, revision.observation);
    if (revision.kind === 'withdrawal') withdrawals.set(indicator, revision);
    const history = histories.get(indicator) ?? [];
    histories.set(indicator, history);
    history.push(revision);
    const dataset = datasets.get(definitions.get(indicator)?.dataset ?? '');
    if (dataset && revision.publishedAt > dataset.touched) dataset.touched = revision.publishedAt;
  }

  const series = new Map<string, SeriesPoint[]>();
  const servedIndicators = new Map<string, Indicator>();
  for (const [id, byPeriod] of periods) {
    const points = [...byPeriod.values()];
    const current = points.reduce((best, point) => (newer(point, best) ? point : best));
    points.sort((a, b) => (a.periodEnd !== b.periodEnd ? (a.periodEnd < b.periodEnd ? -1 : 1) : a.seq - b.seq));
    series.set(
      id,
      points.map(({ seq: _, ...point }) => point),
    );
    const known = definitions.get(id);
    if (known && !withdrawals.has(id)) servedIndicators.set(id, served(known.definition, known.dataset, current));
  }

  const data: Dataset[] = [];
  for (const { definition, indicators, touched } of datasets.values()) {
    const live = indicators.flatMap((id) => servedIndicators.get(id) ?? []);
    if (!live.length) continue;
    const day = touched.slice(0, 10);
    data.push({ ...definition, modified: day > definition.modified ? day : definition.modified, indicators: live });
  }

  const base = await createSnapshot({ meta, datasets: data, news: [...news.values()] }, version);
  const versions = new Map(
    [...histories].map(([id, history]) => [id, history.reduce((max, r) => Math.max(max, r.seq), 0)]),
  );
  return {
    ...base,
    revisions,
    series: (id) => series.get(id),
    history: (id) => histories.get(id),
    withdrawal: (id) => withdrawals.get(id),
    indicatorVersion: (id) => versions.get(id) ?? 0,
  };
}
