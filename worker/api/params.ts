/**
 * Query parameters of the JSON API, written once: routes validate with them
 * (through `parseQuery`) and the OpenAPI document describes them from them.
 */
import * as v from 'valibot';
import type { Snapshot } from '../data-source';
import { LangTag, oneOf } from '../http';
import {
  ID_MAX_LENGTH,
  ID_PATTERN,
  IdSchema,
  IsoDateSchema,
  KINDS,
  LANGS,
  MEASURES,
  QUALIFIERS,
  UNITS,
} from '../schema';

/** Representations the API can send. */
export const FORMATS = ['json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

/** Most ids one batch request may name; a page with more cards makes more requests. */
export const MAX_IDS = 50;

/**
 * Most items one page of a list holds (the change log, datasets, indicators, a dataset's indicators, their CSV), and
 * how many without `limit`. 500 indicators are about 0.6 MB of JSON; 100 hold today's whole catalog (36) in one page.
 */
export const MAX_LIMIT = 500;
export const DEFAULT_LIMIT = 100;

/** `limit=1..500` as a number. */
const LimitParam = v.pipe(
  v.string(),
  v.regex(/^[1-9]\d{0,2}$/, `must be a whole number from 1 to ${MAX_LIMIT}`),
  v.transform(Number),
  v.maxValue(MAX_LIMIT, `must be a whole number from 1 to ${MAX_LIMIT}`),
);

/** A batch of ids as the OpenAPI document describes it (`style: form, explode: false`). */
export const IdListSchema = v.pipe(v.array(IdSchema), v.minLength(1), v.maxLength(MAX_IDS));

/**
 * `ids=a,b,c` → `['a', 'b', 'c']`, duplicates dropped, order kept. Every
 * error names the offending id or the limit, so a widget author can fix it.
 */
const IdListParam = v.pipe(
  v.string(),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const ids = dataset.value.split(',');
    if (ids.length > MAX_IDS) {
      addIssue({
        message: `names ${ids.length} ids; at most ${MAX_IDS} are allowed per request. Split them over several requests`,
      });
      return NEVER;
    }
    const bad = ids.find((id) => !ID_PATTERN.test(id) || id.length > ID_MAX_LENGTH);
    if (bad !== undefined) {
      addIssue({
        message:
          bad === ''
            ? 'has an empty id (two commas in a row, or a comma at either end). Give comma-separated ids like platforms-total,platforms-national'
            : `has "${bad.slice(0, 100)}", which is not an indicator id. Ids are lowercase kebab-case (a-z, 0-9, single hyphens), comma-separated`,
      });
      return NEVER;
    }
    return [...new Set(ids)];
  }),
);

/** One documented query parameter. */
export interface ParamSpec {
  /** Validates the raw string and gives the parsed value. */
  readonly schema: v.GenericSchema;
  /** What the OpenAPI document shows, when it differs from the validated string. */
  readonly doc?: v.GenericSchema;
  readonly description: string;
  /** `false` for comma-separated lists (`style: form, explode: false`). */
  readonly explode?: boolean;
}

/** Every query parameter of the API; the dataset list depends on the data, so this takes a snapshot. */
export function queryParams(snapshot: Snapshot) {
  return snapshot.memo(
    'api:params',
    () =>
      ({
        lang: {
          schema: v.optional(LangTag),
          doc: oneOf(LANGS),
          description:
            "Flatten every bilingual `{ zh, en }` text to the one language given. Default: both languages. `zh` is the article's original; `en` is a translation. A language tag of either, in any case, is read as it (`zh-CN`, `zh-Hans`, `zh-TW` → `zh`; `EN`, `en-US`, `en-GB` → `en`); another language is a 400 listing these.",
        },
        format: {
          schema: v.optional(oneOf(FORMATS)),
          description:
            'Representation: `json` or `csv` (UTF-8 with BOM, for spreadsheets). Wins over the `Accept` header; without it the format is negotiated from `Accept` (default JSON).',
        },
        ids: {
          schema: v.optional(IdListParam),
          doc: IdListSchema,
          explode: false,
          description: `Batch: comma-separated indicator ids, at most ${MAX_IDS}, returned in the order given (duplicates once). Ids that no indicator has are listed in \`missing\` rather than failing the batch, so one stale id does not break a page of cards. JSON only; cannot be combined with filters.`,
        },
        dataset: {
          schema: v.optional(oneOf(snapshot.datasets.map((d) => d.id))),
          description: 'Only indicators of this dataset.',
        },
        kind: {
          schema: v.optional(oneOf(KINDS)),
          description: 'Only `actual` results, `target`s, `progress` (so-far figures towards a target) or `forecast`s.',
        },
        unit: {
          schema: v.optional(oneOf(UNITS)),
          description: 'Only figures in this unit (money is always in yuan, `CNY`).',
        },
        qualifier: {
          schema: v.optional(oneOf(QUALIFIERS)),
          description:
            'Only figures with this qualifier: `exact`, `at_least` (以上), `more_than` (多, 余, 超), `about` (左右).',
        },
        vintage: {
          // Checked (and used) by the app's data middleware before any route runs; the route only accepts the name.
          schema: v.optional(v.string()),
          doc: IsoDateSchema,
          description:
            'The data as published by the end of this day (UTC), `YYYY-MM-DD`, not after today: what the API served that evening, before later corrections. A day before the first publication is a 404.',
        },
        after: {
          schema: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(200))),
          doc: v.string(),
          description:
            "Cursor: the id of the last item you have (a revision's in the change log, a dataset's in the list of datasets, an indicator's in a list of indicators); the page starts after it. Without it, the list starts at its beginning. The `Link: <…>; rel=\"next\"` of a page names the next page with its cursor. An id the list never had is a 400; an indicator withdrawn since keeps its place, so paging across a publish loses nothing.",
        },
        limit: {
          schema: v.optional(LimitParam),
          doc: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_LIMIT)),
          description: `How many items a page holds, 1 to ${MAX_LIMIT} (default ${DEFAULT_LIMIT}). While there is more, \`Link: <…>; rel="next"\` names the next page (with this limit); the last page has no such link.`,
        },
        'dry-run': {
          schema: v.optional(oneOf(['true', 'false'])),
          description:
            'With `true`: authenticate and validate as a write would, and answer what it would publish (with a preview of the card), writing nothing.',
        },
        measure: {
          schema: v.optional(oneOf(MEASURES)),
          description:
            'Only stocks or totals (`level`), amounts added in the period (`increase`), or year-on-year growth in percent (`growth_yoy`).',
        },
      }) satisfies Record<string, ParamSpec>,
  );
}

/** Names of the API's query parameters. */
export type ParamName = keyof ReturnType<typeof queryParams>;

/** Filters of `/api/v1/indicators`, in the order they are applied. */
export const FILTERS = ['dataset', 'kind', 'unit', 'qualifier', 'measure'] as const satisfies readonly ParamName[];

/**
 * The valibot entries for `parseQuery` of a route that takes `names`.
 * Unknown parameters are rejected by `parseQuery` with the list of these names.
 */
export function entriesFor<const N extends readonly ParamName[]>(snapshot: Snapshot, names: N) {
  const all = queryParams(snapshot);
  return Object.fromEntries(names.map((n) => [n, all[n].schema])) as {
    [K in N[number]]: ReturnType<typeof queryParams>[K]['schema'];
  };
}
