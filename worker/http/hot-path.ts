/**
 * The hot path: a repeat `GET` of a URL the app has already answered for this data version costs a lookup and a copy,
 * before Hono's dispatch, the middlewares, a URL parse or a query sort. What it serves is the edge cache's stored
 * response with the headers the middlewares would have added (CORS, security, `X-Data-State`), written once when the
 * entry is made, so a hit here is byte for byte what the app gives (test/worker/http/hot-path.test.ts checks it).
 */
import { Lru, type Snapshot } from '../data-source';
import { isNotModified, notModified } from './conditional';
import { setCors } from './cors';
import { DATA_STATE_HEADER } from './data-read';
import { setSecurityHeaders } from './security-headers';

/** A finished 200 response: its body, its headers, and its validators read once rather than on every hit. */
export interface Stored {
  body: ArrayBuffer;
  headers: Headers;
  etag: string;
  lastModified: Date | undefined;
}

/**
 * Keeps a response's body and headers. `headers` is copied, and never handed out: each response copies it again
 * (the Response constructor does, per the Fetch standard), since later code may set headers on the response.
 */
export const storeResponse = (body: ArrayBuffer, source: Headers): Stored => {
  const headers = new Headers(source);
  const lastModified = headers.get('Last-Modified');
  return { body, headers, etag: headers.get('ETag')!, lastModified: lastModified ? new Date(lastModified) : undefined };
};

/** The answer to `request` from a stored response: a 304 when the client's copy is current, else a copy of it. */
export const respondStored = (request: Request, stored: Stored): Response =>
  isNotModified(request.headers, stored.etag, stored.lastModified)
    ? notModified(stored.headers)
    : // A Response copies the bytes of a BufferSource and its headers init (Fetch standard): the stored one stays whole.
      new Response(stored.body, { status: 200, headers: stored.headers });

/** Most responses kept per isolate and data version; bounded so random query strings cannot grow memory. */
export const MAX_ENTRIES = 512;
/**
 * …and most bytes of their bodies: at 10,000 indicators a page of the list (`?limit=500`) is 0.7 MB, and 512 such
 * pages would be more than an isolate's 128 MB.
 */
export const MAX_BYTES = 16 * 1024 * 1024;

/** The responses kept for one data version, bounded by {@link MAX_ENTRIES} and {@link MAX_BYTES}. */
export class StoredResponses<V extends { body: ArrayBuffer } = Stored> {
  #kept = new Lru<V>(MAX_ENTRIES, MAX_BYTES);
  get = (key: string): V | undefined => this.#kept.get(key);
  set = (key: string, value: V): void => this.#kept.set(key, value, value.body.byteLength);
}

/**
 * The key of a request on the hot path: the URL exactly as sent (so every check the app made of it, from the guard
 * to the query's validation, was made of this very string), what it accepts (responses are negotiated on `Accept`
 * alone), and the data state its `X-Data-State` header says.
 */
const hotKey = (request: Request, dataState: string) =>
  `${dataState}\n${request.headers.get('Accept') ?? ''}\n${request.url}`;

/** A stored response with every header of its way out, for a 200 and for a 304. */
interface HotEntry extends Stored {
  notModified: Headers;
}

const entries = (snapshot: Snapshot) => snapshot.memo('hot-path', () => new StoredResponses<HotEntry>());

/** The headers every response gets on its way out of the app (see `worker/app.ts`). */
const finish = (headers: Headers, dataState: string): Headers => {
  if (dataState) headers.set(DATA_STATE_HEADER, dataState);
  setCors(headers);
  setSecurityHeaders(headers);
  return headers;
};

/**
 * Makes `request`'s URL a hot-path hit for this data version: `stored` (what the edge cache holds for it) with the
 * headers every response gets on its way out. The edge cache calls it only for a URL whose response is exactly the
 * stored one (no parameter ignored on the way, no as-of-a-day view).
 *
 * @example rememberHot(c.req.raw, snapshot, c.var.dataState, stored)
 */
export function rememberHot(request: Request, snapshot: Snapshot, dataState: string, stored: Stored): void {
  entries(snapshot).set(hotKey(request, dataState), {
    ...stored,
    headers: finish(new Headers(stored.headers), dataState),
    notModified: finish(notModified(stored.headers).headers, dataState),
  });
}

/**
 * The hot-path answer to a `GET`, or `undefined` (the app then answers it). `dataState` is the `X-Data-State` value of
 * the current read, empty for a source without one.
 *
 * @example const hit = answerHot(request, read.snapshot, 'live'); if (hit) return hit;
 */
export function answerHot(request: Request, snapshot: Snapshot, dataState: string): Response | undefined {
  const entry = entries(snapshot).get(hotKey(request, dataState));
  if (!entry) return undefined;
  return isNotModified(request.headers, entry.etag, entry.lastModified)
    ? new Response(null, { status: 304, headers: entry.notModified })
    : new Response(entry.body, { status: 200, headers: entry.headers });
}
