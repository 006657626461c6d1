/** Helpers for API tests: calls go through the real Worker in workerd. */
import { files } from '../../../data';
import type { StoredCatalog, StoredDataset } from '../../../worker/schema';

export { get, getJson, ORIGIN } from '../support/worker';

/** The raw data files, the source of truth every expectation derives from. */
export const catalog = files['data/catalog.json'] as StoredCatalog;
export const storedDatasets = catalog.datasets.map((id) => files[`data/datasets/${id}.json`] as StoredDataset);
export const storedIndicators = storedDatasets.flatMap((d) => d.indicators.map((i) => ({ ...i, dataset: d.id })));

/** Whether any `{ zh, en }` object remains anywhere in a value. */
export function hasBilingual(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasBilingual);
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort().join();
    return keys === 'en,zh' || Object.values(value).some(hasBilingual);
  }
  return false;
}

/** Splits an RFC 4180 CSV document into rows of fields (an independent reader: no code shared with worker/csv). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Whether the body starts with the UTF-8 BOM bytes EF BB BF (`Response.text()` would strip it, so bytes are read). */
export async function readCsv(res: Response): Promise<{ bom: boolean; text: string }> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return {
    bom,
    text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bom ? bytes.subarray(3) : bytes),
  };
}

/** CSV rows as records keyed by the header row. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}
