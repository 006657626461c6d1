import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  fieldsOf,
  isArraySchema,
  isObjectSchema,
  isWrapperSchema,
  mapChildren,
  unwrapSchema,
} from '../../../worker/schema';

describe('type guards', () => {
  it('tell objects, arrays and wrappers apart by valibot type, piped or not', () => {
    expect([v.object({}), v.strictObject({}), v.looseObject({})].every(isObjectSchema)).toBe(true);
    expect(isObjectSchema(v.objectWithRest({}, v.string()))).toBe(false);
    expect(isObjectSchema(v.optional(v.object({})))).toBe(false);
    expect(isArraySchema(v.pipe(v.array(v.string()), v.minLength(1)))).toBe(true);
    expect(isArraySchema(v.tuple([]))).toBe(false);
    expect(isWrapperSchema(v.nonNullish(v.string()))).toBe(true);
    expect(isWrapperSchema(v.string())).toBe(false);
  });
});

describe('unwrapSchema', () => {
  it('removes every wrapper and reports what they let through', () => {
    const text = v.pipe(v.string(), v.trim());
    expect(unwrapSchema(v.optional(v.nullable(text)))).toEqual({ schema: text, optional: true, nullable: true });
    expect(unwrapSchema(v.nullish(text))).toEqual({ schema: text, optional: true, nullable: true });
    expect(unwrapSchema(v.exactOptional(text))).toEqual({ schema: text, optional: true, nullable: false });
    expect(unwrapSchema(text)).toEqual({ schema: text, optional: false, nullable: false });
  });

  it('lets the outermost wrapper decide, as validation does', () => {
    const number = v.number();
    expect(unwrapSchema(v.nonOptional(v.optional(number)))).toMatchObject({ optional: false });
    expect(unwrapSchema(v.optional(v.nonOptional(number)))).toMatchObject({ optional: true });
    expect(unwrapSchema(v.nonNullable(v.nullish(number)))).toEqual({ schema: number, optional: true, nullable: false });
    // The walk's answer agrees with valibot's own validation.
    expect(v.is(v.nonNullable(v.nullish(number)), undefined)).toBe(true);
    expect(v.is(v.nonNullable(v.nullish(number)), null)).toBe(false);
  });
});

describe('fieldsOf', () => {
  const schema = v.object({
    id: v.pipe(v.string(), v.minLength(1)),
    unit: v.picklist(['count', 'percent']),
    label: v.optional(v.strictObject({ zh: v.string(), en: v.nullable(v.string()) })),
    tags: v.optional(v.array(v.object({ name: v.string() }))),
    scale: v.literal(1),
  });

  it('walks into objects, in schema order, and stops at everything else', () => {
    const fields = fieldsOf(schema);
    expect(fields.map((field) => [field.path.join('.'), field.schema.type])).toEqual([
      ['id', 'string'],
      ['unit', 'picklist'],
      ['label.zh', 'string'],
      ['label.en', 'string'],
      ['tags', 'array'],
      ['scale', 'literal'],
    ]);
  });

  it('marks fields that may have no value, including those inside an optional object', () => {
    const optional = Object.fromEntries(fieldsOf(schema).map((field) => [field.path.join('.'), field.optional]));
    expect(optional).toEqual({
      id: false,
      unit: false,
      'label.zh': true,
      'label.en': true,
      tags: true,
      scale: false,
    });
    const nested = v.object({ place: v.nullable(v.object({ city: v.string() })) });
    expect(fieldsOf(nested)).toMatchObject([{ path: ['place', 'city'], optional: true }]);
  });

  it('gives the values of picklists, enums and literals, and none for other fields', () => {
    const options = Object.fromEntries(fieldsOf(schema).map((field) => [field.path.join('.'), field.options]));
    expect(options).toEqual({
      id: undefined,
      unit: ['count', 'percent'],
      'label.zh': undefined,
      'label.en': undefined,
      tags: undefined,
      scale: [1],
    });
    const Direction = { Up: 'up', Down: 'down' } as const;
    expect(fieldsOf(v.object({ direction: v.enum(Direction) }))[0]!.options).toEqual(['up', 'down']);
  });

  it('makes a root that is not an object one field with an empty path', () => {
    const root = v.optional(v.number());
    expect(fieldsOf(root)).toEqual([{ path: [], schema: root.wrapped, optional: true, options: undefined }]);
  });
});

describe('mapChildren', () => {
  const Name = v.object({ first: v.string(), last: v.string() });
  const asText = (schema: v.GenericSchema): v.GenericSchema =>
    schema === Name ? v.string() : mapChildren(schema, asText);

  it('rebuilds objects, wrappers and arrays around replaced children', () => {
    const schema = v.strictObject({
      id: v.number(),
      author: Name,
      editors: v.optional(v.array(Name)),
      reviewer: v.nullish(Name, null),
    });
    const mapped = asText(schema);
    expect(mapped).not.toBe(schema);
    expect(mapped.type).toBe('strict_object');
    const valid = { id: 1, author: 'Ada Lovelace', editors: ['Grace Hopper'], reviewer: undefined };
    // The nullish default survives the rebuild: a missing reviewer becomes null.
    expect(v.parse(mapped, valid)).toEqual({ ...valid, reviewer: null });
    expect(v.is(mapped, { ...valid, author: { first: 'Ada', last: 'Lovelace' } })).toBe(false);
    // Still strict: unknown keys are rejected.
    expect(v.is(mapped, { ...valid, extra: true })).toBe(false);
  });

  it('returns the same schema when no child changes, so shared schemas stay shared', () => {
    const plain = v.object({ count: v.number(), tags: v.optional(v.array(v.string())) });
    expect(asText(plain)).toBe(plain);
    expect(mapChildren(v.string(), () => v.number()).type).toBe('string');
  });

  it('refuses to rebuild a piped container rather than drop its checks', () => {
    const piped = v.pipe(v.array(Name), v.minLength(1));
    expect(() => asText(piped)).toThrow(/piped "array"/);
    const untouched = v.pipe(v.array(v.string()), v.minLength(1));
    expect(asText(untouched)).toBe(untouched);
  });
});
