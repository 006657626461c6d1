/**
 * Live publishing's storage: an append-only log of revisions in D1 (`data/migrations/`), folded into the same
 * `Snapshot` the routes read, with series, history and vintages; the bundled `data/` files are its seed.
 */
export { type AppendOptions, type AppendResult, appendRevision } from './append';
export {
  appendRevisions,
  type BatchOptions,
  type BatchResult,
  checkInputs,
  MAX_BATCH,
  type RowIssue,
  type SubjectLookup,
} from './batch';
export {
  DatasetDefinitionSchema,
  DatasetInputSchema,
  type FieldIssue,
  IndicatorDefinitionSchema,
  IndicatorInputSchema,
  NewsDefinitionSchema,
  NewsInputSchema,
  type Observation,
  ObservationInputSchema,
  parseRevisionInput,
  type RevisionInput,
  RevisionInputSchema,
  type RevisionSource,
  RevisionSourceSchema,
  WithdrawalInputSchema,
} from './input';
export { buildLiveSnapshot, type LiveSnapshot, type SeriesPoint } from './live-snapshot';
export { periodEnd } from './period-end';
export { type Preview, previewRevisions, snapshotLookup } from './preview';
export { endOfDay, type Head, readChanges, readHead, readRevisions, readVintageRevisions } from './read';
export { type Revision, subjectOf } from './revision';
export { bundledData, ensureSeeded, SEED_PUBLISHER, type SeedInput, seedInputs, seedRevisions } from './seed';
export {
  type D1SourceOptions,
  type DataProblem,
  type DataRead,
  type DataState,
  d1Source,
  dataStateHeader,
  isLiveSource,
  type LiveSource,
  versionOf,
} from './source';
