import * as v from 'valibot';

/** A non-empty, trimmed string: labels and quotes must carry text. */
export const Text = v.pipe(v.string(), v.trim(), v.minLength(1));

/**
 * Text in both languages. Chinese is the article's original; English is a
 * careful translation of it.
 */
export const LocalizedSchema = v.object({
  zh: Text,
  en: Text,
});

/** Text in both languages. */
export type Localized = v.InferOutput<typeof LocalizedSchema>;

/** The languages the service speaks; `zh` is the original. */
export const LANGS = ['zh', 'en'] as const;

/** One of {@link LANGS}. */
export type Lang = (typeof LANGS)[number];
