import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { CACHE_IMMUTABLE, CACHE_SHORT, Problem } from '../http';
import { widgetFile, widgetScriptPath } from '../links';

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
      `No widget file at ${path}. Use ${widgetScriptPath()}, or the hashed path from an indicator page's embed code.`,
    );
  const res = new Response(asset.body, asset);
  res.headers.set('Cache-Control', cacheControl);
  if (path.endsWith('.js')) res.headers.set('Content-Type', 'text/javascript; charset=utf-8');
  if (path.endsWith('.css')) res.headers.set('Content-Type', 'text/css; charset=utf-8');
  return res;
}

/**
 * `/widget.js`: the stable, short-cached URL that follows deploys. A built file is the same for the whole deploy, so
 * the edge cache may keep it like a response of the data version (every embedding page asks for it).
 */
export const widgetScript = (c: Context<AppEnv>) => {
  c.set('builtAsset', true);
  return serveAsset(c, widgetScriptPath(), CACHE_SHORT);
};

/** `/widgets/<name>.<hash>.js|css`: content-hashed, immutable. */
export const hashedWidgetFile = (c: Context<AppEnv>) => {
  const file = c.req.param('file') ?? '';
  if (!/^[a-z-]+\.[0-9a-f]{8,}\.(js|css)$/.test(file)) {
    throw new Problem(404, 'not-found', `No widget file "${file}". Hashed widget files look like widget.<hash>.js.`);
  }
  c.set('builtAsset', true);
  return serveAsset(c, widgetFile(file), CACHE_IMMUTABLE);
};
