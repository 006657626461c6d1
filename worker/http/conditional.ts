/**
 * Conditional requests (RFC 9110 §13). `If-None-Match` uses the weak
 * comparison and wins over `If-Modified-Since`, as the RFC requires.
 */

const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/** True when an `If-None-Match` header value matches `etag` (lists, weak tags, `*`). */
export function etagMatches(ifNoneMatch: string, etag: string): boolean {
  // The usual case, a client sending back the tag it was given, without the parse.
  if (ifNoneMatch === etag || ifNoneMatch.trim() === '*') return true;
  const target = opaque(etag);
  return ifNoneMatch.split(',').some((candidate) => opaque(candidate) === target);
}

/** A response's `Last-Modified` as a date, if it has one. */
export const lastModifiedOf = (headers: Headers): Date | undefined => {
  const value = headers.get('Last-Modified');
  return value ? new Date(value) : undefined;
};

/** True when the client's copy is current and a `304 Not Modified` should be sent. */
export function isNotModified(headers: Headers, etag: string, lastModified?: Date): boolean {
  const ifNoneMatch = headers.get('If-None-Match');
  if (ifNoneMatch !== null) return etagMatches(ifNoneMatch, etag);
  const since = headers.get('If-Modified-Since');
  if (since === null || lastModified === undefined) return false;
  const time = Date.parse(since);
  // Last-Modified has one-second precision.
  return !Number.isNaN(time) && Math.floor(lastModified.getTime() / 1000) <= Math.floor(time / 1000);
}

/** Headers a 304 keeps from the 200 it stands for (RFC 9110 §15.4.5). */
const KEPT_ON_304 = ['Cache-Control', 'Content-Location', 'Date', 'ETag', 'Expires', 'Vary', 'Last-Modified'];

/** A 304 for `full`, keeping the validator and caching headers. */
export function notModified(full: Headers): Response {
  const headers = new Headers();
  for (const name of KEPT_ON_304) {
    const value = full.get(name);
    if (value !== null) headers.set(name, value);
  }
  return new Response(null, { status: 304, headers });
}
