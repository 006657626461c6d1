import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { el, escapeAttr, escapeText, stripIllegal, Xml, xmlDocument } from '../../../worker/feeds/xml';
import { plainXml as parser, text as textOf } from './helpers';

/**
 * The oracle, written independently of the module's regular expression: walks
 * UTF-16 code units and keeps exactly what XML 1.0 §2.2 `Char` allows.
 */
function legalOnly(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text.slice(i, i + 2);
        i++;
      }
      continue; // a high surrogate without its low half
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) continue; // a low surrogate alone
    if (unit === 0x9 || unit === 0xa || unit === 0xd || (unit >= 0x20 && unit <= 0xfffd)) out += text[i];
  }
  return out;
}

/** Strings rich in what breaks XML: markup characters, line breaks, controls, noncharacters, surrogate halves. */
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)), maxLength: 60 }),
  fc.string({
    unit: fc.constantFrom(
      '&',
      '<',
      '>',
      '"',
      "'",
      '\r',
      '\n',
      '\t',
      ' ',
      ']]>',
      '&amp;',
      '&#x41;',
      '\u0000',
      '\u001f',
      '\ufffe',
      '\uffff',
      '\ud800',
      '\udfff',
      '😀',
      '株',
      'a',
    ),
    maxLength: 40,
  }),
);

describe('escapeText and escapeAttr', () => {
  it('round-trip any string through an independent XML parser, minus the characters XML forbids', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const doc = `<r a="${escapeAttr(text)}" b='${escapeAttr(text)}'>${escapeText(text)}</r>`;
        expect(XMLValidator.validate(doc)).toBe(true);
        const r = parser.parse(doc).r as Record<string, string> | string;
        const expected = legalOnly(text);
        expect(textOf(r)).toBe(expected);
        const attrs = typeof r === 'object' ? r : {};
        expect(attrs['@a'] ?? '').toBe(expected);
        expect(attrs['@b'] ?? '').toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('never emit a forbidden character, a bare markup character or "]]>"', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        for (const escaped of [escapeText(text), escapeAttr(text)]) {
          expect(legalOnly(escaped)).toBe(escaped);
          expect(escaped).not.toMatch(/[<>]|]]>|\r/);
          // Every & starts one of the references the escapers write.
          expect(escaped.replace(/&(?:amp|lt|gt|quot|apos|#x[0-9A-F]+);/g, '')).not.toContain('&');
        }
        expect(escapeAttr(text)).not.toMatch(/["'\t\n]/);
      }),
      { numRuns: 1000 },
    );
  });

  it('strips C0 controls, U+FFFE, U+FFFF and lone surrogates, and keeps tab, LF, CR and astral characters', () => {
    expect(stripIllegal('a\u0000b\u0008c\u000bd\u001fe')).toBe('abcde');
    expect(stripIllegal('x\ufffey\uffffz')).toBe('xyz');
    expect(stripIllegal('\ud800lone\udc00 low')).toBe('lone low');
    expect(stripIllegal('\udc00\ud800')).toBe('');
    expect(stripIllegal('tab\tlf\ncr\r😀株洲\u007f\u0085')).toBe('tab\tlf\ncr\r😀株洲\u007f\u0085');
  });

  it('keep U+FEFF wherever it stands, first character included (it is text, not a byte-order mark, inside a document)', () => {
    for (const text of ['\ufeff\u0080\u0800\u0800\u0800\u0800', '\ufeff', `\ufeff${'株'.repeat(30)}\ufeff`]) {
      const r = parser.parse(`<r a="${escapeAttr(text)}">${escapeText(text)}</r>`).r as Record<string, string>;
      expect(textOf(r)).toBe(text);
      expect(r['@a']).toBe(text);
    }
  });

  it('write CR as a reference so it survives end-of-line handling, and whitespace in attributes likewise', () => {
    expect(escapeText('a\r\nb')).toBe('a&#xD;\nb');
    expect(escapeAttr('a\tb\nc\rd')).toBe('a&#x9;b&#xA;c&#xD;d');
    expect(escapeText('<b>R&D</b> ]]>')).toBe('&lt;b&gt;R&amp;D&lt;/b&gt; ]]&gt;');
  });
});

describe('el', () => {
  it('keeps attributes and text of nested elements intact and the document well-formed', () => {
    fc.assert(
      fc.property(hostile, hostile, hostile, (title, body, tail) => {
        const doc = xmlDocument(el('feed', { title, skipped: undefined }, el('entry', {}, body), el('note', {}, tail)));
        expect(XMLValidator.validate(doc)).toBe(true);
        const feed = parser.parse(doc).feed as Record<string, unknown>;
        expect(feed['@title'] ?? '').toBe(legalOnly(title));
        expect(feed['@skipped']).toBeUndefined();
        expect(textOf(feed.entry)).toBe(legalOnly(body));
        expect(textOf(feed.note)).toBe(legalOnly(tail));
      }),
      { numRuns: 500 },
    );
  });

  it('escapes strings and passes markup through; empty parts are left out', () => {
    const link = el('a', { href: '/x?a=1&b=2' }, 'R&D');
    expect(link.markup).toBe('<a href="/x?a=1&amp;b=2">R&amp;D</a>');
    expect(el('p', {}, 'see ', link, null, false, undefined, '', ['.']).markup).toBe(
      '<p>see <a href="/x?a=1&amp;b=2">R&amp;D</a>.</p>',
    );
    expect(el('br').markup).toBe('<br/>');
    expect(el('ul', {}, [el('li', {}, '1'), el('li', {}, '2')]).markup).toBe('<ul>\n<li>1</li>\n<li>2</li>\n</ul>');
    expect(new Xml('<b/>').toString()).toBe('<b/>');
    expect(xmlDocument(el('r'))).toBe('<?xml version="1.0" encoding="utf-8"?>\n<r/>\n');
  });
});
