import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { BOM, columnsOf, defuse, quoteField, toCsv } from '../../../worker/csv';
import { parseCsv } from '../api/support';

const schema = v.object({
  name: v.string(),
  value: v.number(),
  label: v.object({ zh: v.string(), en: v.string() }),
  note: v.optional(v.string()),
});
const columns = columnsOf(schema);

describe('toCsv', () => {
  it('writes a BOM, a header, CRLF rows and a final CRLF', () => {
    const text = toCsv(columns, [{ name: 'a', value: 1, label: { zh: '家', en: 'x' } }]);
    expect(text).toBe(`${BOM}name,value,label_zh,label_en,note\r\na,1,家,x,\r\n`);
  });

  it('quotes fields holding commas, quotes or line breaks (RFC 4180), doubling quotes', () => {
    expect(quoteField('a,b')).toBe('"a,b"');
    expect(quoteField('say "hi"')).toBe('"say ""hi"""');
    expect(quoteField('two\nlines')).toBe('"two\nlines"');
    expect(quoteField('cr\r')).toBe('"cr\r"');
    expect(quoteField('plain 中文')).toBe('plain 中文');
  });

  it('round-trips any text through an independent RFC 4180 reader (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            name: fc.string(),
            zh: fc.string({ unit: 'grapheme' }),
            value: fc.double({ noNaN: true, noDefaultInfinity: true }),
          }),
          { maxLength: 8 },
        ),
        (records) => {
          const text = toCsv(
            columns,
            records.map((r) => ({ name: r.name, value: r.value, label: { zh: r.zh, en: r.name } })),
          );
          const rows = parseCsv(text.slice(1));
          expect(rows[0]).toEqual(columns.map((c) => c.name));
          expect(rows.length).toBe(records.length + 1);
          records.forEach((r, n) => {
            const row = rows[n + 1]!;
            expect(row[0]).toBe(defuse(r.name));
            expect(Number(row[1])).toBe(r.value + 0); // -0 is written as 0
            expect(row[2]).toBe(defuse(r.zh));
          });
        },
      ),
    );
  });
});

describe('formula injection guard', () => {
  it.each(['=SUM(A1)', '+1', "-2+3+cmd|' /C calc'!A0", '@SUM(1)', '\t=1', '\r=1'])(
    'defuses text cell %j with a leading apostrophe',
    (text) => {
      expect(defuse(text)).toBe(`'${text}`);
      const line = toCsv(columns, [{ name: text, value: 0, label: { zh: '', en: '' } }]).split('\r\n')[1]!;
      expect(parseCsv(line)[0]![0]).toBe(`'${text}`);
    },
  );

  it('leaves ordinary text alone', () => {
    for (const text of ['708家', '2023-04-19/2023-04-21', 'a=b', '中文', '']) expect(defuse(text)).toBe(text);
  });

  it('writes negative numbers as numbers: they are data, not formulas', () => {
    const line = toCsv(columns, [{ name: 'x', value: -3.5, label: { zh: '', en: '' } }]).split('\r\n')[1]!;
    expect(parseCsv(line)[0]![1]).toBe('-3.5');
  });
});
