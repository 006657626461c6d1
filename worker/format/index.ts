/**
 * How figures read in each language. Shared by the server (pages, feeds,
 * badges, embed cards) and the widget bundle, so a figure reads the same
 * everywhere. Only `Intl` and type imports: it must stay small for the widget.
 */
import type { Indicator, Lang, Qualifier } from '../schema';

/** The parts of an indicator that formatting needs (the API's JSON has them all). */
export type Figure = Pick<Indicator, 'value' | 'unit' | 'unitLabel' | 'qualifier'>;

const LOCALES: Record<Lang, string> = { zh: 'zh-CN', en: 'en-GB' };

/** Words for qualifiers: zh follows the number, en precedes it. */
export const QUALIFIER_WORDS: Record<Lang, Record<Qualifier, string>> = {
  zh: { exact: '', at_least: '以上', about: '左右', more_than: '超过' },
  en: { exact: '', at_least: 'at least', about: 'about', more_than: 'more than' },
};

const number = (lang: Lang, value: number, options?: Intl.NumberFormatOptions) =>
  new Intl.NumberFormat(LOCALES[lang], options).format(value);

/** A plain number with the language's digit grouping (`30,800,000,000`): a base-unit value, without unit or qualifier. */
export const formatNumber = (value: number, lang: Lang): string => number(lang, value);

const ORDINAL: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };

/**
 * The figure as text in one language, qualifier included:
 * `708家`, `12%以上`, `超过800个`, `308亿元`, `第17位`;
 * `708`, `at least 12%`, `more than 800`, `CNY 30.8 billion`, `17th`.
 */
export function formatValue(figure: Figure, lang: Lang): string {
  const { value, unit, qualifier } = figure;
  let text: string;
  if (unit === 'rank') {
    text =
      lang === 'zh'
        ? `第${value}${figure.unitLabel.zh}`
        : `${value}${ORDINAL[new Intl.PluralRules('en', { type: 'ordinal' }).select(value)]}`;
  } else if (unit === 'percent') {
    text = `${number(lang, value, { maximumFractionDigits: 2 })}%`;
  } else if (unit === 'CNY') {
    // Currency styles force two decimals and short scales ("30.80bn"), so the code is added by hand.
    const amount = number(lang, value, { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 2 });
    text = lang === 'zh' ? `${amount}元` : `CNY ${amount}`;
  } else {
    text = number(lang, value) + (lang === 'zh' ? figure.unitLabel.zh : '');
  }
  const word = QUALIFIER_WORDS[lang][qualifier];
  if (!word) return text;
  if (lang === 'en') return `${word} ${text}`;
  return qualifier === 'more_than' ? `${word}${text}` : `${text}${word}`;
}

/** The measure word in English, for text beside the number (`708 platforms`). */
export const unitWord = (figure: Figure, lang: Lang): string =>
  figure.unit === 'count' && lang === 'en' ? figure.unitLabel.en : '';

const DATE_STYLES: Record<number, Intl.DateTimeFormatOptions> = {
  1: { year: 'numeric' },
  2: { year: 'numeric', month: 'long' },
  3: { year: 'numeric', month: 'long', day: 'numeric' },
};

/** `2023`, `2023-04`, `2023-04-20` → a UTC Date and its precision (1 year, 2 month, 3 day). */
function parseIsoDate(text: string): [Date, number] {
  const parts = text.split('-').map(Number);
  return [new Date(Date.UTC(parts[0]!, (parts[1] ?? 1) - 1, parts[2] ?? 1)), parts.length];
}

/**
 * An ISO 8601 period in words, in UTC so a date never shifts a day:
 * `2023年4月19日至21日` / `19–21 April 2023`; `2023年` / `2023`.
 */
export function formatPeriod(period: string, lang: Lang): string {
  const [start, end] = period.split('/') as [string, string | undefined];
  const [from, precision] = parseIsoDate(start);
  const formatAt = (digits: number) =>
    new Intl.DateTimeFormat(LOCALES[lang], { ...DATE_STYLES[digits], timeZone: 'UTC' });
  const format = formatAt(precision);
  // One period, or the same one twice (2023-04-19/2023-04-19).
  if (!end || end === start) return format.format(from);
  const [to, toPrecision] = parseIsoDate(end);
  // Ends of different precision (2023-01/2023-03-15): each as precise as it is, in full, so no day is lost.
  if (toPrecision !== precision)
    return format.format(from) + (lang === 'zh' ? '至' : '–') + formatAt(toPrecision).format(to);
  if (lang === 'en') return format.formatRange(from, to).replace(/\s*–\s*/, '–');
  // ICU's zh ranges come out numeric (2023/4/19至2023/4/21); write them as a reader would: 2023年4月19日至21日.
  const text = format.format(to);
  const same = from.getUTCFullYear() === to.getUTCFullYear();
  const cut = !same
    ? 0
    : from.getUTCMonth() === to.getUTCMonth() && precision === 3
      ? text.indexOf('月') + 1
      : text.indexOf('年') + 1;
  return `${format.format(from)}至${text.slice(cut)}`;
}

/** `截至2023年3月31日` / `as of 31 March 2023`. */
export function formatAsOf(date: string, lang: Lang): string {
  return (lang === 'zh' ? '截至' : 'as of ') + formatPeriod(date, lang);
}

/** When the figure stands: its as-of date where the article gives one, else its period. */
export function formatWhen(indicator: Pick<Indicator, 'period' | 'asOf'>, lang: Lang): string {
  return indicator.asOf ? formatAsOf(indicator.asOf, lang) : formatPeriod(indicator.period, lang);
}
