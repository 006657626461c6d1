import * as v from 'valibot';
import { type Lang, LocalizedSchema, Text } from '../schema';

/** The parts of valibot schema objects this module reads. */
interface SchemaNode {
  readonly type: string;
  readonly entries?: Record<string, v.GenericSchema>;
  readonly wrapped?: v.GenericSchema;
  readonly item?: v.GenericSchema;
}

const node = (schema: v.GenericSchema) => schema as unknown as SchemaNode;
const OBJECTS: Record<string, (entries: v.ObjectEntries) => v.GenericSchema> = {
  object: (e) => v.object(e),
  strict_object: (e) => v.strictObject(e),
  loose_object: (e) => v.looseObject(e),
};

const flattened = new WeakMap<v.GenericSchema, v.GenericSchema>();

/**
 * The schema of a `?lang=` response: `schema` with every {@link LocalizedSchema}
 * (`{ zh, en }`) replaced by a plain string. Memoised by identity, so a schema
 * shared by several responses stays one definition (one `$ref`) in OpenAPI.
 * Objects, optionals and arrays are rebuilt; a pipe on a rebuilt container
 * would be dropped (the served schemas have none there).
 */
export function oneLanguageSchema(schema: v.GenericSchema): v.GenericSchema {
  if (schema === LocalizedSchema) return Text;
  const cached = flattened.get(schema);
  if (cached) return cached;
  const { type, entries, wrapped, item } = node(schema);
  let out = schema;
  // A schema without bilingual text inside stays the same object.
  if (entries && OBJECTS[type]) {
    const mapped = Object.fromEntries(Object.entries(entries).map(([k, e]) => [k, oneLanguageSchema(e)]));
    if (Object.keys(entries).some((k) => mapped[k] !== entries[k])) out = OBJECTS[type](mapped);
  } else if (type === 'optional' && wrapped) {
    const inner = oneLanguageSchema(wrapped);
    if (inner !== wrapped) out = v.optional(inner);
  } else if (type === 'array' && item) {
    const inner = oneLanguageSchema(item);
    if (inner !== item) out = v.array(inner);
  }
  flattened.set(schema, out);
  return out;
}

/**
 * `value` (a value of `schema`) with every `{ zh, en }` text reduced to the
 * text in `lang`, found by walking the schema rather than guessing from the
 * value's shape. Without `lang`, the value is returned as is.
 */
export function localize(schema: v.GenericSchema, value: unknown, lang: Lang | undefined): unknown {
  if (lang === undefined || value === undefined || value === null) return value;
  if (schema === LocalizedSchema) return (value as Record<Lang, string>)[lang];
  const { type, entries, wrapped, item } = node(schema);
  if (entries && OBJECTS[type] && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, field]) => [k, entries[k] ? localize(entries[k], field, lang) : field]),
    );
  }
  if (wrapped) return localize(wrapped, value, lang);
  if (type === 'array' && item && Array.isArray(value)) return value.map((x) => localize(item, x, lang));
  return value;
}
