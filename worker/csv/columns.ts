import type * as v from 'valibot';

/** How a column's cells are written. */
export type ColumnKind = 'text' | 'number' | 'list';

/** One CSV column: its header name and where its value sits in a record. */
export interface Column {
  /** snake_case header: the schema path joined by `_` (`source.quote` → `source_quote`). */
  readonly name: string;
  /** Keys from the record's root to the value. */
  readonly path: readonly string[];
  readonly kind: ColumnKind;
}

/** The shape of valibot schema objects we walk; valibot types them per schema, we read them generically. */
interface SchemaNode {
  readonly type: string;
  readonly entries?: Record<string, SchemaNode>;
  readonly wrapped?: SchemaNode;
  readonly item?: SchemaNode;
}

const OBJECTS = new Set(['object', 'strict_object', 'loose_object']);
const WRAPPERS = new Set(['optional', 'exact_optional', 'nullable', 'nullish', 'undefinedable', 'non_optional']);
const SCALARS = new Set(['string', 'picklist', 'enum', 'literal', 'boolean']);

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function walk(schema: SchemaNode, path: string[], out: Column[]): void {
  if (OBJECTS.has(schema.type)) {
    for (const [key, entry] of Object.entries(schema.entries ?? {})) walk(entry, [...path, key], out);
  } else if (WRAPPERS.has(schema.type)) {
    walk(schema.wrapped!, path, out);
  } else {
    const kind: ColumnKind | undefined =
      schema.type === 'number'
        ? 'number'
        : schema.type === 'array'
          ? 'list'
          : SCALARS.has(schema.type)
            ? 'text'
            : undefined;
    // A new schema type must be given a CSV form deliberately rather than dropped silently.
    if (!kind) throw new TypeError(`CSV: no column form for a "${schema.type}" at ${path.join('.')}`);
    out.push({ name: path.map(snake).join('_'), path, kind });
  }
}

/**
 * The columns of a flat table of records of `schema`, derived from the schema
 * itself so a new field becomes a new column without touching this code.
 * Nested objects flatten into prefixed columns (`label` → `label_zh`,
 * `label_en`); optional fields become columns that may be empty.
 */
export function columnsOf(schema: v.GenericSchema): Column[] {
  const out: Column[] = [];
  walk(schema as unknown as SchemaNode, [], out);
  return out;
}
