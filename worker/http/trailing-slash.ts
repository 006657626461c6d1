import type { MiddlewareHandler } from 'hono';
import { LANG_PREFIX } from '../language/tags';

/**
 * The one URL of a path, as far as slashes go: no trailing slash (`/datasets/x`, `/api/v1`, `/feed.xml`,
 * `/embed/x`, `/badge/x.svg`), except the language roots, which are directories: `/` and `/en/`. Every route family
 * (pages, API, feeds, embeds) follows it, so every resource has exactly one URL. `undefined` when `path` is already
 * canonical, or when it starts with two slashes (or a slash and a backslash): such a path is nobody's resource (it is
 * a 404), and a `Location: //evil.com` would send the client to another host.
 *
 * @example canonicalPath('/datasets/x/') // '/datasets/x'
 * @example canonicalPath('/en') // '/en/'
 * @example canonicalPath('//evil.com/') // undefined
 */
export function canonicalPath(path: string): string | undefined {
  if (/^\/[/\\]/.test(path)) return undefined;
  const trimmed = path.replace(/\/+$/, '') || '/';
  const canonical = trimmed === LANG_PREFIX.en ? `${LANG_PREFIX.en}/` : trimmed;
  return canonical === path ? undefined : canonical;
}

/**
 * Redirects a path that is not in its canonical form ({@link canonicalPath}) with `308 Permanent Redirect` (method
 * and body kept, so a `POST` to `…/revisions/` is re-sent, not turned into a `GET`), the query string kept as sent.
 * The redirect target is canonical, so it is never redirected again: one hop, no loop. `Location` is a path on this
 * origin (starting with one `/` and no backslash), so it cannot leave the site.
 */
export const trailingSlash: MiddlewareHandler = async (c, next) => {
  // Every request passes here: only a path that ends in a slash, or is `/en`, can be off its one URL, so only those
  // pay for parsing the URL (Hono's `path` is read from the request line without one).
  const path = c.req.path;
  if (!path.endsWith('/') && path !== LANG_PREFIX.en) return next();
  const url = new URL(c.req.url);
  const canonical = canonicalPath(url.pathname);
  if (canonical === undefined) return next();
  return c.body(null, 308, {
    Location: canonical + url.search,
    'Cache-Control': 'public, max-age=3600',
  });
};
