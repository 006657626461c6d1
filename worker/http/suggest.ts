/**
 * "Did you mean" for a mistyped id, shared by every 404 that names one (API, pages, feeds, embeds). Ids stay
 * case-sensitive (`Platforms-Total` is not `platforms-total`, and is not redirected to it: one URL per resource), but
 * the suggestion reads past case, spaces and underscores first.
 */

/**
 * Levenshtein distance, or `limit + 1` as soon as it is known to be over `limit` (every entry of a row is): a catalog
 * of 10,000 ids costs one short pass per id, not a full table each.
 */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (row[j]! < least) least = row[j]!;
    }
    if (least > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/** Longest id we compare (a longer one is no one's typo, and distance is quadratic). */
const MAX_COMPARED = 200;

/**
 * Up to three known ids close to `id`. An id that differs only in case, spaces or underscores (`Platforms-Total`,
 * `platforms_total`) has exactly one answer, its id; otherwise the ids containing it or a few edits away, nearest
 * first.
 *
 * @example suggestIds('Platforms-Total', ['platforms-total', 'platforms-national']) // ['platforms-total']
 */
export function suggestIds(id: string, known: readonly string[]): string[] {
  if (id.length > MAX_COMPARED) return [];
  const wanted = id
    .toLowerCase()
    .trim()
    .replace(/[\s_]+/g, '-');
  if (known.includes(wanted)) return [wanted];
  const found: { k: string; d: number }[] = [];
  for (const k of known) {
    const limit = Math.max(2, Math.floor(k.length / 4));
    const d = k.includes(wanted) || wanted.includes(k) ? 1 : distance(wanted, k, limit);
    if (d <= limit) found.push({ k, d });
  }
  return found
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map(({ k }) => k);
}

/**
 * The sentence a 404's `detail` adds for `suggestions` (English, as every problem detail): empty when there are none.
 *
 * @example didYouMean(['platforms-total']) // ' Did you mean `platforms-total`?'
 */
export function didYouMean(suggestions: readonly string[]): string {
  return suggestions.length ? ` Did you mean ${suggestions.map((s) => `\`${s}\``).join(' or ')}?` : '';
}
