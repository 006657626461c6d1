import * as v from 'valibot';
import { LocalizedSchema, Text } from './localized';

/**
 * Where a figure comes from. `quote` is the exact sentence of the article that
 * states it (whitespace aside), so every figure can be checked by a reader.
 */
export const SourceSchema = v.object({
  publisher: LocalizedSchema,
  title: LocalizedSchema,
  section: v.optional(LocalizedSchema),
  quote: Text,
});

/** Provenance of a figure or event. */
export type Source = v.InferOutput<typeof SourceSchema>;
