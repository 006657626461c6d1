/**
 * The site's mark: three rising bars on a rounded square in the accent colour. Drawn inline in the page header
 * (decorative, coloured by the stylesheet) and served as the favicon (`faviconPath()`, `image/svg+xml`), which
 * carries its own colours because an icon sees no stylesheet.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { CACHE_SHORT, render, send } from '../http';
import { type Html, h } from './html';

/** The accent colour of the light scheme (`--accent` in site-css.ts); the favicon uses it as is. */
export const ACCENT = '#0b6e80';

/** The bars, in a 32 × 32 box. */
const BARS = 'M9 24v-6M16 24V11M23 24V7';

/** The favicon: a self-contained SVG document. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" width="32" height="32"><rect width="32" height="32" rx="7" fill="${ACCENT}"></rect><path d="${BARS}" stroke="#fff" stroke-width="4" stroke-linecap="round" fill="none"></path></svg>
`;

/** The mark in the header: decorative (the brand text names the site), coloured by `.mark` rules. */
export const markSvg = (): Html =>
  h`<svg class="mark" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false"><rect class="mark-bg" width="32" height="32" rx="7" fill="${ACCENT}"></rect><path class="mark-bars" d="${BARS}" stroke="#fff" stroke-width="4" stroke-linecap="round" fill="none"></path></svg>`;

/** `faviconPath()`: the mark as an SVG icon, cached like the data (it changes only with a deploy). */
export function serveFavicon(c: Context<AppEnv>): Response {
  const snapshot = c.var.snapshot;
  return send(
    c,
    snapshot,
    render(snapshot, 'favicon', 'image/svg+xml; charset=utf-8', () => FAVICON_SVG),
    { cacheControl: CACHE_SHORT },
  );
}
