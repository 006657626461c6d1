import * as v from 'valibot';
import { IdSchema } from './id';
import { IndicatorSchema, StoredIndicatorSchema } from './indicator';
import { LocalizedSchema } from './localized';
import { IsoDateSchema } from './period';

const datasetEntries = {
  id: IdSchema,
  title: LocalizedSchema,
  description: LocalizedSchema,
  /** When this service first published the dataset. */
  issued: IsoDateSchema,
  /** When its figures last changed. */
  modified: IsoDateSchema,
};

/** A dataset file, `data/datasets/<id>.json`. */
export const StoredDatasetSchema = v.strictObject({
  ...datasetEntries,
  indicators: v.pipe(v.array(StoredIndicatorSchema), v.minLength(1)),
});

/** A dataset as served, with its indicators. */
export const DatasetSchema = v.object({
  ...datasetEntries,
  indicators: v.array(IndicatorSchema),
});

export type StoredDataset = v.InferOutput<typeof StoredDatasetSchema>;
/** A group of related indicators. */
export type Dataset = v.InferOutput<typeof DatasetSchema>;
