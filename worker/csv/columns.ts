import type * as v from 'valibot';
import { fieldsOf, type SchemaField } from '../schema';

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

const TEXT_TYPES: ReadonlySet<string> = new Set(['string', 'picklist', 'enum', 'literal', 'boolean']);

/** Headers are snake_case, the convention of spreadsheet and database tools, while schema keys are camelCase. */
const snakeCase = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

function kindOf(field: SchemaField): ColumnKind {
  const { type } = field.schema;
  if (type === 'number') return 'number';
  if (type === 'array') return 'list';
  if (TEXT_TYPES.has(type)) return 'text';
  // A new schema type must be given a CSV form deliberately rather than dropped silently.
  throw new TypeError(`CSV: no column form for a "${type}" at ${field.path.join('.')}`);
}

/**
 * The columns of a flat table of records of `schema`, derived from the schema
 * itself so a new field becomes a new column without touching this code.
 * Nested objects flatten into prefixed columns (`label` → `label_zh`,
 * `label_en`); optional fields become columns that may be empty.
 */
export function columnsOf(schema: v.GenericSchema): Column[] {
  return fieldsOf(schema).map((field) => ({
    name: field.path.map(snakeCase).join('_'),
    path: field.path,
    kind: kindOf(field),
  }));
}
