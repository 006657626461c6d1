import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { CACHE_IMMUTABLE, fnv1a, Problem, render, send } from '../http';
import { siteAsset } from '../links';
import { PAGE_JS } from './page-script';
import { PUBLISH_CSS } from './publish-css';
import { PUBLISH_JS } from './publish-script';
import { SITE_CSS } from './site-css';
import { WEBMASTER_CSS, WEBMASTER_JS } from './webmaster-script';

/** A same-origin file the pages load; its path carries a hash of its content. */
export interface PageAsset {
  /** `/assets/site.<hash>.css` */
  readonly path: string;
  readonly type: string;
  readonly body: string;
}

const asset = (name: string, ext: string, type: string, body: string): PageAsset => ({
  path: siteAsset(`${name}.${fnv1a(body)}.${ext}`),
  type,
  body,
});

/** The stylesheet of every page. */
export const STYLESHEET = asset('site', 'css', 'text/css; charset=utf-8', SITE_CSS + WEBMASTER_CSS);

/** The pages' script: copy buttons, the catalog's filter and the embed builder. */
export const PAGE_SCRIPT = asset('page', 'js', 'text/javascript; charset=utf-8', PAGE_JS + WEBMASTER_JS);

/** The publishing page's form styles and script (`publish-page.ts`). */
export const PUBLISH_STYLESHEET = asset('publish', 'css', 'text/css; charset=utf-8', PUBLISH_CSS);
export const PUBLISH_SCRIPT = asset('publish', 'js', 'text/javascript; charset=utf-8', PUBLISH_JS);

const BY_PATH = new Map([STYLESHEET, PAGE_SCRIPT, PUBLISH_STYLESHEET, PUBLISH_SCRIPT].map((a) => [a.path, a]));

/**
 * `/assets/:file`: the pages' stylesheet and script. The hash in the path
 * changes with the content, so they are cached as immutable; a stale hash
 * (a page cached from an older deploy) is a 404 rather than new content
 * under an old name.
 */
export function serveAsset(c: Context<AppEnv>): Response {
  const found = BY_PATH.get(c.req.path);
  if (!found) {
    throw new Problem(
      404,
      'not-found',
      `No file at ${c.req.path}. Page assets have content-hashed names; reload the page that links them.`,
    );
  }
  const snapshot = c.var.snapshot;
  return send(
    c,
    snapshot,
    render(snapshot, `asset:${found.path}`, found.type, () => found.body),
    { cacheControl: CACHE_IMMUTABLE },
  );
}
