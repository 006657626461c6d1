import type { Context } from 'hono';
import { type Snapshot, stringWeight } from '../data-source';
import type { AppEnv } from '../env';
import { Problem, parseQuery, publicOrigin } from '../http';
import { apiDatasetCsv, apiIndicators, apiIndicatorsCsv } from '../links';
import type { Indicator, Lang } from '../schema';
import { pageKey } from './datasets';
import { chooseFormat, reply, replyAssembled, replyPage } from './format-response';
import { localize } from './localize';
import { lookup } from './lookup';
import { indicatorRank, nextLink, pageOf } from './page';
import { DEFAULT_LIMIT, entriesFor, FILTERS } from './params';
import { presentIndicator } from './present';
import { ApiIndicatorSchema } from './schema';
import { indicatorCsvPage } from './table';

type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

const applyFilters = (snapshot: Snapshot, filters: Filters): readonly Indicator[] =>
  FILTERS.some((name) => filters[name] !== undefined)
    ? snapshot.indicators.filter((i) =>
        FILTERS.every((name) => filters[name] === undefined || i[name] === filters[name]),
      )
    : snapshot.indicators;

/** Cache key part for a filter set, in a fixed order so equal filters share one rendering. */
const filterKey = (filters: Filters) => FILTERS.map((name) => `${name}=${filters[name] ?? ''}`).join('&');

/** One indicator's JSON, made once per version, language and origin (while cached): the parts lists are made of. */
const indicatorJson = (c: Context<AppEnv>, indicator: Indicator, lang: Lang | undefined): string => {
  const origin = publicOrigin(c);
  return c.var.snapshot.cache(
    `api:indicator-json:${indicator.id}|${lang ?? '*'}|${origin}`,
    () => JSON.stringify(localize(ApiIndicatorSchema, presentIndicator(indicator, origin, c.var.snapshot), lang)),
    stringWeight,
  );
};

/**
 * `GET /api/v1/indicators` (body: `IndicatorListSchema`, assembled from
 * per-indicator parts; tests check it against the schema): everything, a filtered list, or a batch by
 * `ids`. A batch keeps the order asked for and reports unknown ids in
 * `missing` with a 200, so one stale id does not blank a page of cards.
 */
export function listIndicators(c: Context<AppEnv>): Response {
  const snapshot = c.var.snapshot;
  const { ids, lang, format, vintage, after, limit, ...filters } = parseQuery(
    c,
    entriesFor(snapshot, ['ids', ...FILTERS, 'lang', 'format', 'vintage', 'after', 'limit']),
  );
  if (ids) {
    const given = [...FILTERS, 'after' as const, 'limit' as const].filter(
      (name) => ({ ...filters, after, limit })[name] !== undefined,
    );
    if (given.length) {
      throw new Problem(
        400,
        'invalid-parameter',
        `"ids" cannot be combined with ${given.map((g) => `"${g}"`).join(', ')}: a batch returns exactly the ids asked for, in one answer. Drop one or the other.`,
        {
          'invalid-params': given.map((name) => ({ name, reason: 'not allowed together with ids' })),
        },
      );
    }
    if (format === 'csv') {
      throw new Problem(
        400,
        'invalid-parameter',
        `A batch by "ids" is JSON only (it reports unknown ids in "missing"). Use ${apiIndicatorsCsv()} or ${apiDatasetCsv('{id}')} for CSV.`,
        {
          'invalid-params': [{ name: 'format', reason: 'must be json when ids is given' }],
        },
      );
    }
    const { negotiated } = chooseFormat(c, ['json'], format);
    const found: string[] = [];
    const missing: string[] = [];
    for (const id of ids) {
      const indicator = snapshot.indicator(id);
      if (indicator) found.push(indicatorJson(c, indicator, lang));
      else missing.push(id);
    }
    const body = `{"indicators":[${found.join(',')}],"missing":${JSON.stringify(missing)}}`;
    return replyAssembled(c, body, { key: `indicators?ids=${ids.join(',')}`, lang, negotiated });
  }
  const page = indicatorPage(snapshot, filters, after, limit);
  return replyPage(
    c,
    {
      json: () => `{"indicators":[${page.items.map((i) => indicatorJson(c, i, lang)).join(',')}]}`,
      csv: () => indicatorCsvPage(snapshot, page.items, lang),
    },
    {
      key: `indicators?${filterKey(filters)}${pageKey(after, limit)}`,
      format,
      lang,
      filename: 'zhuzhou-indicators',
      links: nextLink(publicOrigin(c), apiIndicators(), { ...filters, lang, format, vintage }, page, limit),
    },
  );
}

/** One page of the (filtered) indicators, in the catalog's order, after the cursor `after`. */
const indicatorPage = (snapshot: Snapshot, filters: Filters, after: string | undefined, limit: number | undefined) =>
  pageOf(
    applyFilters(snapshot, filters),
    (i) => i.id,
    indicatorRank(snapshot),
    after,
    limit ?? DEFAULT_LIMIT,
    'indicator',
  );

/** `GET /api/v1/indicators.csv`: the catalog (or the filtered part of it) as CSV, a page at a time. */
export function listIndicatorsCsv(c: Context<AppEnv>): Response {
  const snapshot = c.var.snapshot;
  const { lang, vintage, after, limit, ...filters } = parseQuery(
    c,
    entriesFor(snapshot, [...FILTERS, 'lang', 'vintage', 'after', 'limit']),
  );
  const page = indicatorPage(snapshot, filters, after, limit);
  return replyPage(
    c,
    { csv: () => indicatorCsvPage(snapshot, page.items, lang) },
    {
      key: `indicators?${filterKey(filters)}${pageKey(after, limit)}`,
      format: 'csv',
      lang,
      filename: 'zhuzhou-indicators',
      links: nextLink(publicOrigin(c), apiIndicatorsCsv(), { ...filters, lang, vintage }, page, limit),
    },
  );
}

/** `GET /api/v1/indicators/{id}` */
export function getIndicator(c: Context<AppEnv>): Response {
  const snapshot = c.var.snapshot;
  const { lang } = parseQuery(c, entriesFor(snapshot, ['lang', 'vintage']));
  const indicator = lookup(
    'indicator',
    c.req.param('id') ?? '',
    snapshot.indicator,
    () => snapshot.indicators.map((i) => i.id),
    apiIndicators(),
  );
  return reply(c, { json: () => indicatorJson(c, indicator, lang) }, { key: `indicator:${indicator.id}`, lang });
}
