/**
 * The one module of languages: tags and `Content-Language`, the pages' path prefixes, the punctuation of each
 * language, and the words of pages and cards. Everything else asks here; nothing else writes `zh-CN` or a `：`.
 *
 * Browser-safe, file by file: the widget imports `tags`, `punctuation` and `card-words` directly, so the pages'
 * words never reach its bundle.
 */
export { CARD_WORDS, WIDGET_WORDS } from './card-words';
export { type PublishMessage, type PublishWords, WORDS, type Words } from './page-words';
export { colon, fullStop, listSeparator, paren, workTitle } from './punctuation';
export { SITE_WORDS, type SiteWords, type WhenWords } from './site-words';
export { contentLanguage, LANG_PREFIX, LANG_TAGS, langFromTag, otherLang, pathLang } from './tags';
export { type BuilderWords, type CatalogWords, type EmbedForm, WEBMASTER_WORDS } from './webmaster-words';
