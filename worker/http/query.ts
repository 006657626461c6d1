/**
 * The query string, read one way everywhere. Two rules, by who writes the URL:
 *
 * - **The API (`/api/…`) is strict.** Its callers are programs whose authors read the errors: an unknown name is a
 *   400 `unknown-parameter` (it catches `lnag=en`, which would otherwise silently give both languages), except the
 *   names no one means for us ({@link isIgnorableParam}: jQuery's `_=<timestamp>`, analytics' `utm_*`).
 * - **Everything else is tolerant** (feeds, badges, iframe cards, oEmbed, the widget script, pages). Their URLs are
 *   pasted into CMSes, feed readers and newsletters that add `?v=3`, `utm_*`, `fbclid`… and whoever reads the result
 *   cannot fix it: unknown names are ignored, and a repeated known name counts once (the first).
 *
 * Values are validated in both modes; a route that wants an out-of-range presentation value to fall back (`lang=fr`
 * on a badge) says so in its schema (`v.fallback`), not here.
 *
 * A route must read its query only through {@link parseQuery}: the edge cache keys what it stores by the parameters
 * the route accepted ({@link canonicalQuery}), so a response for `?lang=en&v=3` is stored once, as `?lang=en`.
 */
import type { Context } from 'hono';
import * as v from 'valibot';
import { langFromTag } from '../language/tags';
import { isApiPath } from '../links';
import { LANGS, type Lang } from '../schema';
import { Problem } from './problem';

/** `strict`: unknown names are a 400 (the API). `tolerant`: they are ignored (everything a third party embeds). */
export type QueryMode = 'strict' | 'tolerant';

/** The mode of a path: strict in the API's namespace, tolerant everywhere else. The one place this is decided. */
export const queryMode = (path: string): QueryMode => (isApiPath(path) ? 'strict' : 'tolerant');

/**
 * Names that no route of ours reads and that clients add without asking their authors: jQuery's cache buster `_`
 * (`$.ajax({ cache: false })`) and Google Analytics' campaign parameters `utm_*` (lowercase, as GA reads them).
 * Ignored in every mode, and left out of edge-cache keys.
 */
export const isIgnorableParam = (name: string): boolean => name === '_' || name.startsWith('utm_');

/** Canonical query strings of parsed requests (see {@link canonicalQuery}); weak, so a request takes its entry along. */
const canonical = new WeakMap<Request, string>();

/**
 * The query string a request's response depends on, once a route has parsed it: the parameters the route accepted,
 * as the route understood them (`lang=zh-Hans` → `lang=zh`, `lang=fr` on a badge → `lang=zh`), sorted. `undefined`
 * when no route parsed the query. The edge cache stores responses under it.
 */
export const canonicalQuery = (request: Request): string | undefined => canonical.get(request);

/** The value a parsed parameter stands for in a cache key: a list as the API writes it, anything else as text. */
const keyValue = (value: unknown, raw: string): string =>
  Array.isArray(value)
    ? value.join(',')
    : typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : raw;

/**
 * Validates the query string against `entries`: every parameter is known (in strict mode; see {@link QueryMode}),
 * given once, and valid. Errors name the parameter and what is allowed.
 * @throws {Problem} 400 `unknown-parameter` or `invalid-parameter`.
 */
export function parseQuery<const E extends v.ObjectEntries>(
  c: Context,
  entries: E,
  mode: QueryMode = queryMode(c.req.path),
): v.InferOutput<v.ObjectSchema<E, undefined>> {
  const params = new URL(c.req.url).searchParams;
  // Own keys only, on a prototype-less record: `constructor` or `__proto__` must read as unknown, not as known or repeated.
  const raw: Record<string, string> = Object.create(null);
  const allowed = Object.keys(entries);
  for (const [name, value] of params) {
    if (!Object.hasOwn(entries, name)) {
      if (mode === 'tolerant' || isIgnorableParam(name)) continue;
      throw new Problem(
        400,
        'unknown-parameter',
        `Unknown query parameter "${name}". ${
          allowed.length ? `Allowed here: ${allowed.join(', ')}.` : 'This resource takes no query parameters.'
        }`,
        { 'invalid-params': [{ name, reason: 'unknown parameter' }], allowed },
      );
    }
    if (Object.hasOwn(raw, name)) {
      if (mode === 'tolerant') continue;
      throw new Problem(400, 'invalid-parameter', `Query parameter "${name}" is given more than once; give it once.`, {
        'invalid-params': [{ name, reason: 'repeated' }],
      });
    }
    raw[name] = value;
  }
  const result = v.safeParse(v.object(entries), raw);
  if (!result.success) {
    const issue = result.issues[0];
    const name = String(issue.path?.[0]?.key ?? '');
    throw new Problem(400, 'invalid-parameter', `Query parameter "${name}" ${issue.message}.`, {
      'invalid-params': result.issues.map((i) => ({ name: String(i.path?.[0]?.key ?? ''), reason: i.message })),
    });
  }
  const output = result.output as Record<string, unknown>;
  const key = new URLSearchParams(
    Object.keys(raw).map((name): [string, string] => [name, keyValue(output[name], raw[name]!)]),
  );
  key.sort();
  canonical.set(c.req.raw, key.toString());
  return result.output;
}

/** A parameter that must be one of `options`; the error lists them. */
export function oneOf<const T extends readonly string[]>(options: T) {
  return v.picklist(options, `must be one of: ${options.join(', ')}`);
}

/** What `lang` accepts, in words, for errors and documentation. */
export const LANG_VALUES = `${LANGS.join(', ')} (or a language tag of either, in any case: zh-CN, zh-Hans, en-US, EN)`;

/**
 * `lang` as a language tag read by {@link langFromTag}: `zh-Hans`, `zh_CN`, `EN`, `en-GB` all name one of our two
 * languages. Any other language is a 400 that lists what is allowed (where a wrong language must be seen: the API,
 * feeds); presentation routes wrap it in `v.fallback` to show their default instead.
 */
export const LangTag = v.pipe(
  v.string(),
  v.rawTransform(({ dataset, addIssue, NEVER }): Lang => {
    const lang = langFromTag(dataset.value);
    if (lang) return lang;
    addIssue({ message: `must be one of: ${LANG_VALUES}` });
    return NEVER;
  }),
);
