import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { CACHE_IMMUTABLE, CACHE_SHORT, Problem } from '../http';

/** What `scripts/build-widgets.mjs` writes to `dist/assets/widgets/manifest.json`. */
export interface WidgetManifest {
  /** Content-hashed, immutable script path, e.g. `/widgets/widget.3f2a9c1b.js`. */
  script: string;
  /** Subresource Integrity hash of that script (`sha384-…`). */
  integrity: string;
  /** Content-hashed card stylesheet for server-rendered cards (`/embed/:id`). */
  css: string;
  /** Sizes in bytes, for `npm run size` and the README. */
  bytes: { raw: number; gzip: number; brotli: number };
}

let manifest: Promise<WidgetManifest | undefined> | undefined;

/** A manifest we can put into embed code: hashed same-origin paths and a sha384 SRI hash. */
function isManifest(m: unknown): m is WidgetManifest {
  const o = m as Partial<WidgetManifest> | null;
  return (
    typeof o === 'object' &&
    o !== null &&
    typeof o.script === 'string' &&
    /^\/widgets\/[a-z-]+\.[0-9a-f]{8,}\.js$/.test(o.script) &&
    typeof o.css === 'string' &&
    /^\/widgets\/[a-z-]+\.[0-9a-f]{8,}\.css$/.test(o.css) &&
    typeof o.integrity === 'string' &&
    /^sha384-[A-Za-z0-9+/]{64}$/.test(o.integrity)
  );
}

/**
 * The widget manifest, read once per isolate from the static assets.
 * `undefined` while the bundle is not built (or the manifest is not one we
 * understand): embed code then falls back to `/widget.js` without SRI.
 */
export function widgetManifest(c: Context<AppEnv>): Promise<WidgetManifest | undefined> {
  manifest ??= Promise.resolve()
    .then(() => c.env.ASSETS.fetch(new Request('https://assets.invalid/widgets/manifest.json')))
    .then((res) => (res.ok ? res.json() : undefined))
    .then((m) => (isManifest(m) ? m : undefined))
    .catch(() => undefined)
    .then((m) => {
      if (!m) manifest = undefined; // not built yet: try again next time
      return m;
    });
  return manifest;
}

/**
 * Serves a built asset with our headers: the global middleware adds CORS `*`
 * and `Cross-Origin-Resource-Policy: cross-origin`, so SRI-checked and
 * cross-origin-isolated pages can load it.
 */
export async function serveAsset(c: Context<AppEnv>, path: string, cacheControl: string): Promise<Response> {
  const asset = await c.env.ASSETS.fetch(new Request(`https://assets.invalid${path}`, { headers: c.req.raw.headers }));
  if (asset.status === 404)
    throw new Problem(
      404,
      'not-found',
      `No widget file at ${path}. Use /widget.js, or the hashed path from an indicator page's embed code.`,
    );
  const res = new Response(asset.body, asset);
  res.headers.set('Cache-Control', cacheControl);
  if (path.endsWith('.js')) res.headers.set('Content-Type', 'text/javascript; charset=utf-8');
  if (path.endsWith('.css')) res.headers.set('Content-Type', 'text/css; charset=utf-8');
  return res;
}

/** `/widget.js`: the stable, short-cached URL that follows deploys. */
export const widgetScript = (c: Context<AppEnv>) => serveAsset(c, '/widget.js', CACHE_SHORT);

/** `/widgets/<name>.<hash>.js|css`: content-hashed, immutable. */
export const hashedWidgetFile = (c: Context<AppEnv>) => {
  const file = c.req.param('file') ?? '';
  if (!/^[a-z-]+\.[0-9a-f]{8,}\.(js|css)$/.test(file)) {
    throw new Problem(404, 'not-found', `No widget file "${file}". Hashed widget files look like widget.<hash>.js.`);
  }
  return serveAsset(c, `/widgets/${file}`, CACHE_IMMUTABLE);
};
