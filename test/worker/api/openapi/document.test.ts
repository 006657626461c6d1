import { describe, expect, it } from 'vitest';
import { api } from '../../../../worker/api';
import { catalog, get, getJson } from '../support';

type Doc = {
  openapi: string;
  info: { title: string; license: { name: string; url: string }; 'x-data-version': string };
  servers: { url: string }[];
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        parameters: { $ref?: string; name?: string; in?: string }[];
        responses: Record<string, unknown>;
      }
    >
  >;
  components: {
    schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }>;
    parameters: Record<
      string,
      {
        name: string;
        in: string;
        schema: { enum?: string[]; type?: string; maxItems?: number; minItems?: number; items?: unknown };
        explode?: boolean;
      }
    >;
  };
};

const served = () => getJson<Doc>('/api/v1/openapi.json');

/** Every `$ref` in a value. */
function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refs(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

/** `/datasets/:id{[^/]+\.csv}` → `/datasets/{id}.csv`; `/indicators/:id` → `/indicators/{id}`. */
const templateOf = (route: string) =>
  route
    .replace(/^\/api\/v1/, '')
    .replace(/:(\w+)\{[^}]*\\\.csv\}/, '{$1}.csv')
    .replace(/:(\w+)/g, '{$1}') || '/';

/** A documented path with its `{id}` filled in by something the data has, as a URL below `/api/v1`. */
const sampleOf = (path: string) =>
  path.replace(
    '{id}',
    path.startsWith('/news')
      ? catalog.news[0]!.id
      : path.startsWith('/datasets')
        ? catalog.datasets[0]!
        : path.startsWith('/revisions')
          ? 'seed-indicator-platforms-total'
          : 'platforms-total',
  );

/** `servers[0].url` (relative to the document) joined with a documented path, as a path the Worker answers. */
const urlOf = (doc: Doc, path: string) => {
  const base = new URL(doc.servers[0]!.url, 'http://example.com/api/v1/openapi.json').pathname;
  const sample = sampleOf(path);
  return sample === '/' ? base : `${base}${sample}`;
};

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 for this service, under its licence, describing the data version it is served with', async () => {
    const res = await get('/api/v1/openapi.json');
    const doc = await res.json<Doc>();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe(`${catalog.title.en} API`);
    expect(doc.info.license).toEqual(catalog.license);
    const { version } = await getJson<{ version: string }>('/api/v1');
    expect(doc.info['x-data-version']).toBe(version);
    expect(res.headers.get('ETag')).toMatch(new RegExp(`^"${version}-`));
  });

  it('documents exactly the routes the API router has, reads with GET and HEAD, each answering there', async () => {
    const doc = await served();
    expect(Object.keys(doc.paths)).toEqual([
      '/',
      '/openapi.json',
      '/datasets',
      '/datasets/{id}.csv',
      '/datasets/{id}',
      '/indicators.csv',
      '/indicators',
      '/indicators/{id}',
      '/news',
      '/news/{id}',
      '/indicators/{id}/series',
      '/indicators/{id}/history',
      '/revisions',
      '/revisions/{id}',
      '/indicators/{id}/revisions',
      '/indicators/{id}/withdrawal',
      '/datasets/{id}/indicators',
    ]);
    const routed = (method: string) =>
      new Set(api.routes.filter((r) => r.method === method).map((r) => templateOf(r.path)));
    const documented = (method: string) =>
      new Set(Object.entries(doc.paths).flatMap(([path, item]) => (item[method] ? [path] : [])));
    expect(documented('get')).toEqual(routed('GET'));
    expect(documented('post')).toEqual(routed('POST'));
    for (const item of Object.values(doc.paths)) {
      const methods = Object.keys(item).sort();
      expect([['get', 'head'], ['get', 'head', 'post'], ['post']]).toContainEqual(methods);
    }
    const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
    for (const [path, item] of Object.entries(doc.paths)) {
      if (!item.get) continue;
      const url = urlOf(doc, path);
      for (const method of ['GET', 'HEAD']) {
        const res = await get(url, { method });
        expect(res.status, `${method} ${url}`).toBe(200);
        await res.body?.cancel();
      }
    }
  });

  it('documents every write with its body, the bearer scheme, and the answers it really gives', async () => {
    const doc = (await served()) as Doc & {
      components: { securitySchemes: Record<string, { type: string; scheme: string }> };
    };
    expect(doc.components.securitySchemes.publishToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    const writes = Object.entries(doc.paths).filter(([, item]) => item.post);
    expect(writes).toHaveLength(6);
    for (const [path, item] of writes) {
      const op = item.post as unknown as {
        security: unknown;
        requestBody: { content: Record<string, { schema: { $ref: string } }> };
        responses: Record<string, unknown>;
      };
      expect(op.security, path).toEqual([{ publishToken: [] }]);
      const body = op.requestBody.content['application/json']!.schema.$ref.split('/').pop()!;
      expect(doc.components.schemas[body], path).toBeDefined();
      expect(Object.keys(op.responses), path).toEqual(
        expect.arrayContaining(['200', '201', '400', '401', '403', '404', '409', '413', '415', '422', '429']),
      );
      // Documented as secured, and so it is: without a token the route answers 401.
      const res = await get(urlOf(doc, path), { method: 'POST', headers: { 'CF-Connecting-IP': '198.51.100.7' } });
      expect(res.status, path).toBe(401);
      expect(res.headers.get('WWW-Authenticate')).toBe('Bearer realm="publish"');
    }
  });

  it('gives each parameter the values the API accepts', async () => {
    const { parameters } = (await served()).components;
    expect(parameters.kind!.schema.enum).toEqual(['actual', 'target', 'progress', 'forecast']);
    expect(parameters.unit!.schema.enum).toEqual(['count', 'percent', 'CNY', 'rank']);
    expect(parameters.qualifier!.schema.enum).toEqual(['exact', 'at_least', 'more_than', 'about']);
    expect(parameters.measure!.schema.enum).toEqual(['level', 'increase', 'growth_yoy']);
    expect(parameters.lang!.schema.enum).toEqual(['zh', 'en']);
    expect(parameters.format!.schema.enum).toEqual(['json', 'csv']);
    expect(parameters.dataset!.schema.enum).toEqual(catalog.datasets);
    // Every documented value is accepted, and a value the document does not list is refused.
    for (const name of ['kind', 'unit', 'qualifier', 'measure', 'lang', 'format', 'dataset']) {
      for (const value of parameters[name]!.schema.enum!) {
        const res = await get(`/api/v1/indicators?${name}=${encodeURIComponent(value)}`);
        expect(res.status, `${name}=${value}`).toBe(200);
        await res.body?.cancel();
      }
      expect((await get(`/api/v1/indicators?${name}=undocumented`)).status, name).toBe(400);
    }
    // A batch of `ids` is a comma-separated list (not repeated) of one to fifty ids, and the API holds to that.
    expect(parameters.ids!.schema).toMatchObject({ type: 'array', maxItems: 50, minItems: 1 });
    expect(parameters.ids!.explode).toBe(false);
    const batch = (n: number) => Array.from({ length: n }, (_, i) => `no-such-${i}`).join(',');
    expect((await get(`/api/v1/indicators?ids=${batch(50)}`)).status).toBe(200);
    expect((await get(`/api/v1/indicators?ids=${batch(51)}`)).status).toBe(400);
  });

  it('lists for each operation exactly the query parameters its route accepts', async () => {
    const doc = await served();
    for (const [path, item] of Object.entries(doc.paths)) {
      if (!item.get) continue;
      const documented = item
        .get!.parameters.map((p) => p.$ref?.split('/').pop() ?? p.name)
        .filter((n) => !['IfNoneMatch', 'IfModifiedSince', 'id'].includes(n!));
      // The route refuses a parameter it does not know, naming the ones it does.
      const refused = await get(`${urlOf(doc, path)}?not-a-parameter=1`);
      expect(refused.status, path).toBe(400);
      expect((await refused.json<{ allowed: string[] }>()).allowed, path).toEqual(documented);
    }
  });

  it('describes the Indicator with every field the API serves, and its one-language form', async () => {
    const { schemas } = (await served()).components;
    const { indicators } = await getJson<{ indicators: Record<string, unknown>[] }>('/api/v1/indicators');
    // `series` only comes with two or more observations, which the seed has for none (the sparkline test in test/node/widgets/states.test.ts).
    const servedFields = new Set([...indicators.flatMap((i) => Object.keys(i)), 'series']);
    expect(new Set(Object.keys(schemas.Indicator!.properties!))).toEqual(servedFields);
    expect(schemas.Indicator!.required).toEqual(
      expect.arrayContaining(['id', 'value', 'unit', 'qualifier', 'kind', 'period', 'source', 'label']),
    );
    for (const i of indicators)
      expect(Object.keys(i), String(i.id)).toEqual(expect.arrayContaining(schemas.Indicator!.required!));
    expect(schemas.Indicator!.properties!.label).toEqual({ $ref: '#/components/schemas/Localized' });
    expect(schemas.IndicatorOneLanguage!.properties!.label).toMatchObject({ type: 'string' });
    expect(schemas.Problem).toBeDefined();
  });

  it('resolves every $ref inside the document, and keeps every schema in components (no stray $defs)', async () => {
    const doc = await served();
    expect(JSON.stringify(doc)).not.toMatch(/"\$defs"|"\$schema"/);
    for (const ref of refs(doc)) {
      expect(ref.startsWith('#/'), ref).toBe(true);
      const target = ref
        .slice(2)
        .split('/')
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
      expect(target, ref).toBeDefined();
    }
  });

  it('documents 304 and problem responses on every operation, 404 where there is an id', async () => {
    const doc = await served();
    for (const [path, item] of Object.entries(doc.paths)) {
      if (!item.get) continue;
      const codes = Object.keys(item.get!.responses);
      expect(codes, path).toEqual(expect.arrayContaining(['200', '304', '400', '414']));
      expect(codes.includes('404'), path).toBe(path.includes('{id}'));
    }
  });

  it('is rendered once per data version: one ETag, and 304 on revalidation', async () => {
    const a = await get('/api/v1/openapi.json');
    const b = await get('/api/v1/openapi.json');
    expect(b.headers.get('ETag')).toBe(a.headers.get('ETag'));
    expect((await get('/api/v1/openapi.json', { headers: { 'If-None-Match': a.headers.get('ETag')! } })).status).toBe(
      304,
    );
  });
});
