/**
 * `robots.txt` and `sitemap.xml`: every page of the site in both languages, each `<url>` with its `hreflang`
 * alternates (the sitemaps.org protocol with Google's `xhtml:link` extension), so a search engine finds the
 * Chinese and English page of each figure and knows they are the same page.
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
import { escapeHtml } from '../markup';
import type { Lang } from '../schema';
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

/** The sitemap XML: one `<url>` per page and language, each listing both languages and `x-default` (Chinese). */
export function sitemapXml(snapshot: Snapshot, origin: string): string {
  const url = (path: string) => escapeHtml(absolute(origin, path));
  const entries = sitemapPages(snapshot).flatMap((page) => {
    const alternates = [
      ...LANGS.map((l) => `<xhtml:link rel="alternate" hreflang="${LANG_TAGS[l]}" href="${url(page.at(l))}"/>`),
      `<xhtml:link rel="alternate" hreflang="x-default" href="${url(page.at('zh'))}"/>`,
    ].join('');
    return LANGS.map(
      (lang) =>
        `<url><loc>${url(page.at(lang))}</loc>${page.lastmod ? `<lastmod>${page.lastmod}</lastmod>` : ''}${alternates}</url>\n`,
    );
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${entries.join('')}</urlset>
`;
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
