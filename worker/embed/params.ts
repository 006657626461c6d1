/**
 * Query parameters and path lookups shared by the embed routes. Bad values
 * become 400 problems naming the parameter; unknown ids become 404s.
 */
import * as v from 'valibot';
import { DEFAULT_THEME, THEMES } from '../card';
import type { Snapshot } from '../data-source';
import { oneOf, Problem } from '../http';
import { apiDatasets, apiIndicators } from '../links';
import { type Dataset, type Indicator, LANGS } from '../schema';

/** `lang=zh|en`, default Chinese (the article's language). */
export const LangParam = v.optional(oneOf(LANGS), 'zh');

/** `theme=light|dark|auto`, default `light` as in the widget (`auto` follows the reader's colour scheme). */
export const ThemeParam = v.optional(oneOf(THEMES), DEFAULT_THEME);

/** The indicator `id`, or a 404 that says where the ids are. */
export function indicatorOr404(snapshot: Snapshot, id: string): Indicator {
  const indicator = snapshot.indicator(id);
  if (!indicator)
    throw new Problem(404, 'not-found', `No indicator "${id}". The ids are listed at ${apiIndicators()}.`);
  return indicator;
}

/** The dataset `id`, or a 404 that says where the ids are. */
export function datasetOr404(snapshot: Snapshot, id: string): Dataset {
  const dataset = snapshot.dataset(id);
  if (!dataset) throw new Problem(404, 'not-found', `No dataset "${id}". The ids are listed at ${apiDatasets()}.`);
  return dataset;
}
