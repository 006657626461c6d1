import type { Context } from 'hono';
import { type Snapshot, stringWeight } from '../data-source';
import { CACHE_DATA } from './cache-control';
import { isNotModified, notModified } from './conditional';

/** A representation rendered once per data version. */
export interface Rendered {
  readonly body: string;
  readonly type: string;
  /** Strong ETag: the data version plus a hash of the representation key. */
  readonly etag: string;
}

/** 32-bit FNV-1a as 8 hex digits: a short, stable tag for a representation key. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/**
 * The strong ETag of the representation `key` names in this data version. The
 * edge cache keeps only responses whose ETag starts with this version.
 */
export const etagFor = (snapshot: Snapshot, key: string): string => etagOf(snapshot.version, key);

/** The strong ETag of representation `key` in data version `version`. */
export const etagOf = (version: string, key: string): string => `"${version}-${fnv1a(key)}"`;

/**
 * Renders `make()` once for this data version under `key` (which must name
 * everything the body depends on: resource, format, language, origin). Kept in the snapshot's bounded cache: a page
 * dropped from it (10,000 indicators in two languages do not all fit) is rendered again when asked for.
 */
export function render(snapshot: Snapshot, key: string, type: string, make: () => string): Rendered {
  return snapshot.cache(
    `render:${key}`,
    () => ({ body: make(), type, etag: etagFor(snapshot, key) }),
    (rendered) => stringWeight(rendered.body),
  );
}

/** Options for {@link send}. */
export interface SendOptions {
  cacheControl?: string;
  /** Request headers the representation was chosen by, besides Accept-Encoding. */
  vary?: string[];
  headers?: Record<string, string>;
}

/**
 * Sends a rendered representation with validators and caching headers, or a
 * `304` when the client's copy is current.
 */
export function send(c: Context, snapshot: Snapshot, rendered: Rendered, options: SendOptions = {}): Response {
  const headers = new Headers({
    'Content-Type': rendered.type,
    ETag: rendered.etag,
    'Last-Modified': snapshot.modified.toUTCString(),
    'Cache-Control': options.cacheControl ?? CACHE_DATA,
    Vary: ['Accept-Encoding', ...(options.vary ?? [])].join(', '),
    ...options.headers,
  });
  if (isNotModified(c.req.raw.headers, rendered.etag, snapshot.modified)) return notModified(headers);
  return new Response(rendered.body, { status: 200, headers });
}
