/**
 * CSV for spreadsheets: columns derived from the valibot schemas, RFC 4180
 * quoting, a BOM for Excel, and formula-injection guarding of text cells.
 */
export { type Column, type ColumnKind, columnsOf } from './columns';
export { BOM, CSV_TYPE, cell, csvHeader, csvLine, defuse, quoteField, toCsv } from './write';
