import type { Context } from 'hono';
import * as v from 'valibot';
import { Problem } from './problem';

/**
 * Validates the query string against `entries`: every parameter must be
 * known, given once, and valid. Errors name the parameter and what is allowed.
 * @throws {Problem} 400 `unknown-parameter` or `invalid-parameter`.
 */
export function parseQuery<const E extends v.ObjectEntries>(
  c: Context,
  entries: E,
): v.InferOutput<v.ObjectSchema<E, undefined>> {
  const params = new URL(c.req.url).searchParams;
  // Own keys only, on a prototype-less record: `constructor` or `__proto__` must read as unknown, not as known or repeated.
  const raw: Record<string, string> = Object.create(null);
  const allowed = Object.keys(entries);
  for (const [name, value] of params) {
    if (!Object.hasOwn(entries, name)) {
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
  return result.output;
}

/** A parameter that must be one of `options`; the error lists them. */
export function oneOf<const T extends readonly string[]>(options: T) {
  return v.picklist(options, `must be one of: ${options.join(', ')}`);
}
