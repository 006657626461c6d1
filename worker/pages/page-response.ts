import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { publicOrigin, render, send } from '../http';
import { LANG_TAGS } from '../language';
import type { Lang } from '../schema';
import type { Html } from './html';
import type { PageOptions } from './layout';

/**
 * The Content-Security-Policy of every page: only same-origin styles and
 * scripts (no inline ones), images from here or `data:`, no plugins, forms or
 * `<base>`, and framing only by our own pages.
 */
export const PAGE_CSP =
  "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/** Media type of every page. */
export const HTML_TYPE = 'text/html; charset=utf-8';

/** Headers every page response carries (200 and 404 alike). */
export const pageHeaders = (lang: Lang): Record<string, string> => ({
  'Content-Security-Policy': PAGE_CSP,
  'Content-Language': LANG_TAGS[lang],
});

/** Renders a page once per data version, language and origin under `key`. */
export function renderPage(c: Context<AppEnv>, key: string, lang: Lang, make: (options: PageOptions) => Html) {
  const origin = publicOrigin(c);
  return render(c.var.snapshot, `page:${key}:${lang}:${origin}`, HTML_TYPE, () => make({ lang, origin }).toString());
}

/**
 * Sends a page rendered once per data version, language and origin, with
 * ETag, Last-Modified and 304s from `send()`. No `Vary: Accept`: a page that
 * exists is HTML whatever the client accepts.
 */
export function sendPage(c: Context<AppEnv>, key: string, lang: Lang, make: (options: PageOptions) => Html): Response {
  return send(c, c.var.snapshot, renderPage(c, key, lang, make), { headers: pageHeaders(lang) });
}
