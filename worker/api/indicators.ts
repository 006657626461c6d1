import type { Context } from 'hono';
import type { Snapshot } from '../data-source';
import type { AppEnv } from '../env';
import { Problem, parseQuery, publicOrigin } from '../http';
import { apiDatasetCsv, apiIndicators, apiIndicatorsCsv } from '../links';
import type { Indicator, Lang } from '../schema';
import { chooseFormat, reply, replyAssembled } from './format-response';
import { localize } from './localize';
import { lookup } from './lookup';
import { entriesFor, FILTERS } from './params';
import { presentIndicator } from './present';
import { ApiIndicatorSchema } from './schema';
import { indicatorCsv } from './table';

type Filters = Partial<Record<(typeof FILTERS)[number], string>>;

const applyFilters = (snapshot: Snapshot, filters: Filters): readonly Indicator[] =>
  snapshot.indicators.filter((i) => FILTERS.every((name) => filters[name] === undefined || i[name] === filters[name]));

/** Cache key part for a filter set, in a fixed order so equal filters share one rendering. */
const filterKey = (filters: Filters) => FILTERS.map((name) => `${name}=${filters[name] ?? ''}`).join('&');

/** One indicator's JSON, serialised once per version, language and origin: the parts batches are assembled from. */
const indicatorJson = (c: Context<AppEnv>, indicator: Indicator, lang: Lang | undefined): string => {
  const origin = publicOrigin(c);
  return c.var.snapshot.memo(`api:indicator-json:${indicator.id}|${lang ?? '*'}|${origin}`, () =>
    JSON.stringify(localize(ApiIndicatorSchema, presentIndicator(indicator, origin, c.var.snapshot), lang)),
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
  const {
    ids,
    lang,
    format,
    vintage: _,
    ...filters
  } = parseQuery(c, entriesFor(snapshot, ['ids', ...FILTERS, 'lang', 'format', 'vintage']));
  if (ids) {
    const given = FILTERS.filter((name) => filters[name] !== undefined);
    if (given.length) {
      throw new Problem(
        400,
        'invalid-parameter',
        `"ids" cannot be combined with ${given.map((g) => `"${g}"`).join(', ')}: a batch returns exactly the ids asked for. Drop one or the other.`,
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
  const selected = () => applyFilters(snapshot, filters);
  return reply(
    c,
    {
      json: () =>
        `{"indicators":[${selected()
          .map((i) => indicatorJson(c, i, lang))
          .join(',')}]}`,
      csv: () => indicatorCsv(selected(), lang),
    },
    { key: `indicators?${filterKey(filters)}`, format, lang, filename: 'zhuzhou-indicators' },
  );
}

/** `GET /api/v1/indicators.csv`: the whole catalog (or the filtered part) as one table. */
export function listIndicatorsCsv(c: Context<AppEnv>): Response {
  const snapshot = c.var.snapshot;
  const { lang, vintage: _, ...filters } = parseQuery(c, entriesFor(snapshot, [...FILTERS, 'lang', 'vintage']));
  return reply(
    c,
    { csv: () => indicatorCsv(applyFilters(snapshot, filters), lang) },
    { key: `indicators?${filterKey(filters)}`, format: 'csv', lang, filename: 'zhuzhou-indicators' },
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
    snapshot.indicators.map((i) => i.id),
    apiIndicators(),
  );
  return reply(c, { json: () => indicatorJson(c, indicator, lang) }, { key: `indicator:${indicator.id}`, lang });
}
