import type { Context } from 'hono';
import type { AppEnv } from '../../env';
import { parseQuery } from '../../http';
import { reply } from '../format-response';
import { buildOpenApiDocument } from './document';

export { buildOpenApiDocument } from './document';

/** `GET /api/v1/openapi.json`: generated once per data version. */
export function getOpenApi(c: Context<AppEnv>): Response {
  parseQuery(c, {});
  return reply(c, { json: () => JSON.stringify(buildOpenApiDocument(c.var.snapshot)) }, { key: 'openapi' });
}
