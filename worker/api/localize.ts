import type * as v from 'valibot';
import { isArraySchema, isObjectSchema, type Lang, LocalizedSchema, mapChildren, Text, unwrapSchema } from '../schema';

const flattened = new WeakMap<v.GenericSchema, v.GenericSchema>();

/**
 * The schema of a `?lang=` response: `schema` with every {@link LocalizedSchema}
 * (`{ zh, en }`) replaced by a plain string. Memoised by identity, so a schema
 * shared by several responses stays one definition (one `$ref`) in OpenAPI.
 * Objects, wrappers and arrays are rebuilt around flattened children; a pipe
 * on such a container makes the rebuild throw rather than be dropped (the
 * served schemas have none there).
 */
export function oneLanguageSchema(schema: v.GenericSchema): v.GenericSchema {
  if (schema === LocalizedSchema) return Text;
  const cached = flattened.get(schema);
  if (cached) return cached;
  // `mapChildren` returns `schema` itself when nothing inside changed: a schema without bilingual text stays as it is.
  const flat = mapChildren(schema, oneLanguageSchema);
  flattened.set(schema, flat);
  return flat;
}

/**
 * `value` (a value of `schema`) with every `{ zh, en }` text reduced to the
 * text in `lang`, found by walking the schema rather than guessing from the
 * value's shape. Without `lang`, the value is returned as is.
 */
export function localize(schema: v.GenericSchema, value: unknown, lang: Lang | undefined): unknown {
  if (lang === undefined || value === undefined || value === null) return value;
  const inner = unwrapSchema(schema).schema;
  if (inner === LocalizedSchema) return (value as Record<Lang, string>)[lang];
  if (isObjectSchema(inner) && typeof value === 'object') {
    const { entries } = inner;
    return Object.fromEntries(
      Object.entries(value).map(([key, field]) => {
        const entry = entries[key];
        return [key, entry ? localize(entry, field, lang) : field];
      }),
    );
  }
  if (isArraySchema(inner) && Array.isArray(value)) return value.map((element) => localize(inner.item, element, lang));
  return value;
}
