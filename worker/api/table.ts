import { columnsOf, toCsv } from '../csv';
import { type Indicator, IndicatorSchema, type Lang } from '../schema';
import { localize, oneLanguageSchema } from './localize';

/** CSV columns of indicators: derived from `IndicatorSchema` (both languages) or its one-language form. */
export const indicatorColumns = (lang?: Lang) => columnsOf(lang ? oneLanguageSchema(IndicatorSchema) : IndicatorSchema);

/**
 * Indicators as a CSV table, one row each. With `lang`, bilingual fields are
 * one column (`label`) rather than two (`label_zh`, `label_en`).
 */
export function indicatorCsv(indicators: readonly Indicator[], lang: Lang | undefined): string {
  return toCsv(
    indicatorColumns(lang),
    indicators.map((i) => localize(IndicatorSchema, i, lang)),
  );
}
