/**
 * Punctuation of our own sentences in each language. Chinese uses full-width marks (`：`, `（）`, `、`, `。`); quotes
 * from sources are never passed through these and stay verbatim.
 */
import type { Lang } from '../schema';

/**
 * A label's colon.
 *
 * @example `${label}${colon('zh')}${value}` // '国家级平台：60家'
 */
export const colon = (lang: Lang): string => (lang === 'zh' ? '：' : ': ');

/**
 * Text in brackets, with the space English puts before them.
 *
 * @example paren('zh', '2023年') // '（2023年）'
 * @example paren('en', '2023') // ' (2023)'
 */
export const paren = (lang: Lang, text: string): string => (lang === 'zh' ? `（${text}）` : ` (${text})`);

/** The list separator: `、` / `, `. */
export const listSeparator = (lang: Lang): string => (lang === 'zh' ? '、' : ', ');

/** The end of a sentence followed by another: `。` / `. `. */
export const fullStop = (lang: Lang): string => (lang === 'zh' ? '。' : '. ');

/**
 * A published work: `株洲日报《标题》` / `Zhuzhou Daily, “Title”`.
 */
export const workTitle = (lang: Lang, publisher: string, title: string): string =>
  lang === 'zh' ? `${publisher}《${title}》` : `${publisher}, “${title}”`;
