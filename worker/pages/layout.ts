import type { CatalogMeta } from '../data-source';
import { formatPeriod } from '../format';
import { colon, fullStop, LANG_TAGS, otherLang, paren, SITE_WORDS, WEBMASTER_WORDS, WORDS } from '../language';
import {
  absolute,
  apiReferencePath,
  FEED_FORMAT_NAMES,
  FEED_FORMATS,
  faviconPath,
  feedPath,
  homePath,
  indicatorFeedPath,
  indicatorsPath,
  problemsPath,
  publishPath,
} from '../links';
import type { Lang } from '../schema';
import { PAGE_SCRIPT, STYLESHEET } from './assets';
import { type Html, h, jsonForScript } from './html';
import { markSvg } from './mark';

/** What a page render needs besides the data: language and the public origin. */
export interface PageOptions {
  lang: Lang;
  /** Absolute public origin (`https://example.org`), no trailing slash. */
  origin: string;
}

/** A feed a page advertises with `<link rel="alternate">`. */
export interface FeedLink {
  type: string;
  href: string;
  /** Format name shown to people: RSS, Atom, JSON Feed. */
  format: string;
}

/** Every feed format of the whole site, or of one dataset, in the page's language (Chinese: the root feeds). */
export const feedLinks = (datasetId?: string, lang: Lang = 'zh'): FeedLink[] =>
  FEED_FORMAT_NAMES.map((format) => ({
    type: FEED_FORMATS[format].type,
    href: feedPath(format, datasetId, lang),
    format: FEED_FORMATS[format].short,
  }));

/** Every feed format of one indicator (each revision of its figure), in the page's language. */
export const indicatorFeedLinks = (indicatorId: string, lang: Lang = 'zh'): FeedLink[] =>
  FEED_FORMAT_NAMES.map((format) => ({
    type: FEED_FORMATS[format].type,
    href: indicatorFeedPath(format, indicatorId, lang),
    format: FEED_FORMATS[format].short,
  }));

/** A step of the breadcrumb trail; the last one is the current page. */
export interface Crumb {
  /** Where it links, in the page's language; absent for the current page. */
  href?: string;
  text: string;
}

/** Everything the page shell needs besides the main content. */
export interface PageShell {
  lang: Lang;
  /** Absolute public origin, for canonical and `hreflang` URLs. */
  origin: string;
  meta: CatalogMeta;
  /**
   * This page's path in either language (`(lang) => datasetPath(id, lang)`), for the canonical link, `hreflang`
   * alternates and the language switch; absent for error pages, which have no canonical URL.
   */
  at?: (lang: Lang) => string;
  /** Whether this is the landing page (its title is the site's name alone). */
  home?: boolean;
  /**
   * The page's own title, or candidates from most to least informative; the
   * site name is added where it fits (see {@link documentTitle}).
   */
  title: string | string[];
  description: string;
  crumbs?: Crumb[];
  /** Feeds for this page, most specific first; the site feeds are always added. */
  feeds?: { title: string; links: FeedLink[] }[];
  /** schema.org structured data. */
  jsonLd?: unknown;
  /** Extra `<head>` elements (oEmbed discovery). */
  head?: Html;
  /** Whether the page needs the copy-button script. */
  script?: boolean;
  main: Html;
}

/** Breadcrumb trail above the heading. */
function crumbs(lang: Lang, trail: Crumb[]): Html {
  const w = WORDS[lang];
  return h`<nav class="crumbs" aria-label="${w.breadcrumb}"><ol>${trail.map((c) =>
    c.href === undefined
      ? h`<li><span aria-current="page">${c.text}</span></li>`
      : h`<li><a href="${c.href}">${c.text}</a></li>`,
  )}</ol></nav>`;
}

/** Longest `<title>` we write: search results cut longer ones (html-validate's `long-title`). */
export const MAX_TITLE_LENGTH = 70;

/** A title's length as written in the document: `"`, `'`, `&`, `<`, `>` count as their character references. */
const writtenLength = (text: string): number => h`${text}`.toString().length;

/**
 * The first of `candidates`, with ` · site` where it fits, that is at most
 * {@link MAX_TITLE_LENGTH} characters as written (escaped); the last candidate cut with `…` if none is.
 */
export function documentTitle(candidates: string[], site: string): string {
  const options = candidates.flatMap((c) => [`${c} · ${site}`, c]);
  const fits = (t: string) => writtenLength(t) <= MAX_TITLE_LENGTH;
  const found = options.find(fits);
  if (found !== undefined) return found;
  let cut = (candidates.at(-1) ?? site).slice(0, MAX_TITLE_LENGTH - 1);
  while (cut && !fits(`${cut}…`)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * Where every figure comes from, in a sentence: 所有数字引自《株洲日报》2023年4月的报道《…》。
 * / Every figure is quoted from Zhuzhou Daily, “…”, April 2023.
 */
export function sourceLine(meta: CatalogMeta, lang: Lang): Html {
  const { publisher, title, published } = meta.article;
  // The article carries no date; only the month is certain (see README "How dates were derived").
  const month = formatPeriod(published.slice(0, 7), lang);
  return lang === 'zh'
    ? h`${WORDS.zh.footerSource}《${publisher.zh}》${month}的报道<cite>《${title.zh}》</cite>。`
    : h`${WORDS.en.footerSource} <cite>${publisher.en}</cite>, “${title.en}”, ${month}.`;
}

/**
 * The HTML document around a page: language, alternates in the other
 * language and as feeds, the one stylesheet, skip link, landmarks, footer.
 */
export function layout(page: PageShell): Html {
  const { lang, origin, meta } = page;
  const w = WORDS[lang];
  const other = otherLang(lang);
  const site = meta.title[lang];
  const title = page.home ? site : documentTitle([page.title].flat(), site);
  const at = page.at;
  const feeds = [...(page.feeds ?? []), { title: site, links: feedLinks(undefined, lang) }];
  return h`<!DOCTYPE html>
<html lang="${LANG_TAGS[lang]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${page.description}">
<meta name="color-scheme" content="light dark">
${
  at === undefined
    ? h`<meta name="robots" content="noindex">
`
    : h`<link rel="canonical" href="${absolute(origin, at(lang))}">
<link rel="alternate" hreflang="${LANG_TAGS.zh}" href="${absolute(origin, at('zh'))}">
<link rel="alternate" hreflang="${LANG_TAGS.en}" href="${absolute(origin, at('en'))}">
<link rel="alternate" hreflang="x-default" href="${absolute(origin, at('zh'))}">
`
}${feeds.flatMap((feed) =>
  feed.links.map(
    (l) => h`<link rel="alternate" type="${l.type}" title="${feed.title}${paren(lang, l.format)}" href="${l.href}">
`,
  ),
)}<link rel="stylesheet" href="${STYLESHEET.path}">
<link rel="icon" href="${faviconPath()}" type="image/svg+xml">
${page.script ? h`<script src="${PAGE_SCRIPT.path}" defer></script>\n` : ''}${page.head ?? ''}${
  page.jsonLd === undefined ? '' : h`<script type="application/ld+json">${jsonForScript(page.jsonLd)}</script>\n`
}</head>
<body>
<a class="skip" href="#main">${w.skip}</a>
<header class="site"><div class="wrap">
<a class="brand" href="${homePath(lang)}">${markSvg()}<span class="brand-text">${site}<span lang="${LANG_TAGS[other]}">${meta.title[other]}</span></span></a>
<nav aria-label="${w.siteNav}"><ul>
<li><a href="${homePath(lang, 'datasets')}">${w.datasets}</a></li>
<li><a href="${indicatorsPath(lang)}">${WEBMASTER_WORDS[lang].catalog.nav}</a></li>
<li><a href="${homePath(lang, 'get-data')}">${w.getData}</a></li>
<li><a href="${apiReferencePath(lang)}">${SITE_WORDS[lang].apiReference.nav}</a></li>
<li><a href="${problemsPath(lang)}">${w.problems}</a></li>
<li><a href="${publishPath(lang)}">${w.publish.nav}</a></li>
</ul></nav>
<a class="lang-switch" href="${at ? at(other) : homePath(other)}" hreflang="${LANG_TAGS[other]}" lang="${LANG_TAGS[other]}">${w.switchTo}</a>
</div></header>
<main id="main" class="wrap">
${page.crumbs ? crumbs(lang, page.crumbs) : ''}${page.main}
</main>
<footer><div class="wrap">
<p>${sourceLine(meta, lang)}
${w.license}${colon(lang)}<a rel="license" href="${meta.license.url}">${meta.license.name}</a>${fullStop(lang)}${w.publisher}${colon(lang)}${meta.publisher[lang]}${fullStop(lang).trimEnd()}</p>
</div></footer>
</body>
</html>
`;
}
