import { html, raw } from 'hono/html';

/** Markup whose text has been escaped: safe to send or to nest in another template. */
export type Html = Exclude<ReturnType<typeof html>, Promise<unknown>>;

/**
 * Hono's `html` tag, held to synchronous rendering: every interpolated string
 * is escaped, nested `Html` passes through, arrays are joined. Its escaping is
 * the same as `escapeHtml` in `worker/markup/escape.ts`, the escaper for markup
 * built as plain strings (test/worker/embed/html.test.ts holds them equal). Pages are
 * rendered once per data version inside `render()`, which needs a string, so a
 * Promise slipping into a template is a programming error, not a slow path.
 */
export function h(strings: TemplateStringsArray, ...values: unknown[]): Html {
  const out = html(strings, ...values);
  if (out instanceof Promise)
    throw new TypeError('Page templates must render synchronously; a Promise was interpolated.');
  return out;
}

/**
 * Serialises structured data for `<script type="application/ld+json">`.
 * `<`, `>` and `&` become JSON escapes so no value (a label holding
 * `</script>`) can end the element early, and U+2028/U+2029 are escaped for
 * old JavaScript parsers. The result is still exactly the same JSON value.
 */
export function jsonForScript(value: unknown): Html {
  const json = JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return raw(json);
}
