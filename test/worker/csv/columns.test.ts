import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { columnsOf } from '../../../worker/csv';
import { IndicatorSchema } from '../../../worker/schema';

describe('columnsOf', () => {
  it('derives one column per leaf of the Indicator schema, in schema order, snake_case', () => {
    const names = columnsOf(IndicatorSchema).map((c) => c.name);
    expect(names.slice(0, 5)).toEqual(['id', 'label_zh', 'label_en', 'description_zh', 'description_en']);
    expect(names).toEqual(
      expect.arrayContaining([
        'value',
        'unit',
        'unit_label_zh',
        'unit_label_en',
        'qualifier',
        'kind',
        'period',
        'as_of',
        'dataset',
        'source_quote',
        'relations_part_of',
        'relations_scope_en',
      ]),
    );
    expect(new Set(names).size).toBe(names.length);
  });

  it('follows the schema: every top-level entry yields at least one column', () => {
    const names = columnsOf(IndicatorSchema).map((c) => c.name);
    for (const key of Object.keys(IndicatorSchema.entries)) {
      const prefix = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
      expect(
        names.some((n) => n === prefix || n.startsWith(`${prefix}_`)),
        key,
      ).toBe(true);
    }
  });

  it('marks numbers as numeric and everything else as text or list', () => {
    const schema = v.object({
      n: v.pipe(v.number(), v.integer()),
      s: v.optional(v.string()),
      k: v.picklist(['a']),
      tags: v.array(v.string()),
    });
    expect(columnsOf(schema).map((c) => [c.name, c.kind])).toEqual([
      ['n', 'number'],
      ['s', 'text'],
      ['k', 'text'],
      ['tags', 'list'],
    ]);
  });

  it('refuses a schema type it has no column form for, rather than dropping data', () => {
    expect(() => columnsOf(v.object({ when: v.date() }))).toThrow(/"date" at when/);
  });
});
