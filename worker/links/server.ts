/**
 * Links only the server builds (never the widget): a query string for the API's next pages, and the parts of a long
 * sitemap. Kept out of `index.ts`, which the widget bundle imports, so the widget's bytes (and its release hash) do
 * not change with them.
 */
import { fill } from './index';

/** One part of a sitemap too long for one file (`/sitemaps/1.xml`), which `/sitemap.xml` then indexes. */
export const SITEMAP_PART = '/sitemaps/:file';

/** Part `n` (from 1) of a sitemap too long for one file. */
export const sitemapPartPath = (n: number): string => fill(SITEMAP_PART, { file: `${n}.xml` });

/**
 * `path` with `query`'s parameters added, in their order, those `undefined` left out.
 *
 * @example withQuery(apiIndicators(), { dataset: 'x', after: 'a b', limit: 100 }) // '/api/v1/indicators?dataset=x&after=a%20b&limit=100'
 */
export function withQuery(path: string, query: Readonly<Record<string, string | number | undefined>>): string {
  const parts = Object.entries(query).flatMap(([name, value]) =>
    value === undefined ? [] : [`${encodeURIComponent(name)}=${encodeURIComponent(value)}`],
  );
  return parts.length ? `${path}${path.includes('?') ? '&' : '?'}${parts.join('&')}` : path;
}
