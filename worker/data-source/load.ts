import * as v from 'valibot';
import {
  type Dataset,
  type NewsItem,
  type Source,
  type StoredCatalog,
  StoredCatalogSchema,
  StoredDatasetSchema,
} from '../schema';
import { readFigure, squash } from './figure';

/** One problem in a data file, precise enough for a data officer to fix it. */
export interface DataIssue {
  file: string;
  /** Indicator or news id, where the problem is inside one. */
  item?: string;
  /** Dotted path of the field. */
  field: string;
  message: string;
}

/** Thrown when the data files do not satisfy the schemas. */
export class DataError extends Error {
  constructor(readonly issues: DataIssue[]) {
    super(`Invalid data:\n${issues.map(formatIssue).join('\n')}`);
    this.name = 'DataError';
  }
}

/** `data/datasets/x.json › indicator platforms-total › value: message` */
export function formatIssue(issue: DataIssue): string {
  const item = issue.item ? ` › ${issue.item}` : '';
  return `${issue.file}${item} › ${issue.field || '(file)'}: ${issue.message}`;
}

/** The catalog without its files: what the whole service publishes. */
export type CatalogMeta = Omit<StoredCatalog, 'datasets' | 'news'>;

/** Validated, expanded data: every indicator carries its dataset and full source. */
export interface CatalogData {
  meta: CatalogMeta;
  datasets: Dataset[];
  news: NewsItem[];
}

const CATALOG_FILE = 'data/catalog.json';
const datasetFile = (id: string) => `data/datasets/${id}.json`;

/** Maps valibot issues to data issues, naming the indicator an issue sits in. */
function schemaIssues(file: string, issues: v.BaseIssue<unknown>[], raw: unknown): DataIssue[] {
  return issues.map((issue) => {
    const path = issue.path?.map((p) => p.key) ?? [];
    let item: string | undefined;
    const listIndex = path.findIndex((k) => k === 'indicators' || k === 'news');
    if (listIndex >= 0 && typeof path[listIndex + 1] === 'number') {
      const list = (raw as Record<string, unknown[]>)[path[listIndex] as string];
      const entry = list?.[path[listIndex + 1] as number] as { id?: unknown } | undefined;
      item = typeof entry?.id === 'string' ? entry.id : `#${path[listIndex + 1]}`;
      path.splice(0, listIndex + 2);
    }
    return { file, item, field: path.join('.'), message: issue.message };
  });
}

/**
 * Validates the raw data files and expands them into served shapes. With the
 * article text it also proves every quote occurs in it verbatim.
 * @throws {DataError} listing every problem found, not just the first.
 */
export function loadData(files: Record<string, unknown>, article?: string): CatalogData {
  const issues: DataIssue[] = [];
  const catalogResult = v.safeParse(StoredCatalogSchema, files[CATALOG_FILE]);
  if (!catalogResult.success)
    throw new DataError(schemaIssues(CATALOG_FILE, catalogResult.issues, files[CATALOG_FILE]));
  const { datasets: datasetIds, news: storedNews, ...meta } = catalogResult.output;
  const source = (s: { section?: Source['section']; quote: string }): Source => ({
    publisher: meta.article.publisher,
    title: meta.article.title,
    ...(s.section ? { section: s.section } : {}),
    quote: s.quote,
  });

  const datasets: Dataset[] = [];
  const seen = new Map<string, string>();
  for (const id of datasetIds) {
    const file = datasetFile(id);
    if (!(file in files)) {
      issues.push({
        file: CATALOG_FILE,
        field: 'datasets',
        message: `lists "${id}" but ${file} is not bundled (add it to data/index.ts)`,
      });
      continue;
    }
    const result = v.safeParse(StoredDatasetSchema, files[file]);
    if (!result.success) {
      issues.push(...schemaIssues(file, result.issues, files[file]));
      continue;
    }
    const { indicators, ...rest } = result.output;
    if (rest.id !== id) issues.push({ file, field: 'id', message: `must be "${id}", the file's name` });
    datasets.push({ ...rest, indicators: indicators.map((i) => ({ ...i, dataset: id, source: source(i.source) })) });
  }
  for (const file of Object.keys(files)) {
    if (file !== CATALOG_FILE && !datasetIds.some((id) => datasetFile(id) === file)) {
      issues.push({ file, field: '', message: `is bundled but not listed in ${CATALOG_FILE} "datasets"` });
    }
  }

  const indicators = datasets.flatMap((d) => d.indicators);
  const ids = new Set(indicators.map((i) => i.id));
  const text = article === undefined ? undefined : squash(article);
  const checkQuote = (file: string, item: string, quote: string) => {
    if (text !== undefined && !text.includes(squash(quote))) {
      issues.push({
        file,
        item,
        field: 'source.quote',
        message: 'does not occur verbatim in the article (whitespace aside)',
      });
    }
  };
  for (const ind of indicators) {
    const file = datasetFile(ind.dataset);
    const at = (field: string, message: string) => issues.push({ file, item: ind.id, field, message });
    if (seen.has(ind.id)) at('id', `is already used in ${seen.get(ind.id)}`);
    seen.set(ind.id, file);
    if (!squash(ind.source.quote).includes(squash(ind.figure))) at('figure', `"${ind.figure}" is not in source.quote`);
    checkQuote(file, ind.id, ind.source.quote);
    const read = readFigure(ind.figure);
    if (read && read.value !== ind.value)
      at('value', `is ${ind.value} but the figure "${ind.figure}" says ${read.value}`);
    if (read && read.qualifier !== ind.qualifier)
      at('qualifier', `is "${ind.qualifier}" but the figure "${ind.figure}" says "${read.qualifier}"`);
    for (const [name, target] of Object.entries(ind.relations ?? {})) {
      if (typeof target === 'string' && !ids.has(target))
        at(`relations.${name}`, `refers to unknown indicator "${target}"`);
    }
    if (ind.unit === 'rank' && !ind.relations?.ranks) at('relations.ranks', 'a rank must say which indicator it ranks');
  }

  const news: NewsItem[] = [];
  const newsIds = new Set<string>();
  storedNews.forEach((item) => {
    const at = (field: string, message: string) => issues.push({ file: CATALOG_FILE, item: item.id, field, message });
    if (newsIds.has(item.id)) at('id', 'is already used by another news item');
    newsIds.add(item.id);
    checkQuote(CATALOG_FILE, item.id, item.source.quote);
    for (const [n, ref] of (item.indicators ?? []).entries()) {
      if (!ids.has(ref)) at(`indicators.${n}`, `refers to unknown indicator "${ref}"`);
    }
    news.push({ ...item, source: source(item.source) });
  });

  if (issues.length) throw new DataError(issues);
  return { meta, datasets, news };
}
