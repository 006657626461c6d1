/**
 * CORS for public data: any origin may read every response (`Access-Control-Allow-Origin: *`, no credentials), and a
 * preflight for GET/HEAD with conditional headers, or for a POST of the write API (a bearer token in `Authorization`,
 * never a cookie, so a wildcard origin is safe), is answered from these constants.
 */

/** Response headers cross-origin readers may see besides the CORS-safelisted ones. */
export const CORS_EXPOSE_HEADERS =
  'ETag,Last-Modified,Link,Content-Language,Location,X-Data-State,Retry-After,WWW-Authenticate';
/** Methods a preflight allows. */
export const CORS_ALLOW_METHODS = 'GET,HEAD,POST,OPTIONS';
/** Request headers a preflight allows: negotiation, conditional requests, and the write API's headers. */
export const CORS_ALLOW_HEADERS =
  'Accept,Accept-Language,If-None-Match,If-Modified-Since,Cache-Control,Authorization,Content-Type,If-Match,Idempotency-Key';
/** How long, in seconds, a browser may reuse a preflight answer. */
export const CORS_MAX_AGE = '86400';

/** Sets the headers of a simple (non-preflight) cross-origin response. */
export function setCors(headers: Headers): void {
  headers.set('Access-Control-Allow-Origin', '*');
  headers.set('Access-Control-Expose-Headers', CORS_EXPOSE_HEADERS);
}

/**
 * The answer to any OPTIONS request: `204` with the preflight headers. Every
 * resource here takes the same methods and headers, so it needs no routing.
 */
export function preflight(): Response {
  const headers = new Headers();
  setCors(headers);
  headers.set('Access-Control-Max-Age', CORS_MAX_AGE);
  headers.set('Access-Control-Allow-Methods', CORS_ALLOW_METHODS);
  headers.set('Access-Control-Allow-Headers', CORS_ALLOW_HEADERS);
  headers.set('Vary', 'Access-Control-Request-Headers');
  return new Response(null, { status: 204, statusText: 'No Content', headers });
}
