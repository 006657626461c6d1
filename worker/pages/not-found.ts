import type { Context } from 'hono';
import type { Snapshot } from '../data-source';
import type { AppEnv } from '../env';
import { CACHE_NOT_FOUND, Problem, prefersHtml, problemResponse } from '../http';
import { WORDS } from '../language';
import { homePath } from '../links';
import type { Lang } from '../schema';
import { type Html, h } from './html';
import { layout, type PageOptions } from './layout';
import { pageHeaders, renderPage } from './page-response';

/** A known id near the one asked for, and the page it has: what a not-found page suggests. */
export interface Suggestion {
  id: string;
  path: string;
}

/**
 * A 404 page for people: what happened and the way back, and the page of a near id when there is one
 * (`Platforms-Total` → `platforms-total`). The same body for every missing id with the same suggestion.
 */
export function notFoundPage(snapshot: Snapshot, { lang, origin }: PageOptions, suggestion?: Suggestion): Html {
  const w = WORDS[lang];
  const [before, after] = w.didYouMean;
  return layout({
    lang,
    origin,
    meta: snapshot.meta,
    title: w.notFoundTitle,
    description: w.notFoundText,
    main: h`<h1>${w.notFoundTitle}</h1>
<p>${w.notFoundText}</p>
${
  suggestion
    ? h`<p>${before}<a href="${suggestion.path}"><code>${suggestion.id}</code></a>${after}</p>
`
    : ''
}<p><a href="${homePath(lang, 'datasets')}">${w.datasets}</a></p>`,
  });
}

/** Both answers vary on Accept, the header that chose between them. */
const NEGOTIATED = 'Accept-Encoding, Accept';

/**
 * Answers a page whose id does not exist, and (from `worker/app.ts`) any path
 * nothing answers. Browsers (Accept prefers `text/html`) get a small HTML page
 * with status 404 in `lang`; everyone else gets the API's
 * `application/problem+json` 404 saying `detail`. Both carry `Vary: Accept`
 * and the short 404 cache lifetime. The HTML body does not echo the path, only
 * a `suggestion` (a known id), so it is rendered once per language and
 * suggestion rather than per request. Returned, not thrown: the app's
 * method-not-allowed check skips responses from errors.
 */
export function notFound(c: Context<AppEnv>, lang: Lang, detail: string, suggestion?: Suggestion): Response {
  if (!prefersHtml(c.req.header('Accept'))) {
    return problemResponse(c, new Problem(404, 'not-found', detail, {}, { Vary: NEGOTIATED }));
  }
  const page = renderPage(c, `not-found:${suggestion?.path ?? ''}`, lang, (options) =>
    notFoundPage(c.var.snapshot, options, suggestion),
  );
  return new Response(page.body, {
    status: 404,
    headers: { 'Content-Type': page.type, 'Cache-Control': CACHE_NOT_FOUND, Vary: NEGOTIATED, ...pageHeaders(lang) },
  });
}
