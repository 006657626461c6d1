/**
 * What a card says, and its HTML, on the server. The widget
 * (`widgets/src/cards/*.tsx`) draws the same card in a shadow root; this
 * mirrors its markup and words so the iframe card (`/embed/:id`) gets the same
 * look from the same stylesheet (`widgets/src/card.css`, built to
 * `/widgets/card.<hash>.css`). The markup contract, as that stylesheet states it:
 *
 * ```html
 * <div class="zz light|dark|auto" lang>                 container and theme
 *   <div class="card number|target|rank|dataset" part="card" role="group" aria-labelledby="l">
 *     <p class="label" id="l" part="label">…</p>
 *     <p class="value" part="value">708<span class="unit"> platforms</span></p>
 *     <p class="note" part="note">…</p>
 *     <dl class="pair" part="pair"><div><dt>…</dt><dd part="value">…</dd></div>…</dl>
 *     <progress max value aria-labelledby="pl" part="progress"></progress>
 *     <ul class="list" part="list"><li><span>…</span><b>…</b></li>…</ul>
 *     <p class="foot" part="foot"><span>when</span><span>来源：<a part="source">…</a></span></p>
 * ```
 *
 * The light-DOM fallback inside embed code is deliberately NOT this markup:
 * generic class names such as `card` or `label` would pick up the host page's
 * own CSS (Bootstrap has both), and ids would repeat across cards. It is
 * plain `<p>`/`<ul>` text instead (`renderFallback`).
 */
import { type Figure, formatPeriod, formatValue, formatWhen, unitWord } from '../format';
import type { Dataset, Indicator, Lang, Localized } from '../schema';
import { attr, escapeHtml, safeHref } from './html';
import { DEFAULT_THEME, type Theme } from './theme';
import { pageUrl } from './urls';

/** The card types, named as the widget names them (its `type` attribute and `.card.<type>` class). */
export const CARD_TYPES = ['number', 'target', 'rank', 'dataset'] as const;
export type CardType = (typeof CARD_TYPES)[number];

/**
 * The widget's interface words (`widgets/src/words.ts`) that cards show; a
 * test keeps the two equal.
 */
export const CARD_WORDS = {
  zh: { source: '来源：', target: '目标', soFar: '已完成', ofTarget: '目标完成度', scope: '排名范围：' },
  en: {
    source: 'Source: ',
    target: 'Target',
    soFar: 'So far',
    ofTarget: 'Progress towards the target',
    scope: 'Ranked ',
  },
} as const satisfies Record<Lang, Record<string, string>>;

/** BCP 47 tags, as the widget writes them. */
export const LANG_TAG: Readonly<Record<Lang, string>> = { zh: 'zh-CN', en: 'en' };

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
  when?: CardWhen;
  source: { prefix: string; publisher: string; href: string };
  /** The so-far indicator a target card shows: the widget's `progress` attribute. */
  progressId?: string;
}

/** `: ` or `：` */
export const colon = (lang: Lang): string => (lang === 'zh' ? '：' : ': ');

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

/** Whether a so-far figure can be drawn as a share of its target (the widget's `comparable`). */
export const comparable = (progress: Indicator, target: Indicator): boolean =>
  progress.unit === target.unit &&
  progress.measure === target.measure &&
  target.measure !== 'growth_yoy' &&
  target.value > 0;

/** The card type an indicator reads best as (the widget's `inferType`). */
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

/** The model of an indicator's card. */
export function indicatorCard(i: Indicator, lang: Lang, data: CardFigures, origin: string): CardModel {
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
      source: source(t, lang, pageUrl(origin, 'indicator', t.id, lang)),
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
        note: `${w.ofTarget}${colon(lang)}${share}${lang === 'zh' ? '（' : ' ('}${formatValue(p, lang)} / ${formatValue(t, lang)}${lang === 'zh' ? '）' : ')'}`,
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
    when: when(i, lang),
    source: source(i, lang, pageUrl(origin, 'indicator', i.id, lang)),
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
    source: source(d.indicators[0]!, lang, pageUrl(origin, 'dataset', d.id, lang)),
  };
}

/** How a card is written out. */
export interface RenderCardOptions {
  theme?: Theme;
  /** `_blank` inside the iframe, so a click does not navigate the frame. */
  linkTarget?: '_blank';
}

const figureHtml = (f: CardFigure) =>
  `${escapeHtml(f.text)}${f.unit ? `<span class="unit"> ${escapeHtml(f.unit)}</span>` : ''}`;

function sourceLink(model: CardModel, part: string, target?: '_blank'): string {
  const href = safeHref(model.source.href);
  const name = escapeHtml(model.source.publisher);
  const link = href
    ? `<a${attr('href', href)}${part}${attr('target', target)}${attr('rel', target ? 'noopener' : undefined)}>${name}</a>`
    : name;
  return `${escapeHtml(model.source.prefix)}${link}`;
}

/**
 * The card as the widget draws it (see the contract above), for the iframe
 * page. Every text is escaped; the source link is http(s) only.
 */
export function renderCard(model: CardModel, options: RenderCardOptions = {}): string {
  const out: string[] = [];
  const add = (html: string) => out.push(`    ${html}`);
  add(`<p class="label" id="l" part="label">${escapeHtml(model.label)}</p>`);
  const note = model.note ? `<p class="note" part="note">${escapeHtml(model.note)}</p>` : '';
  const value = model.value ? `<p class="value" part="value">${figureHtml(model.value)}</p>` : '';
  // A target heads its figure with its period; a rank explains its scope after it.
  if (model.type === 'target') out.push(...[note, value].filter(Boolean).map((h) => `    ${h}`));
  else out.push(...[value, note].filter(Boolean).map((h) => `    ${h}`));
  if (model.pair) {
    add(
      `<dl class="pair" part="pair">${model.pair.map((x) => `<div><dt>${escapeHtml(x.term)}</dt><dd part="value">${figureHtml(x.figure)}</dd></div>`).join('')}</dl>`,
    );
  }
  if (model.progress) {
    const { value: v, max, note: text } = model.progress;
    add(`<progress${attr('max', max)}${attr('value', v)} aria-labelledby="pl" part="progress"></progress>`);
    add(`<p class="note" id="pl" part="note">${escapeHtml(text)}</p>`);
  }
  if (model.rows) {
    add('<ul class="list" part="list">');
    for (const row of model.rows)
      add(`  <li><span>${escapeHtml(row.label)}</span><b>${figureHtml(row.figure)}</b></li>`);
    add('</ul>');
  }
  const whenHtml = model.when
    ? `<span><time${attr('datetime', model.when.datetime)}>${escapeHtml(model.when.text)}</time></span>`
    : '';
  add(
    `<p class="foot" part="foot">${whenHtml}<span>${sourceLink(model, ' part="source"', options.linkTarget)}</span></p>`,
  );
  return `<div${attr('class', `zz ${options.theme ?? DEFAULT_THEME}`)}${attr('lang', LANG_TAG[model.lang])}>
  <div${attr('class', `card ${model.type}`)} part="card" role="group" aria-labelledby="l">
${out.join('\n')}
  </div>
</div>`;
}

/**
 * The light-DOM fallback of a card in embed code: the same facts as plain
 * paragraphs (no classes, no ids), so the host page reads right before or
 * without the script, in its own styles; a dataset lists one `<li>` per
 * figure. The live card keeps the box this text took (widgets/src/element.tsx),
 * so it is written a line per line of the card, date and source included:
 * in common host styles that leaves the card room at its full size.
 */
export function renderFallback(model: CardModel, indent = '  '): string {
  const lines: string[] = [`<p><strong>${escapeHtml(model.label)}</strong></p>`];
  const sep = colon(model.lang);
  if (model.type === 'target' && model.note && model.value)
    lines.push(`<p>${escapeHtml(model.note)}${sep}<b>${escapeHtml(figureText(model.value))}</b></p>`);
  else if (model.value) lines.push(`<p><b>${escapeHtml(figureText(model.value))}</b></p>`);
  if (model.type !== 'target' && model.note) lines.push(`<p>${escapeHtml(model.note)}</p>`);
  for (const x of model.pair ?? [])
    lines.push(`<p>${escapeHtml(x.term)}${sep}<b>${escapeHtml(figureText(x.figure))}</b></p>`);
  if (model.progress) lines.push(`<p>${escapeHtml(model.progress.note)}</p>`);
  if (model.rows) {
    lines.push('<ul>');
    for (const row of model.rows)
      lines.push(`  <li>${escapeHtml(row.label)}${sep}<b>${escapeHtml(figureText(row.figure))}</b></li>`);
    lines.push('</ul>');
  }
  // The date and the source on lines of their own (the card's foot puts them side by side, room permitting).
  if (model.when)
    lines.push(
      `<p><small><time${attr('datetime', model.when.datetime)}>${escapeHtml(model.when.text)}</time></small></p>`,
    );
  lines.push(`<p><small>${sourceLink(model, '')}</small></p>`);
  return lines.map((l) => indent + l).join('\n');
}
