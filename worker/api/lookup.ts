import { Problem } from '../http';
import { ID_MAX_LENGTH, ID_PATTERN } from '../schema';

/** Levenshtein distance, for "did you mean" on a mistyped id (ids are short, lists are small). */
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

/** Up to three known ids close to `id`: same after lowercasing, containing it, or a few edits away. */
export function suggest(id: string, known: readonly string[]): string[] {
  const wanted = id
    .toLowerCase()
    .trim()
    .replace(/[\s_]+/g, '-');
  return known
    .map((k) => ({ k, d: k === wanted ? 0 : k.includes(wanted) || wanted.includes(k) ? 1 : distance(wanted, k) }))
    .filter(({ k, d }) => d <= Math.max(2, Math.floor(k.length / 4)))
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map(({ k }) => k);
}

/**
 * The record `find(id)` gives, or a 404 problem that says what ids look like,
 * suggests near misses and where to find the list.
 */
export function lookup<T>(
  what: string,
  id: string,
  find: (id: string) => T | undefined,
  known: readonly string[],
  listPath: string,
): T {
  const valid = id.length <= ID_MAX_LENGTH && ID_PATTERN.test(id);
  const found = valid ? find(id) : undefined;
  if (found !== undefined) return found;
  const shown = id.length > 100 ? `${id.slice(0, 100)}…` : id;
  const suggestions = id.length <= 200 ? suggest(id, known) : [];
  const hint = valid
    ? ''
    : ` Ids are lowercase kebab-case (a-z, 0-9, single hyphens), at most ${ID_MAX_LENGTH} characters.`;
  const near = suggestions.length ? ` Did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?` : '';
  throw new Problem(
    404,
    'not-found',
    `There is no ${what} "${shown}".${hint}${near} See ${listPath} for every ${what}.`,
    { suggestions },
  );
}
