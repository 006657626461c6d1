import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env';
import { isNotModified, notModified } from './conditional';
import { canonicalQuery, isIgnorableParam } from './query';

/**
 * A finished 200 response, kept per data version, ready to answer a hit.
 * `headers` is never handed out: each response copies it, since later
 * middleware sets headers on the response.
 */
interface Stored {
  body: ArrayBuffer;
  headers: Headers;
  etag: string;
  lastModified: Date | undefined;
}

/** Keeps a response's body and headers, with its validators read once rather than on every hit. */
const store = (body: ArrayBuffer, source: Headers): Stored => {
  const headers = new Headers(source);
  const lastModified = headers.get('Last-Modified');
  return { body, headers, etag: headers.get('ETag')!, lastModified: lastModified ? new Date(lastModified) : undefined };
};

/** Most responses kept per isolate and data version; bounded so random query strings cannot grow memory. */
const MAX_ENTRIES = 512;

/** A tiny LRU on a Map's insertion order. */
class Lru<V> {
  #map = new Map<string, V>();
  get(key: string): V | undefined {
    const value = this.#map.get(key);
    if (value !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, value);
    }
    return value;
  }
  set(key: string, value: V): void {
    this.#map.set(key, value);
    if (this.#map.size > MAX_ENTRIES) this.#map.delete(this.#map.keys().next().value!);
  }
}

const respond = (req: Request, stored: Stored): Response => {
  if (isNotModified(req.headers, stored.etag, stored.lastModified)) return notModified(stored.headers);
  // The Response constructor copies `headers` (Fetch standard), so what later middleware sets stays on this response.
  // Constructing a Response copies the bytes of a BufferSource (Fetch standard), so the stored body stays whole.
  return new Response(stored.body, { status: 200, headers: stored.headers });
};

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

/**
 * Serves repeat reads without routing or rendering. A response the app built
 * for this data version is kept in the isolate (fastest) and put through the
 * Workers Cache API (shared by isolates in a data centre; a no-op on
 * `*.workers.dev`). The key holds the data version, so a new version never
 * serves old bodies. Only responses carrying this version's ETag are kept.
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
  const local = snapshot.memo('edge-cache', () => new Lru<Stored>());
  const hit = local.get(localKey(asked));
  if (hit) return respond(c.req.raw, hit);

  const cache = cacheApi();
  const shared = await cache?.match(sharedKey(asked)).catch(() => undefined);
  if (shared?.status === 200) {
    const stored = store(await shared.arrayBuffer(), shared.headers);
    local.set(localKey(asked), stored);
    return respond(c.req.raw, stored);
  }

  await next();
  const res = c.res;
  if (res.status !== 200 || !res.headers.get('ETag')?.startsWith(`"${snapshot.version}-`)) return;
  const query = canonicalQuery(c.req.raw) ?? (asked ? undefined : '');
  // Already kept (a request with ignored parameters for a URL that is cached): nothing new to store or put.
  if (query === undefined || local.get(localKey(query))) return;
  const stored = store(await res.clone().arrayBuffer(), res.headers);
  local.set(localKey(query), stored);
  if (cache) {
    const put = cache.put(sharedKey(query), new Response(stored.body, { headers: stored.headers })).catch(() => {});
    try {
      c.executionCtx.waitUntil(put);
    } catch {
      // No ExecutionContext (direct app.request() in a unit test): the put still runs.
    }
  }
};
