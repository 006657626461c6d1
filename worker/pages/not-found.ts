import type { Context } from 'hono';
import type { App } from '../app-env';
import type { Snapshot } from '../data-source';
import { prefersHtml, Problem } from '../http';
import type { Lang } from '../schema';
import { h, type Html } from './html';
import { pagePath, WORDS } from './i18n';
import { layout, type PageOptions } from './layout';
import { pageHeaders, renderPage } from './respond';

/** A 404 page for people: what happened and the way back. The same body for every missing id. */
export function notFoundPage(snapshot: Snapshot, { lang, origin }: PageOptions): Html {
  const w = WORDS[lang];
  return layout({
    lang,
    origin,
    meta: snapshot.meta,
    title: w.notFoundTitle,
    description: w.notFoundText,
    main: h`<h1>${w.notFoundTitle}</h1>
<p>${w.notFoundText}</p>
<p><a href="${pagePath(lang, '/')}#datasets">${w.datasets}</a></p>`,
  });
}

/**
 * Answers a page whose id does not exist. Browsers (Accept prefers
 * `text/html`) get a small HTML page with status 404, in the page's language;
 * everyone else gets the API's `application/problem+json` 404. Both carry
 * `Vary: Accept` and the short 404 cache lifetime. The HTML body does not
 * echo the id, so it is rendered once per language rather than per request.
 */
export function notFound(c: Context<App>, lang: Lang, detail: string): Response {
  if (!prefersHtml(c.req.header('Accept'))) {
    throw new Problem(404, 'not-found', detail, {}, { Vary: 'Accept-Encoding, Accept' });
  }
  const page = renderPage(c, 'not-found', lang, (options) => notFoundPage(c.var.snapshot, options));
  return new Response(page.body, {
    status: 404,
    headers: { 'Content-Type': page.type, 'Cache-Control': 'public, max-age=60', Vary: 'Accept-Encoding, Accept', ...pageHeaders(lang) },
  });
}
