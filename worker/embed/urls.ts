/**
 * Public URLs of the embed kit and of the pages it links to, in one place.
 * `origin` is `publicOrigin(c)`: embed code is pasted on other sites, so every
 * URL in it is absolute.
 */
import { pagePath } from '../pages/i18n';
import type { Lang } from '../schema';
import { DEFAULT_THEME, type Theme } from './theme';

/** What a card shows: one indicator, or one dataset's figures. */
export type EmbedKind = 'indicator' | 'dataset';

/** `?lang=en`, or nothing for Chinese, the original language and every page's default. */
const langQuery = (lang: Lang): string => (lang === 'zh' ? '' : `?lang=${lang}`);

/** The human page of an indicator or dataset (`/indicators/:id`, `/en/datasets/:id`), in the pages' language scheme. */
export const pageUrl = (origin: string, kind: EmbedKind, id: string, lang: Lang): string =>
  origin + pagePath(lang, `/${kind === 'indicator' ? 'indicators' : 'datasets'}/${id}`);

/** The iframe card (`/embed/:id`, `/embed/dataset/:id`); `lang` is always explicit so the frame never guesses. */
export function embedUrl(origin: string, kind: EmbedKind, id: string, lang: Lang, theme?: Theme): string {
  const path = kind === 'indicator' ? `/embed/${id}` : `/embed/dataset/${id}`;
  return `${origin}${path}?lang=${lang}${theme && theme !== DEFAULT_THEME ? `&theme=${theme}` : ''}`;
}

/** The SVG badge of an indicator. */
export const badgeUrl = (origin: string, id: string, lang: Lang): string =>
  `${origin}/badge/${id}.svg${langQuery(lang)}`;

/** The oEmbed endpoint for a page URL (the discovery `<link>` points here). */
export const oembedUrl = (origin: string, page: string): string =>
  `${origin}/oembed?url=${encodeURIComponent(page)}&format=json`;
