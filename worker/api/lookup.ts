import { didYouMean, Problem, suggestIds } from '../http';
import { ID_MAX_LENGTH, ID_PATTERN } from '../schema';

/** Up to three known ids close to `id` (see `suggestIds`); kept under this name for the API's callers. */
export const suggest = suggestIds;

/**
 * The record `find(id)` gives, or a 404 problem that says what ids look like,
 * suggests near misses and where to find the list.
 */
export function lookup<T>(
  what: string,
  id: string,
  find: (id: string) => T | undefined,
  /** The ids there are, for suggestions (a function: listed only when the id is not found). */
  known: readonly string[] | (() => readonly string[]),
  listPath: string,
): T {
  const valid = id.length <= ID_MAX_LENGTH && ID_PATTERN.test(id);
  const found = valid ? find(id) : undefined;
  if (found !== undefined) return found;
  const shown = id.length > 100 ? `${id.slice(0, 100)}…` : id;
  const suggestions = suggestIds(id, typeof known === 'function' ? known() : known);
  const hint = valid
    ? ''
    : ` Ids are lowercase kebab-case (a-z, 0-9, single hyphens), at most ${ID_MAX_LENGTH} characters.`;
  throw new Problem(
    404,
    'not-found',
    `There is no ${what} "${shown}".${hint}${didYouMean(suggestions)} See ${listPath} for every ${what}.`,
    { suggestions },
  );
}
