/**
 * Published revisions as feed items. The revision log (`worker/store`) is replayed once per data version to learn
 * what each revision changed: the value it follows or corrects, the indicator's label and unit, the datasets it
 * belongs to. Each change is then told in words, Chinese first:
 * `国家级科技创新平台：60家 → 61家（截至2023年6月30日）。说明：…` /
 * `National-level innovation platforms: 60 → 61 platforms (as of 30 June 2023). Reason: …`.
 */
import type { CatalogMeta, Snapshot } from '../data-source';
import { formatValue, formatWhen, unitWord } from '../format';
import { colon, fullStop, paren } from '../language';
import type { Lang, Localized } from '../schema';
import { type LiveSnapshot, type Observation, periodEnd, type Revision, SEED_PUBLISHER, seedRevisions } from '../store';
import { type Block, factSeparator, type Inline, labelWithKind, REVISION_WORDS, sourceLine, type Urls } from './text';

type IndicatorRevision = Extract<Revision, { kind: 'indicator' }>;
/** An indicator's definition: label, unit, unit label, kind, … (what stays when its value is revised). */
export type Definition = IndicatorRevision['indicator'];

/** What one revision changed. */
export interface Change {
  revision: Revision;
  /** The indicator it is about (a new indicator, an observation, a withdrawal). */
  indicator?: string;
  /** That indicator's definition. */
  definition?: Definition;
  /** The datasets it belongs to or reports on, in log order. */
  datasets: string[];
  /** The observation it follows: the same period's (a correction) or the latest earlier one's. */
  previous?: Observation;
  /** An observation of a period already published, or a news item published before. */
  correction: boolean;
  /** Part of the bundled seed: the original publication. */
  seed: boolean;
}

/** The replayed log of one data version. */
export interface RevisionLog {
  /**
   * The newest changes after the seed, newest first: at most `limit`, and only those `keep` accepts (all without it).
   * Only what is returned is told in full, so a feed of a log of 100,000 revisions costs its items.
   */
  published(limit: number, keep?: (revision: Revision, datasets: readonly string[]) => boolean): Change[];
  /**
   * When a news item was first published and last revised, each only if a revision after the seed did it (the seed's
   * events are dated by their own day).
   */
  newsDates(newsId: string): { published?: string; updated?: string };
  /** Every change of an indicator (seed included), newest first; `undefined` for an indicator never published. */
  history(indicatorId: string): readonly Change[] | undefined;
  /** Titles of the datasets ever created. */
  datasetTitle(datasetId: string): Localized | undefined;
}

/** The most revision items a feed carries (the newest), so feeds stay small. */
export const MAX_REVISION_ITEMS = 50;

const isLive = (snapshot: Snapshot): snapshot is LiveSnapshot =>
  Array.isArray((snapshot as Partial<LiveSnapshot>).revisions) &&
  typeof (snapshot as Partial<LiveSnapshot>).history === 'function';

/** The log behind a snapshot that is not live (tests, the bundled data alone): the seed of its indicators. */
function logOf(snapshot: Snapshot): readonly Revision[] {
  return seedRevisions().filter((r) => r.kind !== 'indicator' || snapshot.indicator(r.indicator.id));
}

/** Replays a log (oldest first): what each revision changed, newest first, and by indicator. */
export function replay(revisions: readonly Revision[]): {
  published: readonly Change[];
  history(indicatorId: string): readonly Change[] | undefined;
  datasetTitle(datasetId: string): Localized | undefined;
} {
  const definitions = new Map<string, { definition: Definition; dataset: string }>();
  const observed = new Map<string, Map<string, Observation>>();
  const titles = new Map<string, Localized>();
  const newsSeen = new Set<string>();
  const histories = new Map<string, Change[]>();
  const published: Change[] = [];

  for (const revision of revisions) {
    const seed = revision.publisher === SEED_PUBLISHER;
    let change: Change;
    switch (revision.kind) {
      case 'dataset':
        titles.set(revision.dataset.id, revision.dataset.title);
        change = { revision, datasets: [revision.dataset.id], correction: false, seed };
        break;
      case 'news': {
        const datasets = (revision.news.indicators ?? []).flatMap((id) => definitions.get(id)?.dataset ?? []);
        change = { revision, datasets: [...new Set(datasets)], correction: newsSeen.has(revision.news.id), seed };
        newsSeen.add(revision.news.id);
        break;
      }
      default: {
        const id = revision.kind === 'indicator' ? revision.indicator.id : revision.indicator;
        if (revision.kind === 'indicator')
          definitions.set(id, { definition: revision.indicator, dataset: revision.dataset });
        const known = definitions.get(id);
        change = {
          revision,
          indicator: id,
          ...(known ? { definition: known.definition } : {}),
          datasets: known ? [known.dataset] : [],
          correction: false,
          seed,
        };
        if (revision.kind !== 'withdrawal') {
          const byPeriod = observed.get(id) ?? new Map<string, Observation>();
          observed.set(id, byPeriod);
          const { observation } = revision;
          const previous = byPeriod.get(observation.period) ?? latestBefore(byPeriod, observation.period);
          if (previous) change.previous = previous;
          change.correction = byPeriod.has(observation.period);
          byPeriod.set(observation.period, observation);
        }
        const history = histories.get(id) ?? [];
        histories.set(id, history);
        history.push(change);
      }
    }
    if (!seed) published.push(change);
  }
  for (const history of histories.values()) history.reverse();
  return {
    published: published.reverse(),
    history: (id) => histories.get(id),
    datasetTitle: (id) => titles.get(id),
  };
}

/**
 * The log of a live snapshot, told lazily: an indicator's changes come from replaying its own history (what a change
 * says depends only on the indicator's earlier figures), and the newest changes are found by walking the log back from
 * its end, so nothing is replayed that no feed shows.
 */
function liveLog(snapshot: LiveSnapshot): RevisionLog {
  const history = (id: string): readonly Change[] | undefined =>
    snapshot.cache(`feed-history:${id}`, () => {
      const revisions = snapshot.history(id);
      return revisions && replay(revisions).history(id);
    });
  /** The dataset of an indicator created before log position `seq`. */
  const datasetOf = (id: string, seq: number): string | undefined => {
    const created = snapshot.history(id)?.[0];
    return created?.kind === 'indicator' && created.seq < seq ? created.dataset : undefined;
  };
  const datasetsOf = (revision: Revision): string[] => {
    switch (revision.kind) {
      case 'dataset':
        return [revision.dataset.id];
      case 'news':
        return [...new Set((revision.news.indicators ?? []).flatMap((id) => datasetOf(id, revision.seq) ?? []))];
      case 'indicator':
        return [revision.dataset];
      default: {
        const dataset = datasetOf(revision.indicator, revision.seq);
        return dataset === undefined ? [] : [dataset];
      }
    }
  };
  const changeOf = (revision: Revision, datasets: string[]): Change => {
    const seed = revision.publisher === SEED_PUBLISHER;
    switch (revision.kind) {
      case 'dataset':
        return { revision, datasets, correction: false, seed };
      case 'news': {
        const earlier = snapshot.newsHistory(revision.news.id)?.some((r) => r.seq < revision.seq) ?? false;
        return { revision, datasets, correction: earlier, seed };
      }
      default: {
        const id = revision.kind === 'indicator' ? revision.indicator.id : revision.indicator;
        return history(id)!.find((change) => change.revision === revision)!;
      }
    }
  };
  return {
    published(limit, keep) {
      const found: Change[] = [];
      const { revisions } = snapshot;
      for (let n = revisions.length - 1; n >= 0 && found.length < limit; n--) {
        const revision = revisions[n]!;
        if (revision.publisher === SEED_PUBLISHER) continue;
        const datasets = datasetsOf(revision);
        if (!keep || keep(revision, datasets)) found.push(changeOf(revision, datasets));
      }
      return found;
    },
    newsDates(id) {
      const history = snapshot.newsHistory(id) ?? [];
      const instant = (revision: Revision | undefined) =>
        revision && revision.publisher !== SEED_PUBLISHER ? revision.publishedAt : undefined;
      const [published, updated] = [instant(history[0]), instant(history.at(-1))];
      return { ...(published ? { published } : {}), ...(updated ? { updated } : {}) };
    },
    history,
    datasetTitle: (id) => snapshot.dataset(id)?.title ?? snapshot.datasetDefinition(id)?.title,
  };
}

/** The observation of the period that ends last, at or before the end of `period`. */
function latestBefore(byPeriod: ReadonlyMap<string, Observation>, period: string): Observation | undefined {
  const end = periodEnd(period);
  let best: { end: string; observation: Observation } | undefined;
  for (const observation of byPeriod.values()) {
    const at = periodEnd(observation.period);
    if (at <= end && (!best || at >= best.end)) best = { end: at, observation };
  }
  return best?.observation;
}

/** The replayed log of a snapshot, once per data version. */
export const revisionLog = (snapshot: Snapshot): RevisionLog =>
  snapshot.memo('feed-revision-log', () => {
    if (isLive(snapshot)) return liveLog(snapshot);
    const replayed = replay(logOf(snapshot));
    return {
      published: (limit, keep) =>
        replayed.published.filter((c) => !keep || keep(c.revision, c.datasets)).slice(0, limit),
      // Only the seed's events: dated by their day.
      newsDates: () => ({}),
      history: replayed.history,
      datasetTitle: replayed.datasetTitle,
    };
  });

/** A value of an indicator in words, with its qualifier; `word` adds the English measure word (`61 platforms`). */
function figure(definition: Definition, observation: Observation, lang: Lang, word: boolean): string {
  const parts = { ...definition, value: observation.value, qualifier: observation.qualifier };
  const measure = word ? unitWord(parts, lang) : '';
  return formatValue(parts, lang) + (measure ? ` ${measure}` : '');
}

const labelOf = (change: Change, lang: Lang): string =>
  change.definition ? labelWithKind(change.definition, lang) : (change.indicator ?? '');

/**
 * What changed, in one line (the item's title): `国家级科技创新平台：60家 → 61家（截至2023年6月30日）`,
 * `更正：…`, `新指标：…`, `首次发布：…`, `停止发布：…`, `新数据集：…`, `新闻：…`.
 */
export function changeHeadline(change: Change, lang: Lang): string {
  const w = REVISION_WORDS[lang];
  const { revision } = change;
  const lead = (word: string) => word + colon(lang);
  switch (revision.kind) {
    case 'dataset':
      return lead(w.newDataset) + revision.dataset.title[lang];
    case 'news':
      return lead(change.correction ? w.newsCorrection : w.news) + revision.news.title[lang];
    case 'withdrawal':
      return lead(w.withdrawn) + labelOf(change, lang);
    default: {
      const { observation } = revision;
      const prefix =
        revision.kind === 'indicator'
          ? lead(change.seed ? w.firstPublished : w.newIndicator)
          : change.correction
            ? lead(w.correction)
            : '';
      if (!change.definition) return prefix + labelOf(change, lang);
      const before = change.previous ? `${figure(change.definition, change.previous, lang, false)} → ` : '';
      const now = figure(change.definition, observation, lang, true);
      return `${prefix}${labelOf(change, lang)}${colon(lang)}${before}${now}${paren(lang, formatWhen(observation, lang))}`;
    }
  }
}

/**
 * The change as a sentence with its reason: `国家级科技创新平台：60家 → 61家（截至2023年6月30日）。说明：<reason>` /
 * `National-level innovation platforms: 60 → 61 platforms (as of 30 June 2023). Reason: <reason>`. The seed's reason
 * is our own bookkeeping, so its sentence ends with the figure.
 */
export function changeSentence(change: Change, lang: Lang): string {
  const stop = fullStop(lang);
  const headline = changeHeadline(change, lang);
  return change.seed
    ? headline + stop.trimEnd()
    : headline + stop + REVISION_WORDS[lang].reason + change.revision.reason;
}

/** Where a change's item links: the indicator's page, the dataset's, or the event's own page. */
export function changeUrl(change: Change, snapshot: Snapshot, lang: Lang, urls: Urls): string {
  const { revision } = change;
  if (change.indicator !== undefined) return urls.indicator(change.indicator, lang);
  if (revision.kind === 'dataset')
    return snapshot.dataset(revision.dataset.id) ? urls.dataset(revision.dataset.id, lang) : urls.home(lang);
  if (revision.kind === 'news')
    return snapshot.news.some((n) => n.id === revision.news.id) ? urls.news(revision.news.id, lang) : urls.home(lang);
  return urls.home(lang);
}

/**
 * The body of a change's item: the sentence, the source's quote (with the Chinese text: sources quote their own
 * words), the source with its address, who published it and a link to the figure or dataset.
 */
export function changeBlocks(change: Change, meta: CatalogMeta, lang: Lang, url: string): Block[] {
  const w = REVISION_WORDS[lang];
  const { revision } = change;
  const blocks: Block[] = [{ p: [changeSentence(change, lang)] }];
  const source =
    revision.kind === 'news'
      ? revision.source
      : revision.kind === 'indicator' || revision.kind === 'observation'
        ? revision.observation.source
        : undefined;
  if (source) {
    if (lang === 'zh' && source.quote) blocks.push({ quote: source.quote, lang: 'zh' });
    blocks.push({ p: sourceLine(source, lang) });
  }
  const publisher = change.seed ? meta.publisher[lang] : revision.publisher;
  const subject: Inline[] =
    change.indicator !== undefined
      ? [w.indicator, { text: labelOf(change, lang), href: url }]
      : revision.kind === 'dataset'
        ? [w.dataset, { text: revision.dataset.title[lang], href: url }]
        : [];
  blocks.push({ p: [w.publisher + publisher, ...(subject.length ? [factSeparator(lang), ...subject] : [])] });
  return blocks;
}
