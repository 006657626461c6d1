import type { Column } from './columns';

/** UTF-8 byte order mark: without it Excel reads UTF-8 CSV as the local code page and garbles Chinese. */
export const BOM = '\uFEFF';

/** RFC 4180 line break. */
const CRLF = '\r\n';

/** Media type of every CSV we send (RFC 4180 §3, RFC 7111). */
export const CSV_TYPE = 'text/csv; charset=utf-8; header=present';

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV
 * injection"): `=`, `+`, `-`, `@`, and tab or carriage return before them.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text that a spreadsheet will not execute: a text cell that starts like a
 * formula gets a leading apostrophe. Numeric cells never pass through here: a
 * negative value such as `-3.5` is data, and a serialised JavaScript number
 * cannot hold a formula, so it stays a number a spreadsheet can sum.
 */
export function defuse(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field, quoted when RFC 4180 requires it (comma, quote, CR or LF), quotes doubled. */
export function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const valueAt = (record: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>(
    (node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
    record,
  );

/** The text of one cell: empty for a missing value, lists joined by `; `. */
export function cell(record: unknown, column: Column): string {
  const value = valueAt(record, column.path);
  if (value === undefined || value === null) return '';
  if (column.kind === 'number' && typeof value === 'number') return String(value);
  const text = Array.isArray(value) ? value.map(String).join('; ') : String(value);
  return quoteField(defuse(text));
}

/** The header line of a table, with its line end. */
export const csvHeader = (columns: readonly Column[]): string =>
  columns.map((c) => quoteField(c.name)).join(',') + CRLF;

/** One record's line, with its line end. */
export const csvLine = (columns: readonly Column[], record: unknown): string =>
  columns.map((c) => cell(record, c)).join(',') + CRLF;

/**
 * A whole CSV document: BOM, a header row of column names, one row per
 * record, CRLF line ends (RFC 4180), a line break after the last row.
 * The same bytes as {@link BOM} + {@link csvHeader} + each {@link csvLine}.
 */
export function toCsv(columns: readonly Column[], records: readonly unknown[]): string {
  return BOM + csvHeader(columns) + records.map((record) => csvLine(columns, record)).join('');
}
