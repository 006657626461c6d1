import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attr, escapeHtml, safeHref } from '../../../worker/markup';
import { h } from '../../../worker/pages/html';

/** Strings made mostly of what HTML escaping is about. */
const markupy = fc.string({
  unit: fc.constantFrom('&', '<', '>', '"', "'", '&amp;', '&#39;', 'a', '株', ' ', '\n'),
  maxLength: 40,
});
const anyText = fc.oneof(fc.string({ maxLength: 60 }), markupy);

/** Decodes exactly the five entities the escaper writes, `&amp;` last. */
const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('escapeHtml', () => {
  it('escapes the five significant characters for text and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('leaves no markup character and loses nothing', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const out = escapeHtml(s);
        expect(out).not.toMatch(/[<>"']/);
        expect(decode(out)).toBe(s);
      }),
    );
  });

  it('escapes exactly as the pages’ template tag (Hono’s html) does, so server pages and embed markup agree', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(escapeHtml(s)).toBe(h`${s}`.toString());
      }),
    );
  });
});

describe('attr', () => {
  it('writes a quoted, escaped value; a bare name for true; nothing for false or undefined', () => {
    expect(attr('title', `"x" & <y>`)).toBe(' title="&quot;x&quot; &amp; &lt;y&gt;"');
    expect(attr('width', 320)).toBe(' width="320"');
    expect(attr('hidden', true)).toBe(' hidden');
    expect(attr('hidden', false)).toBe('');
    expect(attr('title', undefined)).toBe('');
    expect(attr('alt', '')).toBe(' alt=""');
  });
});

describe('safeHref', () => {
  it.each([
    ['https://example.com/a?b=1&c=2', 'https://example.com/a?b=1&c=2'],
    ['http://example.com', 'http://example.com/'],
    ['HTTPS://EXAMPLE.com/x', 'https://example.com/x'],
    ['javascript:alert(1)', undefined],
    [' javascript:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['mailto:a@example.com', undefined],
    ['/relative/path', undefined],
    ['not a url', undefined],
  ])('%j → %j', (href, expected) => {
    expect(safeHref(href)).toBe(expected);
  });
});
