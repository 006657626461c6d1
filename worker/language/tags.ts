/**
 * The service's two languages as the web names them, and where each lives.
 *
 * Chinese is the original and lives at the root (`/`, `/datasets/:id`, …); English is the same path under `/en`
 * (`/en/`, `/en/datasets/:id`, …). A path prefix rather than `?lang=` keeps one plain URL per page and language for
 * `hreflang`, caches and links pasted into other sites.
 */
import type { Lang } from '../schema';

/** BCP 47 tag of each language, for `lang`, `hreflang`, feed languages and `Content-Language`. */
export const LANG_TAGS: Readonly<Record<Lang, string>> = { zh: 'zh-CN', en: 'en' };

/**
 * The `Content-Language` of a response: its one language, or both (Chinese first, the original) when a
 * representation carries the two side by side.
 *
 * @example contentLanguage('en') // 'en'
 * @example contentLanguage() // 'zh-CN, en'
 */
export const contentLanguage = (lang?: Lang): string => (lang ? LANG_TAGS[lang] : `${LANG_TAGS.zh}, ${LANG_TAGS.en}`);

/** Path prefix of each language's pages. */
export const LANG_PREFIX: Readonly<Record<Lang, string>> = { zh: '', en: '/en' };

/** The page language of a URL path: English under `/en`, Chinese everywhere else. */
export const pathLang = (path: string): Lang =>
  path === LANG_PREFIX.en || path.startsWith(`${LANG_PREFIX.en}/`) ? 'en' : 'zh';

/** The other language: where the switch in the header goes. */
export const otherLang = (lang: Lang): Lang => (lang === 'zh' ? 'en' : 'zh');
