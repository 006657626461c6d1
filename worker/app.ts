import { Hono } from 'hono';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { api } from './api';
import { buildOpenApiDocument } from './api/openapi';
import { bundledSource, type DataSource } from './data-source';
import { embed } from './embed';
import type { AppEnv, Env } from './env';
import { feeds } from './feeds';
import {
  answerHot,
  DATA_STATE_HEADER,
  dataStateOf,
  edgeCache,
  guard,
  Problem,
  problemResponse,
  readData,
  securityHeaders,
  trailingSlash,
} from './http';
import { pathLang } from './language';
import { API_BASE, apiDatasets, apiOpenApi, isApiPath } from './links';
import { apiReferencePages, notFound, type OpenApiDocument, pages } from './pages';
import { isLiveSource } from './store';

/**
 * Builds the app over a data source. The Worker passes the D1 revision log (`d1Source`, which falls back to the
 * bundled data without D1); tests pass their own, and without one the app serves the bundled data alone.
 */
export function createApp(source: DataSource = bundledSource): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // Security and CORS headers on every response (set once, after everything below); answers OPTIONS preflights.
  app.use(securityHeaders);
  // After the header middleware, so its 400/414 problems carry security and CORS headers too.
  app.use(guard);
  // One URL per resource: `/datasets/x/` → 308 `/datasets/x`, `/en` → `/en/`. After the guard (a hostile URL is
  // refused, not redirected); before the data read and the routes, which then see canonical paths only.
  app.use(trailingSlash);
  // The snapshot every route reads, and where it came from (`X-Data-State`, set after the edge cache so a hit says
  // how fresh the data is now, not when the response was first built).
  app.use(async (c, next) => {
    const read = await readData(source, c.req.raw);
    c.set('snapshot', read.snapshot);
    c.set('source', source);
    c.set('dataState', dataStateOf(read));
    await next();
    if (c.var.dataState) c.res.headers.set(DATA_STATE_HEADER, c.var.dataState);
  });
  // Before the 405 check and routing, so a hit skips both; after the guard, whose refusals a hit must not bypass.
  app.use(edgeCache());
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) => {
        const allow = methods.includes('OPTIONS') ? methods : [...methods, 'OPTIONS'];
        // Hono merges the replaced 404's headers into the new response; its one-minute Cache-Control, and an HTML 404's
        // Vary, CSP and language, must not stick to a 405 problem document.
        for (const name of ['Cache-Control', 'Vary', 'Content-Security-Policy', 'Content-Language'])
          c.res.headers.delete(name);
        return problemResponse(
          c,
          new Problem(
            405,
            'method-not-allowed',
            `${c.req.method} is not allowed here${allow.includes('POST') ? '' : '; this resource is read-only'}. Use ${allow.join(', ')}.`,
            {},
            { Allow: allow.join(', ') },
          ),
        );
      },
    }),
  );

  app.route(API_BASE, api);
  app.route('/', feeds);
  app.route('/', pages);
  app.route(
    '/',
    apiReferencePages((snapshot) => buildOpenApiDocument(snapshot) as unknown as OpenApiDocument),
  );
  app.route('/', embed);

  // Negotiated like a missing page (browsers get the HTML 404 page in the path's language, everyone else
  // problem+json), except under /api, where every error is problem+json whatever Accept says.
  app.notFound((c) => {
    const detail = `Nothing is published at ${c.req.path}. See ${apiDatasets()} for what is, or ${apiOpenApi()} for the API.`;
    return isApiPath(c.req.path)
      ? problemResponse(c, new Problem(404, 'not-found', detail))
      : notFound(c, pathLang(c.req.path), detail);
  });
  app.onError((err, c) => {
    if (err instanceof Problem) return problemResponse(c, err);
    console.error(err);
    return problemResponse(
      c,
      new Problem(
        500,
        'internal-error',
        'Something went wrong on our side. Try again; if it persists, report it with this URL.',
      ),
    );
  });
  return app;
}

/**
 * The Worker over a data source: the app, behind the hot path. Over a live source (`d1Source`), a `GET` the app has
 * answered before for this data version (same URL, same `Accept`) is answered from what it gave then
 * ({@link answerHot}), before any routing; everything else (a first read, `?vintage=`, a read when the version check
 * is due, any write) goes to the app. `worker/index.ts` exports it; tests reach it through that.
 *
 * @example export default createWorker(d1Source(env.DB));
 */
export function createWorker(source: DataSource = bundledSource): ExportedHandler<Env> {
  const app = createApp(source);
  const live = isLiveSource(source) ? source : undefined;
  return {
    // Not async: a hit is returned as it is, with no promise for the runtime to wait on.
    fetch(request, env, ctx) {
      // A read that is not fresh (a version check is due, about once a second) goes to the app, which makes the check.
      const read = live && request.method === 'GET' ? live.peek() : undefined;
      const hit = read && answerHot(request, read.snapshot, dataStateOf(read));
      return hit ?? app.fetch(request, env, ctx);
    },
  };
}
