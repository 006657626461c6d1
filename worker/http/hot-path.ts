/**
 * The hot path: a repeat `GET` of a URL the app has already answered for this data version costs a lookup and a copy,
 * before Hono's dispatch, the middlewares, a URL parse or a query sort. What it serves is the edge cache's stored
 * response with the headers the middlewares would have added (CORS, security, `X-Data-State`), written once when the
 * entry is made, so a hit here is byte for byte what the app gives (test/worker/http/hot-path.test.ts checks it).
 */
import { Lru, type Snapshot } from '../data-source';
import { isNotModified, lastModifiedOf, notModified } from './conditional';
import { setCors } from './cors';
import { DATA_STATE_HEADER, VINTAGE_PARAM } from './data-read';
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
  return { body, headers, etag: headers.get('ETag')!, lastModified: lastModifiedOf(headers) };
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
 * A stored response with every header of its way out, for a 200 and for a 304, and what else a request must match to
 * get it besides its URL: the `Accept` it was negotiated for and the data state its `X-Data-State` says.
 */
interface HotEntry extends Stored {
  notModified: Headers;
  /**
   * The `Accept` it was negotiated for, or `undefined` when its `Vary` does not name `Accept`: the app gives those
   * bytes whatever the client accepts (as HTTP caches assume), so a hit need not read the header.
   */
  accept: string | undefined;
  dataState: string;
  /** The entry for another `Accept` or data state of the same URL. */
  next: HotEntry | undefined;
}

/**
 * The entries of one data version, by the URL exactly as sent (so every check the app made of it, from the guard to
 * the query's validation, was made of this very string), each URL's variants chained: a hit is one map lookup and a
 * comparison or two, with no key to build.
 */
type HotEntries = Lru<HotEntry>;

/** The last data version's entries, so a hit does not look them up on the snapshot. */
let current: { snapshot: Snapshot; entries: HotEntries } | undefined;
const entriesOf = (snapshot: Snapshot): HotEntries => {
  if (current?.snapshot !== snapshot)
    current = { snapshot, entries: snapshot.memo('hot-path', () => new Lru<HotEntry>(MAX_ENTRIES, MAX_BYTES)) };
  return current.entries;
};

/** Whether a response's `Vary` names `Accept` (or is `*`): then another `Accept` may get other bytes. */
const variesOnAccept = (headers: Headers): boolean =>
  (headers.get('Vary') ?? '').split(',').some((name) => ['accept', '*'].includes(name.trim().toLowerCase()));

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
 * stored one (no parameter ignored on the way); an as-of-a-day view (`?vintage=`) reads another snapshot than the
 * current one the hot path looks in, and is never taken.
 *
 * @example rememberHot(c.req.raw, snapshot, c.var.dataState, stored)
 */
export function rememberHot(request: Request, snapshot: Snapshot, dataState: string, stored: Stored): void {
  const url = request.url;
  if (new URL(url).searchParams.has(VINTAGE_PARAM)) return;
  const accept = variesOnAccept(stored.headers) ? (request.headers.get('Accept') ?? '') : undefined;
  const entries = entriesOf(snapshot);
  // The URL's other variants stay; one for the same Accept and data state is replaced.
  let others = entries.get(url);
  const kept: HotEntry[] = [];
  for (; others; others = others.next)
    if (others.accept !== accept || others.dataState !== dataState) kept.push(others);
  let head: HotEntry = {
    ...stored,
    headers: finish(new Headers(stored.headers), dataState),
    notModified: finish(notModified(stored.headers).headers, dataState),
    accept,
    dataState,
    next: undefined,
  };
  let bytes = head.body.byteLength;
  for (const other of kept) {
    head = { ...other, next: head };
    bytes += other.body.byteLength;
  }
  entries.set(url, head, bytes);
}

/**
 * The hot-path answer to a `GET`, or `undefined` (the app then answers it). `dataState` is the `X-Data-State` value of
 * the current read, empty for a source without one.
 *
 * @example const hit = answerHot(request, read.snapshot, 'live'); if (hit) return hit;
 */
export function answerHot(request: Request, snapshot: Snapshot, dataState: string): Response | undefined {
  let entry = entriesOf(snapshot).get(request.url);
  const headers = request.headers;
  // Read once, and only for an entry negotiated on it: each header read is a call into the runtime.
  let accept: string | undefined;
  for (; entry; entry = entry.next) {
    if (entry.dataState !== dataState) continue;
    if (entry.accept === undefined) break;
    if (accept === undefined) accept = headers.get('Accept') ?? '';
    if (entry.accept === accept) break;
  }
  if (!entry) return undefined;
  return isNotModified(headers, entry.etag, entry.lastModified)
    ? new Response(null, { status: 304, headers: entry.notModified })
    : new Response(entry.body, { status: 200, headers: entry.headers });
}
