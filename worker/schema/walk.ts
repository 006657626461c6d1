/**
 * Reading a valibot schema's structure, written once: the CSV columns, the
 * one-language (`?lang=`) schemas and the OpenAPI document all derive from
 * the schemas through these functions instead of each casting valibot's
 * internals their own way.
 *
 * valibot types every schema by its own interface, and `v.GenericSchema`
 * declares no `entries`, `wrapped` or `item`. The narrowing from a schema's
 * `type` to those properties happens here, in the type guards, and nowhere
 * else. Pipes need no unwrapping: `v.pipe(schema, …)` copies `schema`'s
 * `type`, `entries`, `wrapped` and `item` onto the piped schema.
 *
 * Imports only valibot, so this module is as browser-safe as the schemas.
 */
import * as v from 'valibot';

/** valibot's object schemas: they differ only in what they do with unknown keys. */
export type ObjectLikeSchema =
  | v.ObjectSchema<v.ObjectEntries, v.ErrorMessage<v.ObjectIssue> | undefined>
  | v.StrictObjectSchema<v.ObjectEntries, v.ErrorMessage<v.StrictObjectIssue> | undefined>
  | v.LooseObjectSchema<v.ObjectEntries, v.ErrorMessage<v.LooseObjectIssue> | undefined>;

/** An array schema of any item. */
export type ArrayLikeSchema = v.ArraySchema<v.GenericSchema, v.ErrorMessage<v.ArrayIssue> | undefined>;

/** valibot's wrapper schemas: each holds one `wrapped` schema and only decides whether `undefined` or `null` pass. */
export type WrapperSchema =
  | v.OptionalSchema<v.GenericSchema, unknown>
  | v.ExactOptionalSchema<v.GenericSchema, unknown>
  | v.UndefinedableSchema<v.GenericSchema, unknown>
  | v.NullableSchema<v.GenericSchema, unknown>
  | v.NullishSchema<v.GenericSchema, unknown>
  | v.NonOptionalSchema<v.GenericSchema, v.ErrorMessage<v.NonOptionalIssue> | undefined>
  | v.NonNullableSchema<v.GenericSchema, v.ErrorMessage<v.NonNullableIssue> | undefined>
  | v.NonNullishSchema<v.GenericSchema, v.ErrorMessage<v.NonNullishIssue> | undefined>;

const OBJECT_TYPES: ReadonlySet<string> = new Set<ObjectLikeSchema['type']>([
  'object',
  'strict_object',
  'loose_object',
]);

/**
 * What each wrapper says about `undefined` and `null`: `true` lets it through,
 * `false` rejects it, absent leaves the decision to the schema inside. The
 * outermost wrapper that decides wins, as it does when valibot validates.
 */
const WRAPPER_EFFECTS: Readonly<
  Record<WrapperSchema['type'], { readonly undefined?: boolean; readonly null?: boolean }>
> = {
  optional: { undefined: true },
  // A missing key rather than an `undefined` value, but still a field that may be absent.
  exact_optional: { undefined: true },
  undefinedable: { undefined: true },
  nullable: { null: true },
  nullish: { undefined: true, null: true },
  non_optional: { undefined: false },
  non_nullable: { null: false },
  non_nullish: { undefined: false, null: false },
};

/**
 * Whether `schema` is an object schema (`object`, `strict_object` or
 * `loose_object`), so its `entries` can be read. `object_with_rest` is not
 * one: its rest schema would need a walk of its own.
 *
 * @example
 * isObjectSchema(v.object({ id: v.string() })); // true
 * isObjectSchema(v.optional(v.object({}))); // false: unwrap it first
 */
export function isObjectSchema(schema: v.GenericSchema): schema is ObjectLikeSchema {
  return OBJECT_TYPES.has(schema.type);
}

/**
 * Whether `schema` is an array schema, so its `item` can be read.
 *
 * @example
 * isArraySchema(v.array(v.number())); // true
 */
export function isArraySchema(schema: v.GenericSchema): schema is ArrayLikeSchema {
  return schema.type === 'array';
}

/**
 * Whether `schema` is a wrapper (`optional`, `nullable`, `nullish`,
 * `non_optional`…), so its `wrapped` schema can be read.
 *
 * @example
 * isWrapperSchema(v.nullable(v.string())); // true
 */
export function isWrapperSchema(schema: v.GenericSchema): schema is WrapperSchema {
  return Object.hasOwn(WRAPPER_EFFECTS, schema.type);
}

/** A schema without its wrappers, and what the wrappers let through. */
export interface UnwrappedSchema {
  /** The innermost schema: never a wrapper. */
  readonly schema: v.GenericSchema;
  /** `undefined` (or a missing key) passes. Says nothing of defaults, which fill it in. */
  readonly optional: boolean;
  /** `null` passes. */
  readonly nullable: boolean;
}

/**
 * `schema` with every optional, nullable… wrapper around it removed, and
 * whether those wrappers let `undefined` and `null` through.
 *
 * @example
 * unwrapSchema(v.optional(v.nullable(v.string())));
 * // { schema: <the v.string()>, optional: true, nullable: true }
 */
export function unwrapSchema(schema: v.GenericSchema): UnwrappedSchema {
  if (!isWrapperSchema(schema)) return { schema, optional: false, nullable: false };
  const inner = unwrapSchema(schema.wrapped);
  const effect = WRAPPER_EFFECTS[schema.type];
  return {
    schema: inner.schema,
    optional: effect.undefined ?? inner.optional,
    nullable: effect.null ?? inner.nullable,
  };
}

/** One field of a record, found by {@link fieldsOf}. */
export interface SchemaField {
  /** Keys from the record's root to the field; empty when the root itself is not an object. */
  readonly path: readonly string[];
  /** The field's schema without its wrappers: never an object, since objects are walked into. Arrays are fields. */
  readonly schema: v.GenericSchema;
  /** A record may have no value here: the field or an object around it may be `undefined`, missing or `null`. */
  readonly optional: boolean;
  /** The values a `picklist`, `enum` or `literal` field allows; `undefined` for any other field. */
  readonly options: readonly v.Literal[] | undefined;
}

/** The values an enumerating schema allows, read from the property each kind keeps them in. */
function optionsOf(schema: v.GenericSchema): readonly v.Literal[] | undefined {
  // valibot's types for these schemas are generic in their options; the `type` checks make the narrowing safe.
  if (schema.type === 'picklist') return (schema as v.PicklistSchema<v.PicklistOptions, undefined>).options;
  if (schema.type === 'enum') return (schema as v.EnumSchema<v.Enum, undefined>).options;
  if (schema.type === 'literal') return [(schema as v.LiteralSchema<v.Literal, undefined>).literal];
  return undefined;
}

function collectFields(schema: v.GenericSchema, path: readonly string[], absent: boolean, out: SchemaField[]): void {
  const unwrapped = unwrapSchema(schema);
  // A field inside an object that may be missing or null may have no value either.
  const optional = absent || unwrapped.optional || unwrapped.nullable;
  const inner = unwrapped.schema;
  if (isObjectSchema(inner)) {
    for (const [key, entry] of Object.entries(inner.entries)) collectFields(entry, [...path, key], optional, out);
  } else {
    out.push({ path, schema: inner, optional, options: optionsOf(inner) });
  }
}

/**
 * The fields of a record of `schema`, depth first in schema order: nested
 * objects are walked into (their fields get longer paths), wrappers are
 * removed, and everything else (strings, numbers, arrays, unions…) is a
 * field.
 *
 * @example
 * fieldsOf(v.object({ id: v.string(), label: v.optional(v.object({ zh: v.string() })) }));
 * // [{ path: ['id'], optional: false, … }, { path: ['label', 'zh'], optional: true, … }]
 */
export function fieldsOf(schema: v.GenericSchema): SchemaField[] {
  const fields: SchemaField[] = [];
  collectFields(schema, [], false, fields);
  return fields;
}

/** `wrapper` rebuilt around `wrapped`, keeping its default or message. */
function rewrap(wrapper: WrapperSchema, wrapped: v.GenericSchema): v.GenericSchema {
  switch (wrapper.type) {
    case 'optional':
      return v.optional(wrapped, wrapper.default);
    case 'exact_optional':
      return v.exactOptional(wrapped, wrapper.default);
    case 'undefinedable':
      return v.undefinedable(wrapped, wrapper.default);
    case 'nullable':
      return v.nullable(wrapped, wrapper.default);
    case 'nullish':
      return v.nullish(wrapped, wrapper.default);
    case 'non_optional':
      return v.nonOptional(wrapped, wrapper.message);
    case 'non_nullable':
      return v.nonNullable(wrapped, wrapper.message);
    case 'non_nullish':
      return v.nonNullish(wrapped, wrapper.message);
  }
}

/** An object schema of the same kind and message as `object`, with `entries`. */
function rebuildObject(object: ObjectLikeSchema, entries: v.ObjectEntries): v.GenericSchema {
  switch (object.type) {
    case 'object':
      return v.object(entries, object.message);
    case 'strict_object':
      return v.strictObject(entries, object.message);
    case 'loose_object':
      return v.looseObject(entries, object.message);
  }
}

/** `replacement` for `original`, unless that would drop a pipe of `original`. */
function rebuilt(original: v.GenericSchema, replacement: v.GenericSchema): v.GenericSchema {
  // valibot's `pipe` cannot be re-applied to a new schema with its types intact; losing checks silently is worse than failing.
  if ('pipe' in original)
    throw new TypeError(`mapChildren: cannot rebuild a piped "${original.type}" without its pipe`);
  return replacement;
}

/**
 * `schema` with each direct child (object entries, the wrapped schema, the
 * array item) replaced by `replace(child)`. When every child comes back the
 * same object, `schema` itself is returned, so schemas that need no change
 * keep their identity (and stay one `$ref` in the OpenAPI document). Any
 * other schema (a string, a union, a tuple…) is returned as it is, its
 * children unvisited. To map a whole tree, let `replace` call back into
 * the mapping.
 *
 * A container with a pipe cannot be rebuilt without losing the pipe, so
 * changing a child of one throws.
 *
 * @example
 * // Every `NameSchema` inside a schema becomes a plain string:
 * const nameless = (schema: v.GenericSchema): v.GenericSchema =>
 *   schema === NameSchema ? v.string() : mapChildren(schema, nameless);
 */
export function mapChildren(
  schema: v.GenericSchema,
  replace: (child: v.GenericSchema) => v.GenericSchema,
): v.GenericSchema {
  if (isObjectSchema(schema)) {
    const entries = Object.fromEntries(Object.entries(schema.entries).map(([key, entry]) => [key, replace(entry)]));
    const changed = Object.keys(entries).some((key) => entries[key] !== schema.entries[key]);
    return changed ? rebuilt(schema, rebuildObject(schema, entries)) : schema;
  }
  if (isWrapperSchema(schema)) {
    const wrapped = replace(schema.wrapped);
    return wrapped === schema.wrapped ? schema : rebuilt(schema, rewrap(schema, wrapped));
  }
  if (isArraySchema(schema)) {
    const item = replace(schema.item);
    return item === schema.item ? schema : rebuilt(schema, v.array(item, schema.message));
  }
  return schema;
}
