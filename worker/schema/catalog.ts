import * as v from 'valibot';
import { LocalizedSchema } from './localized';
import { StoredNewsItemSchema } from './news';
import { IsoDateSchema } from './period';

/** `data/catalog.json`: what the whole service publishes and from where. */
export const StoredCatalogSchema = v.strictObject({
  title: LocalizedSchema,
  description: LocalizedSchema,
  publisher: LocalizedSchema,
  /** Licence of this compilation (the figures and our translations). */
  license: v.strictObject({ name: v.string(), url: v.pipe(v.string(), v.url()) }),
  /** The article every figure is quoted from. */
  article: v.strictObject({
    publisher: LocalizedSchema,
    title: LocalizedSchema,
    /** Best-supported publication date; see README "How dates were derived". */
    published: IsoDateSchema,
  }),
  /** Dataset ids in display order; each is `data/datasets/<id>.json`. */
  datasets: v.array(v.string()),
  news: v.array(StoredNewsItemSchema),
});

export type StoredCatalog = v.InferOutput<typeof StoredCatalogSchema>;
