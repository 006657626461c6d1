/**
 * The card markup contract shared by the server-rendered cards (`/embed/:id`,
 * the light-DOM fallback in embed code) and the widget's Shadow DOM cards.
 * The widget bundle renders the same elements with the same classes and
 * `part` names, so one stylesheet (the manifest's `card.<hash>.css`, also
 * adopted into each shadow root) styles both, and host pages can theme both
 * through `::part(…)`. No imports: the widget bundle can import this file.
 *
 * Structure (optional pieces in brackets):
 *
 * ```html
 * <div class="zz-card zz-card--number|target|ranking|dataset" part="card"
 *      role="group" aria-label="…" lang="zh|en" data-theme="light|dark|auto">
 *   <p class="zz-card__label" part="label">…</p>
 *   [<p class="zz-card__figure" part="figure"><span class="zz-card__value" part="value">708家</span>
 *      [<span class="zz-card__unit" part="unit">platforms</span>]</p>]
 *   [<p class="zz-card__note" part="note">2023年目标 / 全国 · …</p>]
 *   [<p class="zz-card__progress" part="progress"><progress class="zz-card__bar" part="bar" max value aria-label>27%</progress>
 *      <span class="zz-card__progress-text">…</span></p>]
 *   [<ul class="zz-card__list" part="list"><li class="zz-card__row" part="row">
 *      <span class="zz-card__row-label">…</span> <span class="zz-card__row-value">…</span>
 *      [<time class="zz-card__row-when" datetime>…</time>]</li>…</ul>]
 *   <p class="zz-card__when" part="when"><time datetime="…">截至2023年3月31日</time></p>
 *   <p class="zz-card__source" part="source"><a class="zz-card__link" part="link" href="…">来源:…</a></p>
 * </div>
 * ```
 *
 * Theme: `data-theme="dark"` is dark, `light` is light, `auto` follows
 * `prefers-color-scheme`. The iframe page puts the card in
 * `<body class="zz-embed">`.
 */

/** Class names of the card's elements. */
export const CARD_CLASS = {
  card: 'zz-card',
  label: 'zz-card__label',
  figure: 'zz-card__figure',
  value: 'zz-card__value',
  unit: 'zz-card__unit',
  note: 'zz-card__note',
  progress: 'zz-card__progress',
  bar: 'zz-card__bar',
  progressText: 'zz-card__progress-text',
  list: 'zz-card__list',
  row: 'zz-card__row',
  rowLabel: 'zz-card__row-label',
  rowValue: 'zz-card__row-value',
  /** A row's own date, on dataset cards whose figures differ in date. */
  rowWhen: 'zz-card__row-when',
  when: 'zz-card__when',
  source: 'zz-card__source',
  link: 'zz-card__link',
  /** On `<body>` of the `/embed/:id` iframe page. */
  embedBody: 'zz-embed',
} as const;

/** The four card kinds; the root gets the modifier class `zz-card--<kind>`. */
export const CARD_KINDS = ['number', 'target', 'ranking', 'dataset'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/** `zz-card zz-card--<kind>` */
export const cardRootClass = (kind: CardKind): string => `${CARD_CLASS.card} ${CARD_CLASS.card}--${kind}`;

/** `part` names (for `::part()`), one per element above. */
export const CARD_PART = {
  card: 'card',
  label: 'label',
  figure: 'figure',
  value: 'value',
  unit: 'unit',
  note: 'note',
  progress: 'progress',
  bar: 'bar',
  list: 'list',
  row: 'row',
  when: 'when',
  source: 'source',
  link: 'link',
} as const;

/** Card themes: `auto` follows `prefers-color-scheme`. */
export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];
