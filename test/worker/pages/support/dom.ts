/**
 * Reads rendered pages with workerd's own streaming HTML parser
 * (HTMLRewriter), so tests look at elements, attributes and text the way a
 * browser would tokenise them, not at substrings.
 */

/** One matched element: tag, attributes, and its text content (entities decoded). */
export interface Found {
  tag: string;
  attrs: Record<string, string>;
  /** Text content of the element and its descendants. */
  text: string;
}

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** Decodes the character references HTMLRewriter leaves in text chunks. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, ref: string) => {
    const r = ref.toLowerCase();
    if (r.startsWith('#x')) return String.fromCodePoint(parseInt(r.slice(2), 16));
    if (r.startsWith('#')) return String.fromCodePoint(parseInt(r.slice(1), 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' } as Record<string, string>)[r]!;
  });
}

/** Every element of `html` matching the CSS `selector`, in document order. */
export async function select(html: string, selector: string): Promise<Found[]> {
  const found: Found[] = [];
  const open: Found[] = [];
  const raw: string[] = [];
  const rewriter = new HTMLRewriter().on(selector, {
    element(el) {
      // HTMLRewriter hands attribute values over as written, character references included.
      const attrs = Object.fromEntries([...el.attributes].map(([name, value]) => [name, decodeEntities(value ?? '')]));
      const item: Found = { tag: el.tagName, attrs, text: '' };
      found.push(item);
      raw.push('');
      if (VOID.has(el.tagName)) return;
      open.push(item);
      el.onEndTag(() => {
        open.splice(open.indexOf(item), 1);
      });
    },
    text(chunk) {
      for (const item of open) item.text += chunk.text;
    },
  });
  await rewriter.transform(new Response(html)).text();
  for (const item of found) item.text = decodeEntities(item.text);
  return found;
}

/** The one element matching `selector`; fails the test when there is not exactly one. */
export async function one(html: string, selector: string): Promise<Found> {
  const all = await select(html, selector);
  if (all.length !== 1) throw new Error(`expected one "${selector}", found ${all.length}`);
  return all[0]!;
}

/** Collapses whitespace, for comparing text across line breaks. */
export const squashSpace = (text: string): string => text.replace(/\s+/g, ' ').trim();
