/**
 * schema.org structured data for search engines (Google Dataset Search reads
 * `Dataset` and `DataCatalog`). Names and descriptions are in the page's
 * language; the data itself carries both, hence `inLanguage` lists both.
 */
import type { CatalogMeta } from '../data-source';
import { formatWhen } from '../format';
import { LANG_TAGS, paren } from '../language';
import { absolute, apiDataset, apiDatasetCsv, datasetPath, homePath, indicatorPath } from '../links';
import type { Dataset, Indicator, Lang } from '../schema';
import { figureText } from './figures';

type Thing = Record<string, unknown>;

/** First and last day an ISO 8601 period covers: `2023` → 2023-01-01 … 2023-12-31. */
function span(period: string): [string, string] {
  const [start, end = start] = period.split('/') as [string, string?];
  const first = (iso: string) => [iso.slice(0, 4), iso.slice(5, 7) || '01', iso.slice(8, 10) || '01'].join('-');
  const last = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number?, number?];
    if (d !== undefined) return iso;
    // Day 0 of the next month is the last day of this one (or of December for a bare year).
    const date = new Date(Date.UTC(y, m ?? 12, 0));
    return date.toISOString().slice(0, 10);
  };
  return [first(start), last(end)];
}

/** The time the figures cover, as an ISO 8601 interval of dates (`2022-01-01/2023-12-31`), or one date. */
export function temporalCoverage(indicators: readonly Pick<Indicator, 'period'>[]): string {
  const spans = indicators.map((i) => span(i.period));
  const from = spans.map((s) => s[0]).sort()[0]!;
  const to = spans
    .map((s) => s[1])
    .sort()
    .at(-1)!;
  return from === to ? from : `${from}/${to}`;
}

const organization = (name: string): Thing => ({ '@type': 'Organization', name });

/** 株洲市, Hunan, China. */
const ZHUZHOU: Readonly<Record<Lang, Thing>> = {
  zh: {
    '@type': 'Place',
    name: '株洲市',
    alternateName: 'Zhuzhou',
    containedInPlace: { '@type': 'AdministrativeArea', name: '湖南省' },
  },
  en: {
    '@type': 'Place',
    name: 'Zhuzhou',
    alternateName: '株洲市',
    containedInPlace: { '@type': 'AdministrativeArea', name: 'Hunan, China' },
  },
};

/** One indicator as a measured variable: value in base units, the qualified figure in words. */
function variable(indicator: Indicator, lang: Lang, origin: string): Thing {
  return {
    '@type': 'PropertyValue',
    propertyID: indicator.id,
    name: indicator.label[lang],
    // The figure in words keeps the qualifier that `value` alone cannot carry.
    description: `${figureText(indicator, lang)}${paren(lang, formatWhen(indicator, lang))}`,
    value: indicator.value,
    // `at least` is a lower bound; `about` and `more than` have none schema.org can say.
    ...(indicator.qualifier === 'at_least' ? { minValue: indicator.value } : {}),
    unitText: indicator.unit === 'CNY' ? 'CNY' : indicator.unitLabel[lang],
    url: absolute(origin, indicatorPath(indicator.id, lang)),
  };
}

/** A schema.org `Dataset` for one dataset, with its downloads and variables (at most `maxVariables` of them). */
export function datasetJsonLd(
  dataset: Dataset,
  meta: CatalogMeta,
  lang: Lang,
  origin: string,
  maxVariables = Number.POSITIVE_INFINITY,
): Thing {
  return {
    '@type': 'Dataset',
    '@id': absolute(origin, datasetPath(dataset.id, 'zh')),
    identifier: dataset.id,
    name: dataset.title[lang],
    description: dataset.description[lang],
    url: absolute(origin, datasetPath(dataset.id, lang)),
    inLanguage: [LANG_TAGS.zh, LANG_TAGS.en],
    license: meta.license.url,
    isAccessibleForFree: true,
    creator: organization(meta.publisher[lang]),
    publisher: organization(meta.publisher[lang]),
    isBasedOn: {
      '@type': 'NewsArticle',
      headline: meta.article.title[lang],
      inLanguage: LANG_TAGS.zh,
      datePublished: meta.article.published,
      publisher: organization(meta.article.publisher[lang]),
    },
    datePublished: dataset.issued,
    dateModified: dataset.modified,
    temporalCoverage: temporalCoverage(dataset.indicators),
    spatialCoverage: ZHUZHOU[lang],
    distribution: [
      {
        '@type': 'DataDownload',
        encodingFormat: 'application/json',
        contentUrl: absolute(origin, apiDataset(dataset.id)),
      },
      { '@type': 'DataDownload', encodingFormat: 'text/csv', contentUrl: absolute(origin, apiDatasetCsv(dataset.id)) },
    ],
    variableMeasured: dataset.indicators.slice(0, maxVariables).map((i) => variable(i, lang, origin)),
  };
}

/** The landing page's `DataCatalog` holding every dataset (each with the variables the page lists). */
export function catalogJsonLd(
  datasets: readonly Dataset[],
  meta: CatalogMeta,
  lang: Lang,
  origin: string,
  maxVariables = Number.POSITIVE_INFINITY,
): Thing {
  return {
    '@context': 'https://schema.org',
    '@type': 'DataCatalog',
    '@id': absolute(origin, homePath('zh')),
    name: meta.title[lang],
    description: meta.description[lang],
    url: absolute(origin, homePath(lang)),
    inLanguage: [LANG_TAGS.zh, LANG_TAGS.en],
    license: meta.license.url,
    publisher: organization(meta.publisher[lang]),
    spatialCoverage: ZHUZHOU[lang],
    dataset: datasets.map((d) => datasetJsonLd(d, meta, lang, origin, maxVariables)),
  };
}

/** A dataset page's `Dataset`, pointing back to the catalog. */
export function datasetPageJsonLd(
  dataset: Dataset,
  meta: CatalogMeta,
  lang: Lang,
  origin: string,
  maxVariables = Number.POSITIVE_INFINITY,
): Thing {
  return {
    '@context': 'https://schema.org',
    ...datasetJsonLd(dataset, meta, lang, origin, maxVariables),
    includedInDataCatalog: { '@type': 'DataCatalog', '@id': absolute(origin, homePath('zh')), name: meta.title[lang] },
  };
}
