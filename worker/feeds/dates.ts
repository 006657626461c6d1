/**
 * Feed timestamps from the calendar dates in the data. The article and the
 * service give days, not times: a day is taken to start at midnight in
 * Zhuzhou (China Standard Time, UTC+8 all year), so every reader computes the
 * same instant and a reader in China sees the day the article names.
 */

/** China Standard Time; China has no daylight saving time. */
export const ZONE_OFFSET = '+08:00';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The first day of an ISO 8601 period: `2023-04-19/2023-04-21` → `2023-04-19`,
 * `2023-04` → `2023-04-01`, `2023` → `2023-01-01`.
 */
export function periodStart(period: string): string {
  const [year, month = '01', day = '01'] = period.split('/')[0]!.split('-');
  return `${year}-${month}-${day}`;
}

/** `2023-04-19` → `2023-04-19T00:00:00+08:00` (RFC 3339, for Atom and JSON Feed). */
export function rfc3339(date: string): string {
  return `${date}T00:00:00${ZONE_OFFSET}`;
}

/**
 * `2023-04-19` → `Wed, 19 Apr 2023 00:00:00 +0800` (RFC 822 as updated by
 * RFC 1123: four-digit year, numeric zone; what RSS 2.0 requires).
 */
export function rfc822(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const weekday = DAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return `${weekday}, ${String(day).padStart(2, '0')} ${MONTHS[month - 1]} ${year} 00:00:00 ${ZONE_OFFSET.replace(':', '')}`;
}
