import type { Context } from 'hono';
import type { AppEnv } from '../env';

/** The absolute origin for links we publish: `PUBLIC_ORIGIN`, else the request's own. */
export function publicOrigin<E extends AppEnv>(c: Context<E>): string {
  const configured = c.env?.PUBLIC_ORIGIN;
  return configured ? configured.replace(/\/+$/, '') : new URL(c.req.url).origin;
}
