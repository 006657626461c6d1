/**
 * A small, strict XML writer for the feeds. Every string that is not already
 * markup is escaped, and characters that XML 1.0 forbids are dropped, so no
 * figure, label or quote can break a feed or smuggle markup into it.
 */

/**
 * Anything outside the XML 1.0 `Char` production (§2.2): C0 controls other
 * than tab, LF and CR, U+FFFE, U+FFFF and lone surrogates. With the `u` flag a
 * lone surrogate is one code point outside every allowed range; a valid pair
 * is one astral code point inside the last one.
 */
const ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Removes the characters XML 1.0 does not allow anywhere in a document. */
export function stripIllegal(text: string): string {
  return text.replace(ILLEGAL, '');
}

const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' };
// Attribute-value normalisation (XML §3.3.3) turns literal tab, LF and CR into spaces; references survive it.
const ATTR: Record<string, string> = { ...TEXT, '"': '&quot;', "'": '&apos;', '\t': '&#x9;', '\n': '&#xA;' };

/**
 * Escapes character data. `>` is escaped too so `]]>` can never appear, and
 * CR is written as a reference because parsers turn a literal CR into LF.
 */
export function escapeText(text: string): string {
  return stripIllegal(text).replace(/[&<>\r]/g, (ch) => TEXT[ch]!);
}

/** Escapes an attribute value for either quote style, keeping tabs and line breaks as they are. */
export function escapeAttr(text: string): string {
  return stripIllegal(text).replace(/[&<>"'\t\n\r]/g, (ch) => ATTR[ch]!);
}

/** Markup that is already well-formed; anything else given to {@link el} is escaped as text. */
export class Xml {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

/** A child of {@link el}: markup, text to escape, or nothing (skipped, for optional parts). */
export type Child = Xml | string | null | undefined | false | readonly Child[];

/** Attribute values; `undefined` leaves the attribute out. */
export type Attrs = Readonly<Record<string, string | undefined>>;

function flatten(children: readonly Child[], out: (Xml | string)[] = []): (Xml | string)[] {
  for (const child of children) {
    if (Array.isArray(child)) flatten(child as readonly Child[], out);
    else if (child instanceof Xml || (typeof child === 'string' && child !== '')) out.push(child);
  }
  return out;
}

/**
 * An element. Names are trusted constants of this codebase; attribute values
 * and text children are escaped. An element holding only elements puts each
 * on its own line (whitespace between elements is insignificant there); text
 * and mixed content are written exactly.
 */
export function el(name: string, attrs: Attrs = {}, ...children: Child[]): Xml {
  let open = name;
  for (const [key, value] of Object.entries(attrs)) {
    if (value !== undefined) open += ` ${key}="${escapeAttr(value)}"`;
  }
  const parts = flatten(children);
  if (parts.length === 0) return new Xml(`<${open}/>`);
  const onlyElements = parts.every((part) => part instanceof Xml);
  const body = parts
    .map((part) => (part instanceof Xml ? part.markup : escapeText(part)))
    .join(onlyElements ? '\n' : '');
  return new Xml(onlyElements ? `<${open}>\n${body}\n</${name}>` : `<${open}>${body}</${name}>`);
}

/** A complete UTF-8 XML document around `root`. */
export function xmlDocument(root: Xml): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${root.markup}\n`;
}
