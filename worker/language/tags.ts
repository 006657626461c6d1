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

/**
 * Which of our languages a language tag asks for: `zh` for any Chinese tag (`zh`, `zh-CN`, `zh-Hans`, `zh-TW`,
 * `zh-Hant-HK`), `en` for any English one (`en`, `EN`, `en-US`, `en-GB`), in any case, with `-` or, as CMS locales write
 * them, `_` (`zh_CN`, `en_US`). Only the primary subtag decides (BCP 47, RFC 5646): a traditional-Chinese reader gets
 * the simplified original, the closest we have. `undefined` for another language or anything that is not a tag.
 *
 * The one rule for `lang` everywhere a caller names a language (API, feeds, embeds, badges, oEmbed).
 *
 * @example langFromTag('zh-Hans') // 'zh'
 * @example langFromTag('EN-us') // 'en'
 * @example langFromTag('fr') // undefined
 */
export function langFromTag(tag: string): Lang | undefined {
  const match = /^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$/i.exec(tag);
  const primary = match?.[1]?.toLowerCase();
  return primary === 'zh' || primary === 'en' ? primary : undefined;
}

/** The other language: where the switch in the header goes. */
export const otherLang = (lang: Lang): Lang => (lang === 'zh' ? 'en' : 'zh');
