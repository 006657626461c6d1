import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { isNotModified, lastModifiedOf, notModified } from './conditional';
import { rememberHot, respondStored, type Stored, StoredResponses, storeResponse } from './hot-path';
import { canonicalQuery, isIgnorableParam } from './query';

const cacheApi = (): Cache | undefined =>
  typeof caches === 'undefined' ? undefined : (caches as unknown as { default?: Cache }).default;

/**
 * The query part of a lookup key: the request's parameters, sorted, without the ones every route ignores (`_`,
 * `utm_*`), so `?_=<timestamp>` on every jQuery request still hits.
 */
const lookupQuery = (url: URL): string => {
  const params = new URLSearchParams([...url.searchParams].filter(([name]) => !isIgnorableParam(name)));
  params.sort();
  return params.toString();
};

/** `request` without its conditions: the route then gives the whole response, whatever the client holds. */
const withoutConditions = (request: Request): Request => {
  const headers = new Headers(request.headers);
  headers.delete('If-None-Match');
  headers.delete('If-Modified-Since');
  return new Request(request, { headers });
};

/**
 * Replaces the response outright. Hono's setter merges the old response's headers into the new one, which would give
 * a 304 the 200's `Content-Type` and `Content-Language`, or a kept copy back the assets server's `Content-Encoding`.
 */
const replaceResponse = (c: Context<AppEnv>, res: Response): void => {
  c.res = undefined as unknown as Response;
  c.res = res;
};

/**
 * Serves repeat reads without routing or rendering. A response the app built
 * for this data version is kept in the isolate (fastest) and put through the
 * Workers Cache API (shared by isolates in a data centre; a no-op on
 * `*.workers.dev`). The key holds the data version, so a new version never
 * serves old bodies. Only responses carrying this version's ETag are kept, and built files (the widget script), which
 * no version changes.
 *
 * Keys and query strings: a response is stored under the query its route accepted ({@link canonicalQuery}: the known
 * parameters, as the route read them), never under names the route ignored, so `?v=3`, `?fbclid=<per click>` or a
 * random `lang` on a badge add no entry; a response whose route read no query is stored only for a request without
 * one. Such a request misses here and is answered by the route from its per-version render memo (no re-rendering);
 * only requests for the canonical URL (and the same with `_`/`utm_*`) hit. The LRU bounds memory whatever comes.
 */
export const edgeCache = (): MiddlewareHandler<AppEnv> => async (c, next) => {
  const method = c.req.method;
  if (method !== 'GET' && method !== 'HEAD') return next();
  const snapshot = c.var.snapshot;
  const url = new URL(c.req.url);
  const accept = c.req.header('Accept') ?? '';
  const localKey = (query: string) => `${url.origin}${url.pathname}?${query}#${accept}`;
  // The Cache API ignores most of Vary, so the negotiated Accept and the version go into the key.
  const sharedKey = (query: string) =>
    new Request(
      `${url.origin}${url.pathname}?${query}${query ? '&' : ''}__v=${snapshot.version}&__a=${encodeURIComponent(accept)}`,
    );
  const asked = lookupQuery(url);
  const local = snapshot.memo('edge-cache', () => new StoredResponses());
  /**
   * The hot path takes this URL when what is stored under `query` is its response and nothing was dropped on the way:
   * its own query is that one (nothing ignored, already in order), so a flood of `?_=<timestamp>` makes no entries.
   */
  const rememberIfExact = (query: string, stored: Stored) => {
    if (new URLSearchParams(url.search).toString() === query) rememberHot(c.req.raw, snapshot, c.var.dataState, stored);
  };
  const hit = local.get(localKey(asked));
  if (hit) {
    rememberIfExact(asked, hit);
    return respondStored(c.req.raw, hit);
  }

  const cache = cacheApi();
  const shared = await cache?.match(sharedKey(asked)).catch(() => undefined);
  if (shared?.status === 200) {
    const stored = storeResponse(await shared.arrayBuffer(), shared.headers);
    local.set(localKey(asked), stored);
    rememberIfExact(asked, stored);
    return respondStored(c.req.raw, stored);
  }

  // A miss with `If-None-Match` or `If-Modified-Since` asks the route for the whole response, so that it is kept like
  // any other and the revalidations after it are hits (feed readers, and browsers past max-age, send little else; a
  // new isolate would otherwise run every one of them through the routes). The answer, 304 or 200, is then worked out
  // here from the original request, as the route would have.
  const original = c.req.raw;
  const conditional = original.headers.has('If-None-Match') || original.headers.has('If-Modified-Since');
  if (conditional) c.req.raw = withoutConditions(original);
  try {
    await next();
  } finally {
    c.req.raw = original;
  }
  const res = c.res;
  const etag = res.headers.get('ETag');
  const query = canonicalQuery(original) ?? (asked ? undefined : '');
  const storable = res.status === 200 && etag && (c.var.builtAsset || etag.startsWith(`"${snapshot.version}-`));
  // Not to be kept, or kept already (a request with ignored parameters for a URL that is cached): nothing to store.
  if (!storable || query === undefined || local.get(localKey(query))) {
    if (conditional && res.status === 200 && etag && isNotModified(original.headers, etag, lastModifiedOf(res.headers)))
      replaceResponse(c, notModified(res.headers));
    return;
  }
  const stored = storeResponse(await res.clone().arrayBuffer(), res.headers);
  // The bytes read are decoded: kept with the assets server's `Content-Encoding`, every hit would be compressed anew
  // (Cloudflare compresses at the edge for clients that take it).
  stored.headers.delete('Content-Encoding');
  local.set(localKey(query), stored);
  rememberIfExact(query, stored);
  if (conditional) replaceResponse(c, respondStored(original, stored));
  // Not a built file: the Cache API outlives a deploy, and its key knows the data version, not the deploy.
  if (cache && !c.var.builtAsset) {
    const put = cache.put(sharedKey(query), new Response(stored.body, { headers: stored.headers })).catch(() => {});
    try {
      c.executionCtx.waitUntil(put);
    } catch {
      // No ExecutionContext (direct app.request() in a unit test): the put still runs.
    }
  }
};
