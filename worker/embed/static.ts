/**
 * The embed kit's small same-origin scripts and stylesheets (`/embed/*.js|css`).
 * Stable URLs whose content follows deploys, so short-cached, with an ETag.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { CACHE_SHORT, parseQuery, render, send } from '../http';
import { HOST_JS, RESIZE_JS } from './resize';
import { DEMO_CSS, FRAME_CSS } from './styles';

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** A handler serving a constant text file. */
const serveText = (name: string, type: string, body: string) => (c: Context<AppEnv>) => {
  parseQuery(c, {});
  return send(
    c,
    c.var.snapshot,
    render(c.var.snapshot, `embed-static:${name}`, type, () => body),
    { cacheControl: CACHE_SHORT },
  );
};

/** `/embed/resize.js`: runs in the iframe card, posts its height to the parent. */
export const resizeScript = serveText('resize.js', JS, RESIZE_JS);
/** `/embed/host.js`: optional, on host pages: sizes our iframes from those messages. */
export const hostScript = serveText('host.js', JS, HOST_JS);
/** `/embed/frame.css`: the iframe page around the card. */
export const frameStyles = serveText('frame.css', CSS, FRAME_CSS);
/** `/embed/demo.css`: the `/demo` page's layout. */
export const demoStyles = serveText('demo.css', CSS, DEMO_CSS);
