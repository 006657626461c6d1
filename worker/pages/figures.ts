import { formatPeriod, formatValue, formatWhen, unitWord } from '../format';
import type { Indicator, Lang } from '../schema';
import { type Html, h } from './html';

/**
 * Figures of one dataset that the summary pages (`/` and `/indicators`) list; a dataset with more lists these and links
 * to its page for the rest. Today's datasets hold at most 9; a catalog of 100 datasets of 100 indicators would
 * otherwise make each page megabytes long.
 */
export const SUMMARY_FIGURES = 10;

/** Figures a dataset's page lists at most (the API and CSV give every one, a page at a time). */
export const DATASET_PAGE_FIGURES = 500;

/**
 * A figure as a reader says it, qualifier always included:
 * `12%以上`, `超过800个`; `at least 12%`, `more than 800 positions`.
 */
export function figureText(indicator: Indicator, lang: Lang): string {
  const word = unitWord(indicator, lang);
  return word ? `${formatValue(indicator, lang)} ${word}` : formatValue(indicator, lang);
}

/** The figure in a `<data>` element, so machines get the base-unit value beside the words. */
export const figureData = (indicator: Indicator, lang: Lang): Html =>
  h`<data value="${indicator.value}">${figureText(indicator, lang)}</data>`;

/**
 * A period or date in words inside `<time>` when HTML can express it (a year,
 * month or day); intervals have no `datetime` form, so they stay plain text.
 */
export function timeText(iso: string, text: string): Html {
  return iso.includes('/') ? h`${text}` : h`<time datetime="${iso}">${text}</time>`;
}

/** When the figure stands (as-of date, else period), as `<time>` where possible. */
export const whenHtml = (indicator: Indicator, lang: Lang): Html =>
  timeText(indicator.asOf ?? indicator.period, formatWhen(indicator, lang));

/** A period in words as `<time>` where possible. */
export const periodHtml = (period: string, lang: Lang): Html => timeText(period, formatPeriod(period, lang));
