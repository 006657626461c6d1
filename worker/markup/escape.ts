/**
 * Escaping for HTML and SVG built as plain strings (the embed kit's cards,
 * badges, frames and embed code). Every piece of data goes through one of
 * these: labels and quotes are text, never markup. Server pages use Hono's
 * `html` tag (`worker/pages/html.ts`), which escapes the same five characters
 * the same way. Kept dependency-free: the widget bundle imports it through
 * `card.ts`. Feeds have their own XML escaping (`worker/feeds/xml.ts`), which
 * also drops characters XML 1.0 forbids and keeps line breaks in attributes.
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
