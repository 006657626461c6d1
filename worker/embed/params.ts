/**
 * Query parameters and path lookups shared by the embed routes. Presentation values (`lang`, `theme`) that are out
 * of range fall back to the default: an embed's URL is pasted into pages whose readers cannot fix it, and a card in
 * the default language or theme beats a broken image or frame. Unknown ids become 404s.
 */
import * as v from 'valibot';
import { DEFAULT_THEME, THEMES, type Theme } from '../card';
import type { Snapshot } from '../data-source';
import { LangTag, Problem } from '../http';
import { apiDatasets, apiIndicators } from '../links';
import type { Dataset, Indicator, Lang } from '../schema';

/** The card's language when none (or none of ours) is given: Chinese, the article's language. */
export const DEFAULT_LANG: Lang = 'zh';

/**
 * `lang=zh|en` or any language tag of either (`zh-Hans`, `EN`, `en-US`; `worker/language`'s `langFromTag`), default
 * Chinese; another language (`lang=fr`) is the default too.
 */
export const LangParam = v.optional(v.fallback(LangTag, DEFAULT_LANG), DEFAULT_LANG);

/** `theme=light|dark|auto` in any case, default `light` as in the widget (`auto` follows the reader's colour scheme); another value (`theme=blue`) is the default too. */
export const ThemeParam = v.optional(
  v.pipe(
    v.string(),
    v.transform((value): Theme => THEMES.find((t) => t === value.toLowerCase()) ?? DEFAULT_THEME),
  ),
  DEFAULT_THEME,
);

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
