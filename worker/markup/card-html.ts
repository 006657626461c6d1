/**
 * A card's HTML on the server. The widget (`widgets/src/card.tsx`) draws the same card in a shadow root; this writes
 * its markup so the iframe card (`/embed/:id`) gets the same look from the same stylesheet (`widgets/src/card.css`,
 * built to `/widgets/card.<hash>.css`). The markup contract, as that stylesheet states it:
 *
 * ```html
 * <div class="zz light|dark|auto" lang>                 container and theme
 *   <div class="card number|target|rank|dataset" part="card" role="group" aria-labelledby="l">
 *     <p class="label" id="l" part="label">…</p>
 *     <p class="value" part="value">708<span class="unit"> platforms</span></p>
 *     <p class="note" part="note">…</p>
 *     <svg class="trend" part="trend" viewBox="0 0 100 24" role="img" aria-label="走势：…"><polyline points></svg>
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
import { type CardFigure, type CardModel, figureText } from '../card/model';
import { DEFAULT_THEME, type Theme } from '../card/theme';
import { MISSING_WORDS } from '../language/card-words';
import { colon } from '../language/punctuation';
import { LANG_TAGS } from '../language/tags';
import type { Lang } from '../schema';
import { attr, escapeHtml, safeHref } from './escape';

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

/** The sparkline: a line through the observations, scaled to the card's width, named by the trend in words. */
const trendSvg = (t: NonNullable<CardModel['trend']>) =>
  `<svg class="trend" part="trend" viewBox="0 0 100 24" preserveAspectRatio="none" role="img"${attr('aria-label', t.label)}><polyline${attr('points', t.points)} vector-effect="non-scaling-stroke"></polyline></svg>`;

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
  if (model.trend) add(trendSvg(model.trend));
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
  return `<div${attr('class', `zz ${options.theme ?? DEFAULT_THEME}`)}${attr('lang', LANG_TAGS[model.lang])}>
  <div${attr('class', `card ${model.type}`)} part="card" role="group" aria-labelledby="l">
${out.join('\n')}
  </div>
</div>`;
}

/** Input of {@link renderMissingCard}. */
export interface MissingCardInput {
  kind: 'indicator' | 'dataset';
  /** The id asked for (any text: it is escaped). */
  id: string;
  lang: Lang;
  theme?: Theme;
  /** Absolute URL of the list of ids (the indicators catalog page). */
  list: string;
  linkTarget?: '_blank';
}

/**
 * The not-found card, as the widget draws it for an unknown id: the card's box and look, a label saying what was not
 * found, the id asked for, and a link to the list of ids. `.card.missing` has no reserved height: it is small.
 */
export function renderMissingCard({ kind, id, lang, theme, list, linkTarget }: MissingCardInput): string {
  const w = MISSING_WORDS[lang];
  return `<div${attr('class', `zz ${theme ?? DEFAULT_THEME}`)}${attr('lang', LANG_TAGS[lang])}>
  <div class="card missing" part="card" role="group" aria-labelledby="l">
    <p class="label" id="l" part="label">${escapeHtml(w[kind])}</p>
    <p class="note" part="note">${escapeHtml(w.id)}<code>${escapeHtml(id)}</code></p>
    <p class="foot" part="foot"><a${attr('href', safeHref(list))} part="source"${attr('target', linkTarget)}${attr('rel', linkTarget ? 'noopener' : undefined)}>${escapeHtml(w.list)}</a></p>
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
  // The sparkline in words, on the line the card draws it on.
  if (model.trend) lines.push(`<p><small>${escapeHtml(model.trend.label)}</small></p>`);
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
