/**
 * The widget build's manifest (`dist/assets/widgets/manifest.json`): the hashed script and stylesheet and the script's
 * SRI hash, which embed code and iframe cards name.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../env';

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
