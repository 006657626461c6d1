/**
 * Cache lifetimes. Data is published live (a new figure is served on the next request), and every response carries
 * a strong ETag, so copies are kept briefly and revalidated cheaply: a minute in browsers, five in shared caches
 * outside Cloudflare (ours are keyed by data version and never serve an old body). Shared caches may still serve a
 * stale copy while they refresh or when the Worker errors.
 */
export const CACHE_DATA = 'public, max-age=60, s-maxage=300, stale-while-revalidate=86400, stale-if-error=604800';

/** Content-addressed files (hashed widget bundle): never change. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';

/** A 404: ids are never reused, but the data may grow, so a minute at most. */
export const CACHE_NOT_FOUND = 'public, max-age=60';

/** Stable URLs whose content follows deploys (`/widget.js`). */
export const CACHE_SHORT = 'public, max-age=300, stale-while-revalidate=3600';
