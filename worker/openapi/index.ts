import type { Context } from 'hono';
import { reply } from '../api/reply';
import type { App } from '../app-env';
import { parseQuery } from '../http';
import { buildOpenApiDocument } from './document';

export { buildOpenApiDocument } from './document';

/** `GET /api/v1/openapi.json`: generated once per data version. */
export function getOpenApi(c: Context<App>): Response {
  parseQuery(c, {});
  return reply(c, { json: () => JSON.stringify(buildOpenApiDocument(c.var.snapshot)) }, { key: 'openapi' });
}
