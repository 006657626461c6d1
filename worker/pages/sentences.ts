/**
 * The indicator page's details as sentences for people: the figure with its date
 * (`截至2023年3月31日，全市各类科技创新平台共708家。` / `As of 31 March 2023, the number of … was 708.`), what its
 * qualifier means, what kind of figure it is, and its value in base units where the words round it. The machine codes
 * stay on the page, secondary.
 */
import { formatNumber, formatPeriod, formatValue, formatWhen, unitWord } from '../format';
import { SITE_WORDS, type WhenWords } from '../language';
import type { Indicator, Lang } from '../schema';
import { type Html, h } from './html';

/** When a figure stands, in the forms a sentence needs. */
export function whenWords(indicator: Pick<Indicator, 'period' | 'asOf'>, lang: Lang): WhenWords {
  return {
    text: formatWhen(indicator, lang),
    asOf: indicator.asOf !== undefined,
    period: formatPeriod(indicator.period, lang),
    precision: indicator.period.includes('/') ? 0 : indicator.period.split('-').length,
  };
}

/** The sentences, as plain strings, in reading order. */
export function detailSentenceTexts(indicator: Indicator, lang: Lang): string[] {
  const s = SITE_WORDS[lang].sentence;
  const out = [
    s.figure(indicator, formatValue(indicator, lang), unitWord(indicator, lang), whenWords(indicator, lang)),
  ];
  if (indicator.qualifier !== 'exact') out.push(s.qualifier[indicator.qualifier]);
  if (indicator.kind !== 'actual') out.push(s.kind[indicator.kind]);
  // 308亿元 rounds nothing away, but a reader may want the yuan: say it for amounts only.
  if (indicator.unit === 'CNY') out.push(s.base(formatNumber(indicator.value, lang), indicator.unitLabel[lang]));
  return out;
}

/** The sentences as one paragraph. */
export const detailSentences = (indicator: Indicator, lang: Lang): Html =>
  h`<p class="sentences">${detailSentenceTexts(indicator, lang).join(SITE_WORDS[lang].sentence.gap)}</p>`;
