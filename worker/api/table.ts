import { BOM, columnsOf, csvHeader, csvLine, toCsv } from '../csv';
import { type Snapshot, stringWeight } from '../data-source';
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

/**
 * {@link indicatorCsv} of a page of a list, assembled from rows kept per data version and language (a list has too many
 * pages to keep each one): the same bytes.
 */
export function indicatorCsvPage(snapshot: Snapshot, indicators: readonly Indicator[], lang: Lang | undefined): string {
  const columns = snapshot.memo(`api:csv-columns|${lang ?? '*'}`, () => indicatorColumns(lang));
  const header = snapshot.memo(`api:csv-header|${lang ?? '*'}`, () => csvHeader(columns));
  const rows = indicators.map((i) =>
    snapshot.cache(
      `api:csv-row:${i.id}|${lang ?? '*'}`,
      () => csvLine(columns, localize(IndicatorSchema, i, lang)),
      stringWeight,
    ),
  );
  return BOM + header + rows.join('');
}
