/**
 * "Did you mean" for a mistyped id, shared by every 404 that names one (API, pages, feeds, embeds). Ids stay
 * case-sensitive (`Platforms-Total` is not `platforms-total`, and is not redirected to it: one URL per resource), but
 * the suggestion reads past case, spaces and underscores first.
 */

/** Levenshtein distance (ids are short, lists are small). */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
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
  return known
    .map((k) => ({ k, d: k.includes(wanted) || wanted.includes(k) ? 1 : distance(wanted, k) }))
    .filter(({ k, d }) => d <= Math.max(2, Math.floor(k.length / 4)))
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
