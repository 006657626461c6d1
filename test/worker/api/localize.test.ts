import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { localize, oneLanguageSchema } from '../../../worker/api/localize';
import { ApiIndicatorSchema, DatasetDetailSchema } from '../../../worker/api/schema';
import { IndicatorSchema, LocalizedSchema } from '../../../worker/schema';
import { storedIndicators } from './support';

describe('oneLanguageSchema', () => {
  it('turns every { zh, en } field into a string and leaves the rest', () => {
    const flat = oneLanguageSchema(IndicatorSchema) as unknown as { entries: Record<string, { type: string }> };
    expect(flat.entries.label!.type).toBe('string');
    expect(flat.entries.value!.type).toBe('number');
    expect(flat.entries.unit!.type).toBe('picklist');
  });

  it('is memoised by identity, so shared schemas stay shared', () => {
    expect(oneLanguageSchema(ApiIndicatorSchema)).toBe(oneLanguageSchema(ApiIndicatorSchema));
    const detail = oneLanguageSchema(DatasetDetailSchema) as unknown as { entries: { indicators: { item: unknown } } };
    expect(detail.entries.indicators.item).toBe(oneLanguageSchema(ApiIndicatorSchema));
  });

  it('leaves schemas without bilingual text as they are', () => {
    const plain = v.object({ a: v.number() });
    expect(oneLanguageSchema(plain)).toBe(plain);
    expect(oneLanguageSchema(LocalizedSchema)).not.toBe(LocalizedSchema);
  });
});

describe('localize', () => {
  const stored = storedIndicators.find((i) => i.relations?.scope) ?? storedIndicators[0]!;
  const indicator = {
    ...stored,
    source: {
      publisher: { zh: '株洲日报', en: 'Zhuzhou Daily' },
      title: { zh: '标题', en: 'Title' },
      quote: stored.source.quote,
    },
  };

  it('picks the language in nested and optional fields and keeps everything else', () => {
    const en = localize(IndicatorSchema, indicator, 'en') as Record<string, unknown>;
    expect(en.label).toBe(stored.label.en);
    expect((en.source as Record<string, unknown>).publisher).toBe('Zhuzhou Daily');
    expect(en.value).toBe(stored.value);
    expect(en.qualifier).toBe(stored.qualifier);
    if (stored.relations?.scope)
      expect((en.relations as Record<string, unknown>).scope).toBe(stored.relations.scope.en);
    expect(() => v.parse(oneLanguageSchema(IndicatorSchema), en)).not.toThrow();
  });

  it('returns the value unchanged without a language', () => {
    expect(localize(IndicatorSchema, indicator, undefined)).toBe(indicator);
  });

  it('does not touch a { zh, en }-shaped value the schema does not call bilingual', () => {
    const schema = v.object({ pair: v.object({ zh: v.string(), en: v.string() }) });
    expect(localize(schema, { pair: { zh: 'a', en: 'b' } }, 'en')).toEqual({ pair: { zh: 'a', en: 'b' } });
  });
});
