/**
 * Query parameters shared by the embed routes. Presentation values (`lang`, `theme`) that are out
 * of range fall back to the default: an embed's URL is pasted into pages whose readers cannot fix it, and a card in
 * the default language or theme beats a broken image or frame. (An unknown id is no problem document here: a frame
 * answers the not-found card and a badge the grey badge, both with status 404.)
 */
import * as v from 'valibot';
import { DEFAULT_THEME, THEMES, type Theme } from '../card';
import { LangTag } from '../http';
import type { Lang } from '../schema';

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
