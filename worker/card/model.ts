/**
 * What a card says, as plain text: the one model behind every card. The widget (`widgets/src/card.tsx`) draws it in a
 * shadow root; the server writes the same markup for the iframe card and the fallback text of embed code
 * (`worker/markup/card-html.ts`), so both look alike from the same stylesheet (`widgets/src/card.css`).
 *
 * Browser-safe: imports only schema, format, language and links.
 */
import { type Figure, formatPeriod, formatValue, formatWhen, unitWord } from '../format';
import { CARD_WORDS } from '../language/card-words';
import { colon, paren } from '../language/punctuation';
import { absolute, datasetPath, indicatorPath } from '../links';
import type { Dataset, Indicator, Lang, Localized } from '../schema';

/** The card types, named as the widget names them (its `type` attribute and `.card.<type>` class). */
export const CARD_TYPES = ['number', 'target', 'rank', 'dataset'] as const;
export type CardType = (typeof CARD_TYPES)[number];

/** The figures a card may need besides its own (a target's so-far figure): the snapshot, or the widget's store. */
export interface CardFigures {
  readonly indicators: readonly Indicator[];
  indicator(id: string): Indicator | undefined;
}

/** What embed code needs besides the card's own figures: the snapshot satisfies it. */
export interface CardData extends CardFigures {
  /** The service's name, for titles. */
  readonly meta: { readonly title: Localized };
}

/** A figure as text: `708家` / `708` + unit word `platforms`. */
export interface CardFigure {
  text: string;
  /** The English measure word shown beside the number; empty in Chinese. */
  unit: string;
}

/** When a figure stands, in words and as an HTML `datetime`. */
export interface CardWhen {
  text: string;
  datetime: string;
}

/** Everything a card shows, as plain text (escaping happens in rendering). */
export interface CardModel {
  type: CardType;
  id: string;
  lang: Lang;
  label: string;
  /** The big figure (number, rank, target without a so-far figure). */
  value?: CardFigure;
  /** Rank scope (排名范围：全国), or a target's "目标 · 2023年" heading. */
  note?: string;
  /** Target and so-far figure side by side. */
  pair?: { term: string; figure: CardFigure }[];
  /** A bar, where the so-far figure counts the same thing as the target. */
  progress?: { value: number; max: number; note: string };
  /** A dataset's figures. */
  rows?: { id: string; label: string; figure: CardFigure }[];
  /**
   * A sparkline of the indicator's observations (two or more): `points` of an SVG polyline in a 100 × 24 box, oldest
   * first, and `label`, the trend in words (its accessible name).
   */
  trend?: { points: string; label: string };
  when?: CardWhen;
  source: { prefix: string; publisher: string; href: string };
  /** The so-far indicator a target card shows: the widget's `progress` attribute. */
  progressId?: string;
}

/** The figure with its qualifier and (in English) its measure word. */
export const cardFigure = (figure: Figure, lang: Lang): CardFigure => ({
  text: formatValue(figure, lang),
  unit: unitWord(figure, lang),
});

/** `708家`, `708 platforms`: a figure as one string. */
export const figureText = (f: CardFigure): string => (f.unit ? `${f.text} ${f.unit}` : f.text);

/** `<time datetime>` wants one date; an interval is dated by its start. */
const when = (indicator: Indicator, lang: Lang): CardWhen => ({
  text: formatWhen(indicator, lang),
  datetime: indicator.asOf ?? indicator.period.split('/')[0]!,
});

/** Whether a so-far figure can be drawn as a share of its target (a bar), not only beside it. */
export const comparable = (progress: Indicator, target: Indicator): boolean =>
  progress.unit === target.unit &&
  progress.measure === target.measure &&
  target.measure !== 'growth_yoy' &&
  target.value > 0;

/** The card type an indicator reads best as, when embed code does not name one. */
export const indicatorCardType = (i: Indicator): Exclude<CardType, 'dataset'> =>
  i.unit === 'rank'
    ? 'rank'
    : i.kind === 'target' || (i.kind === 'progress' && i.relations?.towards)
      ? 'target'
      : 'number';

/** The target and so-far figure a target card shows, if the data links them. */
function targetPair(i: Indicator, data: CardFigures): { t: Indicator; p?: Indicator } | undefined {
  if (i.kind === 'progress') {
    const t = i.relations?.towards ? data.indicator(i.relations.towards) : undefined;
    return t ? { t, p: i } : undefined;
  }
  return { t: i, p: data.indicators.find((x) => x.relations?.towards === i.id) };
}

const source = (i: Indicator, lang: Lang, href: string) => ({
  prefix: CARD_WORDS[lang].source,
  publisher: i.source.publisher[lang],
  href,
});

/** An indicator with its observations in brief, `[period, value]` oldest first, as the API serves them (2 or more). */
export type SeriesIndicator = Indicator & { series?: readonly (readonly [string, number])[] };

/** Height of the sparkline's box (its width is 100): the line runs from 2 to 22, clear of the edges. */
const TREND_HEIGHT = 24;

/**
 * The sparkline of an indicator with two or more observations: evenly spaced points, scaled to the box, higher for
 * more (for a rank: higher for a better, smaller, rank).
 */
function trend(i: SeriesIndicator, lang: Lang): CardModel['trend'] {
  const values = i.series?.map((p) => p[1]) ?? [];
  if (values.length < 2) return;
  // A rank is better the smaller it is: its line rises as it improves, as readers expect of a line.
  const up = i.unit === 'rank' ? -1 : 1;
  const min = Math.min(...values.map((v) => up * v));
  const span = Math.max(...values.map((v) => up * v)) - min || 1;
  const at = (value: number): string => cardFigure({ ...i, value, qualifier: 'exact' }, lang).text;
  return {
    points: values
      .map(
        (v, n) =>
          `${Math.round((1000 * n) / (values.length - 1)) / 10},${TREND_HEIGHT - 2 - Math.round((200 * (up * v - min)) / span) / 10}`,
      )
      .join(' '),
    label: `${CARD_WORDS[lang].trend}${colon(lang)}${at(values[0]!)} → ${at(values.at(-1)!)}`,
  };
}

/** The model of an indicator's card (the iframe card's and the widget's). */
export function indicatorCard(i: SeriesIndicator, lang: Lang, data: CardFigures, origin: string): CardModel {
  const w = CARD_WORDS[lang];
  const type = indicatorCardType(i);
  const pair = type === 'target' ? targetPair(i, data) : undefined;
  if (pair) {
    const { t, p } = pair;
    const heading = `${w.target} · ${formatPeriod(t.period, lang)}`;
    // The period heads the target, so the foot is the source alone (as in the widget).
    const base = {
      type,
      id: i.id,
      lang,
      label: t.label[lang],
      source: source(t, lang, absolute(origin, indicatorPath(t.id, lang))),
    } as const;
    if (!p) return { ...base, note: heading, value: cardFigure(t, lang) };
    const bar = comparable(p, t);
    const model: CardModel = {
      ...base,
      progressId: p.id === i.id ? undefined : p.id,
      pair: [
        { term: heading, figure: cardFigure(t, lang) },
        { term: `${bar ? w.soFar : p.label[lang]} · ${formatWhen(p, lang)}`, figure: cardFigure(p, lang) },
      ],
    };
    if (bar) {
      const share = `${Math.round((100 * p.value) / t.value)}%`;
      model.progress = {
        value: Math.min(p.value, t.value),
        max: t.value,
        note: `${w.ofTarget}${colon(lang)}${share}${paren(lang, `${formatValue(p, lang)} / ${formatValue(t, lang)}`)}`,
      };
    }
    return model;
  }
  const scope = type === 'rank' ? i.relations?.scope?.[lang] : undefined;
  return {
    type: type === 'target' ? 'number' : type,
    id: i.id,
    lang,
    label: i.label[lang],
    value: cardFigure(i, lang),
    ...(scope ? { note: `${w.scope}${scope}` } : {}),
    trend: trend(i, lang),
    when: when(i, lang),
    source: source(i, lang, absolute(origin, indicatorPath(i.id, lang))),
  };
}

/** The model of a dataset's card: a compact list of its figures. */
export function datasetCard(d: Dataset, lang: Lang, origin: string): CardModel {
  return {
    type: 'dataset',
    id: d.id,
    lang,
    label: d.title[lang],
    rows: d.indicators.map((i) => ({ id: i.id, label: i.label[lang], figure: cardFigure(i, lang) })),
    // The dataset's dates: when it was last updated (its figures' own dates are on their pages).
    when: { text: CARD_WORDS[lang].updated + formatPeriod(d.modified, lang), datetime: d.modified },
    source: source(d.indicators[0]!, lang, absolute(origin, datasetPath(d.id, lang))),
  };
}
