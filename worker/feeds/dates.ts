/**
 * Feed timestamps. The article and the service give calendar days, not times: a day is taken to start at midnight
 * in Zhuzhou (China Standard Time, UTC+8 all year), so every reader computes the same instant and a reader in China
 * sees the day the article names. Revisions carry real instants (UTC ISO 8601); feeds write every timestamp in
 * Zhuzhou time, so a revision published late on 30 June UTC reads as 1 July in China, as it was there.
 */

/** China Standard Time; China has no daylight saving time. */
export const ZONE_OFFSET = '+08:00';

const ZONE_MS = 8 * 3600 * 1000;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The first day of an ISO 8601 period: `2023-04-19/2023-04-21` → `2023-04-19`,
 * `2023-04` → `2023-04-01`, `2023` → `2023-01-01`.
 */
export function periodStart(period: string): string {
  const [year, month = '01', day = '01'] = period.split('/')[0]!.split('-');
  return `${year}-${month}-${day}`;
}

/**
 * Milliseconds since the epoch of a feed timestamp: a calendar day (`2023-04-19`, its midnight in Zhuzhou) or an
 * instant (`2023-06-30T02:15:00.123Z`). Feeds order their items by it.
 */
export function instant(date: string): number {
  return Date.parse(DAY.test(date) ? `${date}T00:00:00${ZONE_OFFSET}` : date);
}

/** The wall-clock fields of a timestamp in Zhuzhou. */
function zoned(date: string) {
  const local = new Date(instant(date) + ZONE_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    day: `${local.getUTCFullYear()}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}`,
    date: local.getUTCDate(),
    month: local.getUTCMonth(),
    year: local.getUTCFullYear(),
    weekday: local.getUTCDay(),
    time: `${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())}`,
    ms: local.getUTCMilliseconds(),
  };
}

/**
 * RFC 3339 in Zhuzhou time, for Atom and JSON Feed: `2023-04-19` → `2023-04-19T00:00:00+08:00`,
 * `2023-06-30T02:15:00.120Z` → `2023-06-30T10:15:00.120+08:00` (milliseconds only when there are any).
 */
export function rfc3339(date: string): string {
  const t = zoned(date);
  return `${t.day}T${t.time}${t.ms ? `.${String(t.ms).padStart(3, '0')}` : ''}${ZONE_OFFSET}`;
}

/**
 * RFC 822 as updated by RFC 1123 (four-digit year, numeric zone; what RSS 2.0 requires), in Zhuzhou time:
 * `2023-04-19` → `Wed, 19 Apr 2023 00:00:00 +0800`. Whole seconds: RFC 822 has no fractions.
 */
export function rfc822(date: string): string {
  const t = zoned(date);
  return `${DAYS[t.weekday]}, ${String(t.date).padStart(2, '0')} ${MONTHS[t.month]} ${t.year} ${t.time} ${ZONE_OFFSET.replace(':', '')}`;
}
