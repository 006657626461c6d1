/** Periods seen and their last days: a log has few distinct periods, and each point of a series keeps its end. */
const known = new Map<string, string>();

/**
 * The last day of an ISO 8601 reference period, the key that orders observations: the current value of an indicator is
 * its observation whose period ends last.
 *
 * @example
 * periodEnd('2023'); // '2023-12-31'
 * periodEnd('2024-02'); // '2024-02-29'
 * periodEnd('2023-04-19/2023-04-21'); // '2023-04-21'
 */
export function periodEnd(period: string): string {
  let end = known.get(period);
  if (end === undefined) {
    if (known.size >= 4096) known.clear();
    end = compute(period);
    known.set(period, end);
  }
  return end;
}

function compute(period: string): string {
  const last = period.split('/').at(-1)!;
  const [year, month, day] = last.split('-');
  if (day) return last;
  if (!month) return `${year}-12-31`;
  const days = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  return `${year}-${month}-${String(days).padStart(2, '0')}`;
}
