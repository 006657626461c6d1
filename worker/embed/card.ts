/**
 * What a card says, and the card's HTML. The model is pure (format + types
 * only) so the widget can use the same wording; `renderCard` writes the markup
 * of `card-classes.ts` for the iframe page and the light-DOM fallback.
 */
import { formatValue, formatWhen, unitWord, type Figure } from '../format';
import type { Dataset, Indicator, Lang, Localized } from '../schema';
import { attr, escapeHtml, safeHref } from './html';
import { CARD_CLASS as C, CARD_PART as P, cardRootClass, type CardKind, type Theme } from './card-classes';
import { pageUrl } from './urls';

/** The figures a card may need besides its own: the snapshot satisfies it. */
export interface CardData {
  /** The service's name, for titles. */
  readonly meta: { readonly title: Localized };
  readonly indicators: readonly Indicator[];
  indicator(id: string): Indicator | undefined;
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

/** Progress towards a target, where the article gives a so-far figure in the target's unit. */
export interface CardProgress {
  value: number;
  max: number;
  /** Accessible name of the progress bar. */
  label: string;
  text: string;
}

/** One line of a dataset card. */
export interface CardRow {
  id: string;
  label: string;
  figure: CardFigure;
  when: CardWhen;
}

/** Everything a card shows, as plain text (escaping happens in rendering). */
export interface CardModel {
  kind: CardKind;
  id: string;
  lang: Lang;
  label: string;
  figure?: CardFigure;
  note?: string;
  progress?: CardProgress;
  /** A so-far figure that cannot be drawn as a bar (other unit than the target). */
  soFar?: string;
  rows?: CardRow[];
  /** Omitted on dataset cards whose rows differ in date (each row then has its own). */
  when?: CardWhen;
  source: { text: string; href: string };
}

const TEXT = {
  zh: {
    target: '目标',
    forecast: '预计',
    progress: '年内进展',
    progressLabel: '完成进度',
    progressText: (done: string, target: string, pct: number) => `已完成${done}，目标${target}（${pct}%）`,
    soFar: (done: string, when: string) => `已完成：${done}（${when}）`,
    ranked: (label: string, figure: string) => `${label}：${figure}`,
    source: (publisher: string, title: string) => `来源：${publisher}《${title}》`,
  },
  en: {
    target: 'Target',
    forecast: 'Projected',
    progress: 'Progress so far',
    progressLabel: 'Progress towards the target',
    progressText: (done: string, target: string, pct: number) => `${done} of ${target} (${pct}%)`,
    soFar: (done: string, when: string) => `So far: ${done} (${when})`,
    ranked: (label: string, figure: string) => `${label}: ${figure}`,
    source: (publisher: string, title: string) => `Source: ${publisher}, “${title}”`,
  },
} as const;

/** `: ` or `：` */
export const colon = (lang: Lang): string => (lang === 'zh' ? '：' : ': ');

/** The figure with its qualifier and (in English) its measure word. */
export function cardFigure(figure: Figure, lang: Lang): CardFigure {
  return { text: formatValue(figure, lang), unit: unitWord(figure, lang) };
}

const joined = (f: CardFigure) => (f.unit ? `${f.text} ${f.unit}` : f.text);

/** `<time datetime>` wants one date; an interval is dated by its start. */
const when = (indicator: Indicator, lang: Lang): CardWhen => ({
  text: formatWhen(indicator, lang),
  datetime: indicator.asOf ?? indicator.period.split('/')[0]!,
});

/** The target a progress figure counts towards, or the progress figure of a target. */
function progressPair(indicator: Indicator, data: CardData): { done: Indicator; target: Indicator } | undefined {
  if (indicator.relations?.towards) {
    const target = data.indicator(indicator.relations.towards);
    return target ? { done: indicator, target } : undefined;
  }
  if (indicator.kind !== 'target') return undefined;
  const done = data.indicators.find((i) => i.relations?.towards === indicator.id);
  return done ? { done, target: indicator } : undefined;
}

/** The card kind an indicator gets: ranks → ranking, targets → target, everything else → number. */
export const indicatorCardKind = (indicator: Indicator): CardKind =>
  indicator.unit === 'rank' ? 'ranking' : indicator.kind === 'target' ? 'target' : 'number';

/** The model of an indicator's card. */
export function indicatorCard(indicator: Indicator, lang: Lang, data: CardData, origin: string): CardModel {
  const t = TEXT[lang];
  const kind = indicatorCardKind(indicator);
  const model: CardModel = {
    kind,
    id: indicator.id,
    lang,
    label: indicator.label[lang],
    figure: cardFigure(indicator, lang),
    when: when(indicator, lang),
    source: { text: t.source(indicator.source.publisher[lang], indicator.source.title[lang]), href: pageUrl(origin, 'indicator', indicator.id, lang) },
  };
  if (kind === 'ranking') {
    const ranked = indicator.relations?.ranks ? data.indicator(indicator.relations.ranks) : undefined;
    const scope = indicator.relations?.scope?.[lang];
    const parts = [scope, ranked && t.ranked(ranked.label[lang], joined(cardFigure(ranked, lang)))].filter(Boolean);
    const note = parts.join(' · ');
    if (note) model.note = note.charAt(0).toLocaleUpperCase(lang) + note.slice(1);
  } else if (kind === 'target') {
    model.note = t.target;
  } else if (indicator.kind === 'forecast') {
    model.note = t.forecast;
  } else if (indicator.kind === 'progress') {
    model.note = t.progress;
  }
  const pair = progressPair(indicator, data);
  if (pair && pair.done.unit === pair.target.unit && pair.target.value > 0) {
    const { done, target } = pair;
    const pct = Math.round((done.value / target.value) * 100);
    // The done figure without its unit word: "27 of 100 achievements", "已完成27项,目标100项".
    const text = t.progressText(formatValue(done, lang), joined(cardFigure(target, lang)), pct);
    model.progress = { value: Math.min(done.value, target.value), max: target.value, label: t.progressLabel, text };
  } else if (pair && kind === 'target') {
    model.soFar = t.soFar(joined(cardFigure(pair.done, lang)), formatWhen(pair.done, lang));
  }
  return model;
}

/** The model of a dataset's card: a compact list of its figures. */
export function datasetCard(dataset: Dataset, lang: Lang, origin: string): CardModel {
  const rows = dataset.indicators.map((i) => ({ id: i.id, label: i.label[lang], figure: cardFigure(i, lang), when: when(i, lang) }));
  const first = dataset.indicators[0]!;
  const shared = rows.every((r) => r.when.text === rows[0]!.when.text);
  return {
    kind: 'dataset',
    id: dataset.id,
    lang,
    label: dataset.title[lang],
    rows,
    ...(shared ? { when: rows[0]!.when } : {}),
    source: { text: TEXT[lang].source(first.source.publisher[lang], first.source.title[lang]), href: pageUrl(origin, 'dataset', dataset.id, lang) },
  };
}

/** How a card is written out. */
export interface RenderCardOptions {
  theme?: Theme;
  /** `_blank` inside the iframe, so a click does not navigate the frame. */
  linkTarget?: '_blank';
  /** Prefix of every line (the card is written one element per line). */
  indent?: string;
}

const time = (w: CardWhen, cls?: string) => `<time${attr('class', cls)}${attr('datetime', w.datetime)}>${escapeHtml(w.text)}</time>`;

/** The card's HTML (see `card-classes.ts`). Every text is escaped; the link is http(s) only. */
export function renderCard(model: CardModel, options: RenderCardOptions = {}): string {
  const pad = options.indent ?? '';
  const lines: string[] = [];
  const line = (depth: number, html: string) => lines.push(`${pad}${'  '.repeat(depth)}${html}`);
  const p = (cls: string, part: string, html: string) => line(1, `<p class="${cls}" part="${part}">${html}</p>`);

  line(0, `<div class="${cardRootClass(model.kind)}" part="${P.card}" role="group"${attr('aria-label', model.label)}${attr('lang', model.lang)}${attr('data-theme', options.theme ?? 'auto')}>`);
  p(C.label, P.label, escapeHtml(model.label));
  if (model.figure) {
    const unit = model.figure.unit ? ` <span class="${C.unit}" part="${P.unit}">${escapeHtml(model.figure.unit)}</span>` : '';
    p(C.figure, P.figure, `<span class="${C.value}" part="${P.value}">${escapeHtml(model.figure.text)}</span>${unit}`);
  }
  if (model.note) p(C.note, P.note, escapeHtml(model.note));
  if (model.progress) {
    const { value, max, label, text } = model.progress;
    const pct = `${Math.round((value / max) * 100)}%`;
    p(C.progress, P.progress, `<progress class="${C.bar}" part="${P.bar}"${attr('max', max)}${attr('value', value)}${attr('aria-label', label)}>${pct}</progress> <span class="${C.progressText}">${escapeHtml(text)}</span>`);
  } else if (model.soFar) {
    p(C.progress, P.progress, `<span class="${C.progressText}">${escapeHtml(model.soFar)}</span>`);
  }
  if (model.rows) {
    line(1, `<ul class="${C.list}" part="${P.list}">`);
    for (const row of model.rows) {
      const rowWhen = model.when ? '' : ` ${time(row.when, C.rowWhen)}`;
      line(2, `<li class="${C.row}" part="${P.row}"><span class="${C.rowLabel}">${escapeHtml(row.label)}</span> <span class="${C.rowValue}">${escapeHtml(joined(row.figure))}</span>${rowWhen}</li>`);
    }
    line(1, '</ul>');
  }
  if (model.when) p(C.when, P.when, time(model.when));
  const href = safeHref(model.source.href);
  const link = href
    ? `<a class="${C.link}" part="${P.link}"${attr('href', href)}${attr('target', options.linkTarget)}${attr('rel', options.linkTarget ? 'noopener' : undefined)}>${escapeHtml(model.source.text)}</a>`
    : escapeHtml(model.source.text);
  p(C.source, P.source, link);
  line(0, '</div>');
  return lines.join('\n');
}
