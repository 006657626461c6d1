/**
 * Folds the revision log into a {@link LiveSnapshot}: the `Snapshot` every route already reads (each indicator carries
 * its current observation), plus each indicator's series and history and lookups into the log. Everything is
 * computed once per data version.
 *
 * The fold is incremental: a new version is the previous one with the new revisions applied
 * ({@link extendLiveSnapshot}), and what they did not touch is shared between the two. A snapshot never changes once
 * built: a version's state is copied on its first write (per map, and per indicator or dataset touched), never
 * written in place, so a request still reading the previous version sees it whole. At 100,000 revisions a publish
 * costs a few milliseconds instead of a rebuild of the whole log.
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

type WithdrawalRevision = Extract<Revision, { kind: 'withdrawal' }>;

/** What the log says of a subject (`indicator:<id>`, `dataset:<id>`, `news:<id>`): created, withdrawn. */
export interface SubjectState {
  created: boolean;
  withdrawn: boolean;
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
  withdrawal(indicatorId: string): WithdrawalRevision | undefined;
  /** The indicator's version: `seq` of its newest revision, the basis of its ETag and of If-Match; 0 if unknown. */
  indicatorVersion(indicatorId: string): number;
  /** Position of revision `id` in {@link revisions}, or `undefined` if this version does not have it. */
  revisionIndex(id: string): number | undefined;
  /** The revision at log position `seq` (a binary search), or `undefined`. */
  revisionAt(seq: number): Revision | undefined;
  /** Every indicator id the log created, withdrawn ones too, in log order. */
  indicatorIds(): readonly string[];
  /** Every dataset id the log created, listed or not (one is listed once it has a live indicator), in log order. */
  datasetIds(): readonly string[];
  /** The definition of every dataset the log created, listed or not. */
  datasetDefinition(datasetId: string): DatasetDefinition | undefined;
  /** Every revision of a news item (its first publication, then corrections), oldest first. */
  newsHistory(newsId: string): readonly Revision[] | undefined;
  /** Whether the log created or withdrew a subject; `undefined` if it never mentions it. */
  subjectState(subject: string): SubjectState | undefined;
}

/** A revision that carries an observation. */
type Observed = Extract<Revision, { kind: 'indicator' | 'observation' }>;

/** An indicator as the fold keeps it. Replaced, never changed, once a snapshot holds it. */
interface IndicatorState {
  readonly definition?: IndicatorDefinition;
  readonly dataset?: string;
  readonly history: readonly Revision[];
  /**
   * The revision that stands for each period (the period's latest), by period end then `seq`: the series, kept as the
   * revisions themselves (its points are made when asked for, so the fold holds no copy of 100,000 observations).
   */
  readonly series: readonly Observed[];
  readonly withdrawal?: WithdrawalRevision;
  /** The indicator as served (its current observation), unless it is withdrawn or has none. */
  readonly served?: Indicator;
  readonly version: number;
}

/** A dataset as the fold keeps it: its definition, its indicators (withdrawn ones too) and its newest revision. */
interface DatasetState {
  readonly definition: DatasetDefinition;
  readonly indicators: readonly string[];
  readonly touched: string;
  /** As served, when it has a live indicator; `null` when it has none. */
  readonly served: Dataset | null;
}

interface NewsState {
  readonly item: NewsItem;
  readonly history: readonly Revision[];
}

/** Everything one version knows. Its maps are never written after the version is built. */
interface Fold {
  readonly meta: CatalogMeta;
  readonly revisions: readonly Revision[];
  readonly indicators: ReadonlyMap<string, IndicatorState>;
  readonly datasets: ReadonlyMap<string, DatasetState>;
  readonly news: ReadonlyMap<string, NewsState>;
  /**
   * Revision id → position in `revisions`, for every version of one log: the log only grows, so a position never
   * changes. Shared by the versions (appended to, never rewritten); a lookup checks the position is inside its
   * version's `revisions` and holds that id.
   */
  readonly positions: Map<string, number>;
  /** How many revisions `positions` may index: a preview's scratch revisions are left out of the shared index. */
  readonly indexed: number;
}

const folds = new WeakMap<LiveSnapshot, Fold>();

/** Orders points: by period end, then by revision. */
const before = (endA: string, seqA: number, endB: string, seqB: number) => (endA !== endB ? endA < endB : seqA < seqB);

/**
 * An indicator as served: its definition with the current observation. Figure and quote fall back to the value. Built
 * as one object literal with its optional fields added in a fixed order (spreads of optional parts give every one of
 * 10,000 indicators a slower, larger form), keys in the order the API has always sent them.
 */
function served(definition: IndicatorDefinition, dataset: string, current: Observation): Indicator {
  const { id, label, description, unit, unitLabel, kind, measure, relations } = definition;
  const { value, qualifier, period, asOf, source } = current;
  const figure = current.figure ?? formatValue({ value, unit, unitLabel, qualifier }, 'zh');
  const served = description
    ? ({ id, label, description, value, unit, unitLabel, qualifier, kind, measure, figure, period } as Indicator)
    : ({ id, label, value, unit, unitLabel, qualifier, kind, measure, figure, period } as Indicator);
  if (asOf) served.asOf = asOf;
  if (relations) served.relations = relations;
  served.dataset = dataset;
  served.source = source.section
    ? { publisher: source.publisher, title: source.title, section: source.section, quote: source.quote ?? figure }
    : { publisher: source.publisher, title: source.title, quote: source.quote ?? figure };
  return served;
}

/** A point of a series, made from the revision that stands for its period. */
function pointOf(revision: Observed): SeriesPoint {
  const { period, value, qualifier, source, asOf, figure } = revision.observation;
  const point = { period, value, qualifier, source } as SeriesPoint;
  if (asOf) point.asOf = asOf;
  if (figure) point.figure = figure;
  point.periodEnd = periodEnd(period);
  point.revision = revision.id;
  point.publishedAt = revision.publishedAt;
  return point;
}

/** A mutable copy of a map, made once per fold step. */
const copyOf = <K, V>(map: ReadonlyMap<K, V>): Map<K, V> => new Map(map);

/** An indicator being rebuilt in a fold step: its own copies of the state's arrays. */
type Draft = {
  -readonly [K in keyof Omit<IndicatorState, 'served'>]: IndicatorState[K] extends readonly (infer T)[]
    ? T[]
    : IndicatorState[K];
};

/** Where a revision stands in a series: its period's end, then its `seq`. */
const isBefore = (a: Observed, b: Observed) =>
  before(periodEnd(a.observation.period), a.seq, periodEnd(b.observation.period), b.seq);

/** The indicator's current observation: the one whose period ends last, then the latest revision. */
const currentOf = (state: Draft): Observation | undefined => state.series.at(-1)?.observation;

/**
 * A dataset as served: listed once it has an indicator that is not withdrawn; its `modified` is the newer of its
 * definition's and the day of its newest revision.
 */
function servedDataset(state: DatasetState, indicators: ReadonlyMap<string, IndicatorState>): Dataset | null {
  const live = state.indicators.flatMap((id) => indicators.get(id)?.served ?? []);
  if (!live.length) return null;
  const day = state.touched.slice(0, 10);
  const { definition } = state;
  return { ...definition, modified: day > definition.modified ? day : definition.modified, indicators: live };
}

/**
 * Applies `revisions` (oldest first, all after `base`'s) to `base`, or folds them from nothing. Only the indicators,
 * datasets and news items they touch are rebuilt; the rest of `base` is shared.
 */
function fold(
  meta: CatalogMeta,
  base: Fold | undefined,
  revisions: readonly Revision[],
  options: { index: boolean },
): Fold {
  const indicators = base ? copyOf(base.indicators) : new Map<string, IndicatorState>();
  const datasets = base ? copyOf(base.datasets) : new Map<string, DatasetState>();
  let news = (base?.news ?? new Map()) as Map<string, NewsState>;
  let newsCopied = !base;
  const all = base ? [...base.revisions, ...revisions] : [...revisions];
  const positions = base?.positions ?? new Map<string, number>();
  const drafts = new Map<string, Draft>();
  const touchedDatasets = new Set<string>();

  /** The indicator's state, copied once for this step. */
  const draft = (id: string): Draft => {
    let state = drafts.get(id);
    if (!state) {
      const old = indicators.get(id);
      state = {
        definition: old?.definition,
        dataset: old?.dataset,
        withdrawal: old?.withdrawal,
        history: [...(old?.history ?? [])],
        series: [...(old?.series ?? [])],
        version: old?.version ?? 0,
      };
      drafts.set(id, state);
    }
    return state;
  };
  const touchDataset = (id: string | undefined, publishedAt: string, indicator?: string) => {
    const dataset = id === undefined ? undefined : datasets.get(id);
    if (id === undefined || !dataset) return;
    touchedDatasets.add(id);
    datasets.set(id, {
      definition: dataset.definition,
      indicators: indicator === undefined ? dataset.indicators : [...dataset.indicators, indicator],
      touched: publishedAt > dataset.touched ? publishedAt : dataset.touched,
      served: dataset.served,
    });
  };
  const observe = (state: Draft, revision: Observed) => {
    // Within a period the latest revision wins; it takes the period's place in the order (period end, then seq).
    const same = state.series.findIndex((r) => r.observation.period === revision.observation.period);
    if (same >= 0) state.series.splice(same, 1);
    let at = state.series.length;
    while (at > 0 && isBefore(revision, state.series[at - 1]!)) at--;
    state.series.splice(at, 0, revision);
  };

  const first = all.length - revisions.length;
  for (const [n, revision] of revisions.entries()) {
    if (options.index) positions.set(revision.id, first + n);
    if (revision.kind === 'dataset') {
      if (!datasets.has(revision.dataset.id)) {
        datasets.set(revision.dataset.id, { definition: revision.dataset, indicators: [], touched: '', served: null });
        touchedDatasets.add(revision.dataset.id);
      }
      continue;
    }
    if (revision.kind === 'news') {
      // A correction keeps the item's place. The served source needs a quote; without one the summary stands in.
      if (!newsCopied) {
        news = copyOf(news);
        newsCopied = true;
      }
      const item = {
        ...revision.news,
        source: { ...revision.source, quote: revision.source.quote ?? revision.news.summary.zh },
      };
      news.set(revision.news.id, { item, history: [...(news.get(revision.news.id)?.history ?? []), revision] });
      continue;
    }
    const id = revision.kind === 'indicator' ? revision.indicator.id : revision.indicator;
    const state = draft(id);
    if (revision.kind === 'indicator' && !state.definition) {
      state.definition = revision.indicator;
      state.dataset = revision.dataset;
      touchDataset(revision.dataset, revision.publishedAt, id);
    } else touchDataset(state.dataset, revision.publishedAt);
    if (revision.kind === 'indicator' || revision.kind === 'observation') observe(state, revision);
    if (revision.kind === 'withdrawal') state.withdrawal = revision;
    state.history.push(revision);
    if (revision.seq > state.version) state.version = revision.seq;
  }

  for (const [id, state] of drafts) {
    const current = currentOf(state);
    const live = state.definition && state.dataset !== undefined && current && !state.withdrawal;
    indicators.set(id, { ...state, served: live ? served(state.definition!, state.dataset!, current) : undefined });
  }
  // Every change of an indicator's served form touched its dataset: those are served anew, the others are shared.
  for (const id of touchedDatasets) {
    const dataset = datasets.get(id)!;
    datasets.set(id, { ...dataset, served: servedDataset(dataset, indicators) });
  }
  return {
    meta,
    revisions: all,
    indicators,
    datasets,
    news,
    positions,
    indexed: options.index ? all.length : (base?.indexed ?? 0),
  };
}

/** The snapshot of a fold. */
async function snapshotOf(state: Fold, version?: string): Promise<LiveSnapshot> {
  const data = [...state.datasets.values()].flatMap((d) => d.served ?? []);
  const base = await createSnapshot(
    { meta: state.meta, datasets: data, news: [...state.news.values()].map((n) => n.item) },
    version,
  );
  const { revisions, indicators, positions } = state;
  let ids: string[] | undefined;
  let datasetIds: string[] | undefined;
  const snapshot: LiveSnapshot = {
    ...base,
    revisions,
    series: (id) => {
      const points = indicators.get(id)?.series;
      return points?.length ? points.map(pointOf) : undefined;
    },
    history: (id) => indicators.get(id)?.history,
    withdrawal: (id) => indicators.get(id)?.withdrawal,
    indicatorVersion: (id) => indicators.get(id)?.version ?? 0,
    revisionIndex(id) {
      const at = positions.get(id);
      if (at !== undefined && at < state.indexed && at < revisions.length && revisions[at]!.id === id) return at;
      // Not in the shared index (a preview's scratch revisions): look among the unindexed tail.
      for (let n = state.indexed; n < revisions.length; n++) if (revisions[n]!.id === id) return n;
      return undefined;
    },
    revisionAt(seq) {
      let lo = 0;
      let hi = revisions.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const at = revisions[mid]!.seq;
        if (at === seq) return revisions[mid];
        if (at < seq) lo = mid + 1;
        else hi = mid - 1;
      }
      return undefined;
    },
    indicatorIds: () => (ids ??= [...indicators].flatMap(([id, s]) => (s.definition ? [id] : []))),
    datasetIds: () => (datasetIds ??= [...state.datasets.keys()]),
    datasetDefinition: (id) => state.datasets.get(id)?.definition,
    newsHistory: (id) => state.news.get(id)?.history,
    subjectState(subject) {
      const colon = subject.indexOf(':');
      const [namespace, id] = [subject.slice(0, colon), subject.slice(colon + 1)];
      if (namespace === 'dataset') return state.datasets.has(id) ? { created: true, withdrawn: false } : undefined;
      if (namespace === 'news') return state.news.has(id) ? { created: false, withdrawn: false } : undefined;
      const indicator = namespace === 'indicator' ? indicators.get(id) : undefined;
      return indicator
        ? { created: indicator.definition !== undefined, withdrawn: indicator.withdrawal !== undefined }
        : undefined;
    },
  };
  folds.set(snapshot, state);
  return snapshot;
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
export function buildLiveSnapshot(
  meta: CatalogMeta,
  revisions: readonly Revision[],
  version?: string,
): Promise<LiveSnapshot> {
  return snapshotOf(fold(meta, undefined, revisions, { index: true }), version);
}

/**
 * The snapshot of `base`'s log followed by `newer` (oldest first, every one after `base`'s last): only what `newer`
 * touches is folded again, the rest is shared with `base`, which stays as it was. `scratch` is for revisions that are
 * not in the log (a dry run's): they are left out of the log's shared index of revision ids.
 *
 * @example
 * const next = await extendLiveSnapshot(current, await readRevisions(db, { from: head.seq + 1, to }), version);
 */
export function extendLiveSnapshot(
  base: LiveSnapshot,
  newer: readonly Revision[],
  version?: string,
  options: { scratch?: boolean } = {},
): Promise<LiveSnapshot> {
  const state = folds.get(base);
  const last = base.revisions.at(-1)?.seq ?? 0;
  if (newer.some((r) => r.seq <= last)) throw new Error('extendLiveSnapshot: revisions must come after the base');
  if (!state) return buildLiveSnapshot(base.meta, [...base.revisions, ...newer], version);
  // A later version already indexed past this base (a version built from an older one): index on a copy.
  const shared = !options.scratch && state.indexed === state.positions.size;
  const from: Fold = shared || options.scratch ? state : { ...state, positions: new Map(state.positions) };
  return snapshotOf(fold(base.meta, from, newer, { index: !options.scratch }), version);
}
