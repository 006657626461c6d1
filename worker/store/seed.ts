/**
 * The bundled `data/` files as the first revisions of the log: one dataset row per dataset, one indicator row per
 * indicator (its definition and the article's figure as its first observation), one news row per news item, all
 * published on the article's date with its quote, by `seed`.
 */
import { files } from '../../data';
import { type CatalogData, loadData } from '../data-source/load';
import type { RevisionInput } from './input';
import { fromRow, type Revision, type RevisionRow, toWriteValues, WRITE_COLUMNS, type WriteValues } from './revision';

/** Who published the seed. */
export const SEED_PUBLISHER = 'seed';

let bundled: CatalogData | undefined;
/** The bundled data, validated once per isolate. */
export const bundledData = (): CatalogData => (bundled ??= loadData(files));

/** A seed revision: a write body under a deterministic id, so that writing the seed twice writes it once. */
export interface SeedInput {
  id: string;
  input: RevisionInput;
  publishedAt: string;
}

/**
 * The seed of some data as write bodies, in log order (datasets, then indicators in catalog order, then news).
 *
 * @example
 * seedInputs(bundledData())[0].id; // 'seed-dataset-innovation-platforms'
 */
export function seedInputs(data: CatalogData): SeedInput[] {
  const publishedAt = `${data.meta.article.published}T00:00:00.000Z`;
  const { publisher, title } = data.meta.article;
  const reason = `Bundled data: as reported by ${publisher.en} on ${data.meta.article.published}`;
  const audit = { reason, publisher: SEED_PUBLISHER };
  const inputs: [string, RevisionInput][] = [];
  for (const { indicators: _, ...dataset } of data.datasets)
    inputs.push([`seed-dataset-${dataset.id}`, { kind: 'dataset', dataset, ...audit }]);
  for (const dataset of data.datasets) {
    for (const { value, qualifier, figure, period, asOf, source, dataset: _, ...definition } of dataset.indicators) {
      inputs.push([
        `seed-indicator-${definition.id}`,
        {
          kind: 'indicator',
          dataset: dataset.id,
          indicator: definition,
          period,
          ...(asOf ? { asOf } : {}),
          value,
          qualifier,
          figure,
          source,
          ...audit,
        },
      ]);
    }
  }
  for (const { source, ...news } of data.news)
    inputs.push([`seed-news-${news.id}`, { kind: 'news', news, source: { ...source, publisher, title }, ...audit }]);
  return inputs.map(([id, input]) => ({ id, input, publishedAt }));
}

const seedRows = (data: CatalogData): { values: WriteValues; publishedAt: string }[] =>
  seedInputs(data).map(({ id, input, publishedAt }) => ({ values: toWriteValues(id, input), publishedAt }));

/** The seed as revisions, without D1: what reads fall back to. */
export function seedRevisions(data: CatalogData = bundledData()): Revision[] {
  return seedRows(data).map(({ values, publishedAt }, index) =>
    fromRow({ ...(values as unknown as RevisionRow), seq: index + 1, published_at: publishedAt, replaces: null }),
  );
}

const INSERT_SEED = `INSERT OR IGNORE INTO revisions (${WRITE_COLUMNS.join(', ')}, published_at) VALUES (${WRITE_COLUMNS.map(() => '?').join(', ')}, ?)`;

/**
 * Writes the seed if it is not there yet: idempotent, and safe when several isolates race, because the ids are
 * deterministic, every row is `INSERT OR IGNORE` and the whole seed is one `db.batch` (one transaction). Each
 * statement binds 15 parameters, far below D1's 100. Returns how many rows it wrote (0 when the seed was there).
 *
 * @example
 * if (!(await readHead(db))) await ensureSeeded(db);
 */
export async function ensureSeeded(db: D1Database, data: CatalogData = bundledData()): Promise<number> {
  const statement = db.prepare(INSERT_SEED);
  const results = await db.batch(
    seedRows(data).map(({ values, publishedAt }) =>
      statement.bind(...WRITE_COLUMNS.map((column) => values[column]), publishedAt),
    ),
  );
  return results.reduce((sum, result) => sum + result.meta.changes, 0);
}
