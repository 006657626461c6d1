import type { MiddlewareHandler } from 'hono';

/**
 * Headers on every response. Cross-Origin-Resource-Policy is `cross-origin`
 * because all of it is public data meant to be embedded and fetched from other
 * sites (a `same-origin` default would block `<script src>` embeds). HTML pages
 * add their own Content-Security-Policy.
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  let headers = c.res.headers;
  try {
    headers.set('X-Content-Type-Options', 'nosniff');
  } catch {
    // Responses from fetch() or the Cache API have immutable headers.
    c.res = new Response(c.res.body, c.res);
    headers = c.res.headers;
    headers.set('X-Content-Type-Options', 'nosniff');
  }
  headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
  if (!headers.has('X-Frame-Options') && !headers.get('Content-Security-Policy')?.includes('frame-ancestors')) {
    headers.set('X-Frame-Options', 'DENY');
  }
};
