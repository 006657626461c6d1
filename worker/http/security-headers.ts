import type { MiddlewareHandler } from 'hono';
import { preflight, setCors } from './cors';

/**
 * Sets the headers every response carries. Cross-Origin-Resource-Policy is
 * `cross-origin` because all of it is public data meant to be embedded and
 * fetched from other sites (a `same-origin` default would block `<script src>`
 * embeds). HTML pages add their own Content-Security-Policy, which then
 * governs framing instead of X-Frame-Options.
 */
export function setSecurityHeaders(headers: Headers): void {
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
  if (!headers.has('X-Frame-Options') && !headers.get('Content-Security-Policy')?.includes('frame-ancestors')) {
    headers.set('X-Frame-Options', 'DENY');
  }
}

/**
 * Security and CORS headers on every response, set once on the final response
 * after everything downstream (routes, edge cache, error handler) has run.
 * Setting them up front on Hono's lazy `c.res` instead would make Hono copy
 * them into every handler's response by re-creating it. OPTIONS is answered
 * here as a CORS preflight.
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  if (c.req.method === 'OPTIONS') {
    const res = preflight();
    setSecurityHeaders(res.headers);
    return res;
  }
  await next();
  let headers = c.res.headers;
  try {
    setCors(headers);
  } catch {
    // Responses from fetch() or the Cache API have immutable headers.
    c.res = new Response(c.res.body, c.res);
    headers = c.res.headers;
    setCors(headers);
  }
  setSecurityHeaders(headers);
};
