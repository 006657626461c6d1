import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { parseQuery, publicOrigin } from '../http';
import { reply } from './format-response';
import { localize } from './localize';
import { entriesFor } from './params';
import { presentIndex } from './present';
import { ApiIndexSchema } from './schema';

/** `GET /api/v1`: the entry point, with links to everything. */
export function getIndex(c: Context<AppEnv>): Response {
  const snapshot = c.var.snapshot;
  const { lang } = parseQuery(c, entriesFor(snapshot, ['lang']));
  const origin = publicOrigin(c);
  return reply(
    c,
    { json: () => JSON.stringify(localize(ApiIndexSchema, presentIndex(snapshot, origin), lang)) },
    { key: 'index', lang },
  );
}
