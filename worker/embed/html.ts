/**
 * Escaping for the HTML and SVG the embed kit writes. Every piece of data goes
 * through one of these: labels and quotes are text, never markup.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values (HTML, SVG and XML alike). */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);

/** ` name="value"` with the value escaped; nothing for `undefined`/`false`, a bare name for `true`. */
export function attr(name: string, value: string | number | boolean | undefined): string {
  if (value === undefined || value === false) return '';
  if (value === true) return ` ${name}`;
  return ` ${name}="${escapeHtml(String(value))}"`;
}

/** Only `http:` and `https:` links are written; anything else becomes `undefined`. */
export function safeHref(href: string): string | undefined {
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
