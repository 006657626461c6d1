/**
 * `robots.txt` and `sitemap.xml`: every page of the site in both languages, each `<url>` with its `hreflang`
 * alternates (the sitemaps.org protocol with Google's `xhtml:link` extension), so a search engine finds the
 * Chinese and English page of each figure and knows they are the same page. A site of more than
 * {@link PAGES_PER_SITEMAP} pages (10,000 indicators make some 8 MB of sitemap) is split: `sitemap.xml` is then a
 * sitemap index of `/sitemaps/1.xml`, `/sitemaps/2.xml`, … each listing that many pages.
 */
import type { Context } from 'hono';
import type { Snapshot } from '../data-source';
import type { AppEnv } from '../env';
import { publicOrigin, render, send } from '../http';
import { LANG_TAGS } from '../language';
import {
  absolute,
  apiReferencePath,
  datasetPath,
  homePath,
  indicatorPath,
  indicatorsPath,
  newsPath,
  problemPath,
  problemsPath,
  sitemapPath,
} from '../links';
import { sitemapPartPath } from '../links/server';
import { escapeHtml } from '../markup';
import type { Lang } from '../schema';
import { notFound } from './not-found';
import { PROBLEM_TYPES } from './problem-page';

/** A page of the sitemap: its path in either language and, where known, the day its content last changed. */
export interface SitemapPage {
  at: (lang: Lang) => string;
  lastmod?: string;
}

/** Every page worth finding: landing, datasets, indicators, the catalog, news, the API reference, problem types. */
export function sitemapPages(snapshot: Snapshot): SitemapPage[] {
  const newest = snapshot.modified.toISOString().slice(0, 10);
  return [
    { at: (l) => homePath(l), lastmod: newest },
    { at: indicatorsPath, lastmod: newest },
    ...snapshot.datasets.flatMap((d) => [
      { at: (l: Lang) => datasetPath(d.id, l), lastmod: d.modified },
      ...d.indicators.map((i) => ({ at: (l: Lang) => indicatorPath(i.id, l), lastmod: d.modified })),
    ]),
    ...snapshot.news.map((n) => ({ at: (l: Lang) => newsPath(n.id, l) })),
    { at: apiReferencePath, lastmod: newest },
    { at: problemsPath },
    ...PROBLEM_TYPES.map((t) => ({ at: (l: Lang) => problemPath(t, l) })),
  ];
}

const LANGS: Lang[] = ['zh', 'en'];

/** Pages one sitemap file lists (two `<url>`s each, one per language): under 1 MB, far under the protocol's 50,000. */
export const PAGES_PER_SITEMAP = 1000;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** A `<urlset>` of `pages`: one `<url>` per page and language, each listing both languages and `x-default` (Chinese). */
function urlset(pages: readonly SitemapPage[], origin: string): string {
  const url = (path: string) => escapeHtml(absolute(origin, path));
  const entries = pages.flatMap((page) => {
    const alternates = [
      ...LANGS.map((l) => `<xhtml:link rel="alternate" hreflang="${LANG_TAGS[l]}" href="${url(page.at(l))}"/>`),
      `<xhtml:link rel="alternate" hreflang="x-default" href="${url(page.at('zh'))}"/>`,
    ].join('');
    return LANGS.map(
      (lang) =>
        `<url><loc>${url(page.at(lang))}</loc>${page.lastmod ? `<lastmod>${page.lastmod}</lastmod>` : ''}${alternates}</url>\n`,
    );
  });
  return `${XML_HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${entries.join('')}</urlset>
`;
}

/** The parts of a site's sitemap: one for a site of up to {@link PAGES_PER_SITEMAP} pages. */
const partsOf = (snapshot: Snapshot): SitemapPage[][] =>
  snapshot.memo('sitemap-parts', () => {
    const pages = sitemapPages(snapshot);
    const parts: SitemapPage[][] = [];
    for (let n = 0; n < pages.length; n += PAGES_PER_SITEMAP) parts.push(pages.slice(n, n + PAGES_PER_SITEMAP));
    return parts;
  });

/**
 * The sitemap XML: the `<urlset>` of every page; or, for a site of more than {@link PAGES_PER_SITEMAP} pages, the
 * `<sitemapindex>` of its parts, each dated by the newest page it lists.
 */
export function sitemapXml(snapshot: Snapshot, origin: string): string {
  const parts = partsOf(snapshot);
  if (parts.length <= 1) return urlset(parts[0] ?? [], origin);
  const entries = parts.map((pages, n) => {
    const lastmod = pages.reduce<string | undefined>(
      (max, p) => (p.lastmod && (!max || p.lastmod > max) ? p.lastmod : max),
      undefined,
    );
    return `<sitemap><loc>${escapeHtml(absolute(origin, sitemapPartPath(n + 1)))}</loc>${lastmod ? `<lastmod>${lastmod}</lastmod>` : ''}</sitemap>\n`;
  });
  return `${XML_HEAD}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.join('')}</sitemapindex>
`;
}

/** Part `n` (from 1) of a split sitemap, or `undefined` if the sitemap has no such part (or is not split). */
export function sitemapPartXml(snapshot: Snapshot, origin: string, n: number): string | undefined {
  const parts = partsOf(snapshot);
  return parts.length > 1 && parts[n - 1] ? urlset(parts[n - 1]!, origin) : undefined;
}

/** `robots.txt`: everything may be crawled; the sitemap is named by its absolute URL, as the protocol asks. */
export const robotsTxt = (origin: string): string =>
  `User-agent: *\nAllow: /\n\nSitemap: ${absolute(origin, sitemapPath())}\n`;

/** `sitemapPath()`: rendered once per data version and origin. */
export function serveSitemap(c: Context<AppEnv>): Response {
  const origin = publicOrigin(c);
  const snapshot = c.var.snapshot;
  return send(
    c,
    snapshot,
    render(snapshot, `sitemap:${origin}`, 'application/xml; charset=utf-8', () => sitemapXml(snapshot, origin)),
  );
}

/** `sitemapPartPath(n)`: one part of a split sitemap; a 404 for any other file. */
export function serveSitemapPart(c: Context<AppEnv>): Response {
  const origin = publicOrigin(c);
  const snapshot = c.var.snapshot;
  const file = c.req.param('file') ?? '';
  const n = /^[1-9]\d{0,5}\.xml$/.test(file) ? Number.parseInt(file, 10) : 0;
  const xml = n ? sitemapPartXml(snapshot, origin, n) : undefined;
  if (xml === undefined) return notFound(c, 'zh', `No sitemap part "${file.slice(0, 100)}". See ${sitemapPath()}.`);
  return send(
    c,
    snapshot,
    render(snapshot, `sitemap:${n}:${origin}`, 'application/xml; charset=utf-8', () => xml),
  );
}

/** `robotsPath()`. */
export function serveRobots(c: Context<AppEnv>): Response {
  const origin = publicOrigin(c);
  const snapshot = c.var.snapshot;
  return send(
    c,
    snapshot,
    render(snapshot, `robots:${origin}`, 'text/plain; charset=utf-8', () => robotsTxt(origin)),
  );
}
