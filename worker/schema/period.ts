import * as v from 'valibot';

const DATE = String.raw`\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?`;

/**
 * An ISO 8601 reference period: a year (`2023`), a month (`2023-04`), a day
 * (`2023-04-20`) or an interval of two of those (`2023-04-19/2023-04-21`).
 */
export const PeriodSchema = v.pipe(
  v.string(),
  v.regex(
    new RegExp(`^${DATE}(?:/${DATE})?$`),
    'must be an ISO 8601 year, month, date or interval (2023, 2023-04, 2023-04-20, 2023-04-19/2023-04-21)',
  ),
);

/** An ISO 8601 calendar date, `YYYY-MM-DD`. */
export const IsoDateSchema = v.pipe(v.string(), v.isoDate('must be an ISO 8601 date (YYYY-MM-DD)'));
