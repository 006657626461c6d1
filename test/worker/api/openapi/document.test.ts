import { describe, expect, it } from 'vitest';
import { api } from '../../../../worker/api';
import { buildOpenApiDocument } from '../../../../worker/api/openapi';
import { OPERATIONS } from '../../../../worker/api/operations';
import { MAX_IDS } from '../../../../worker/api/params';
import { ApiIndicatorSchema } from '../../../../worker/api/schema';
import { bundledSource } from '../../../../worker/data-source';
import { KINDS, LANGS, MEASURES, QUALIFIERS, UNITS } from '../../../../worker/schema';
import { catalog, get, getJson } from '../support';

type Doc = {
  openapi: string;
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
        schema: { enum?: string[]; type?: string; maxItems?: number; items?: unknown };
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

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 and what buildOpenApiDocument gives for the current data', async () => {
    const doc = await served();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument(await bundledSource.current()))));
  });

  it('documents exactly the routes the API router has, each with GET and HEAD', async () => {
    const doc = await served();
    const routed = api.routes.filter((r) => r.method === 'GET').map((r) => templateOf(r.path));
    expect(new Set(Object.keys(doc.paths))).toEqual(new Set(routed));
    expect(Object.keys(doc.paths).length).toBe(OPERATIONS.length);
    for (const item of Object.values(doc.paths)) expect(Object.keys(item).sort()).toEqual(['get', 'head']);
    const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('takes its parameter enums from the same picklists the API validates with', async () => {
    const { parameters } = (await served()).components;
    expect(parameters.kind!.schema.enum).toEqual([...KINDS]);
    expect(parameters.unit!.schema.enum).toEqual([...UNITS]);
    expect(parameters.qualifier!.schema.enum).toEqual([...QUALIFIERS]);
    expect(parameters.measure!.schema.enum).toEqual([...MEASURES]);
    expect(parameters.lang!.schema.enum).toEqual([...LANGS]);
    expect(parameters.format!.schema.enum).toEqual(['json', 'csv']);
    expect(parameters.dataset!.schema.enum).toEqual(catalog.datasets);
    expect(parameters.ids!.schema).toMatchObject({ type: 'array', maxItems: MAX_IDS, minItems: 1 });
    expect(parameters.ids!.explode).toBe(false);
  });

  it('lists for each operation exactly the query parameters its route accepts', async () => {
    const doc = await served();
    for (const op of OPERATIONS) {
      const documented = doc.paths[op.path]!.get!.parameters.map((p) => p.$ref?.split('/').pop() ?? p.name).filter(
        (n) => !['IfNoneMatch', 'IfModifiedSince', 'id'].includes(n!),
      );
      expect(documented, op.id).toEqual([...op.params]);
      // The route agrees: a parameter it does not list is refused, each listed one is known.
      const sample = op.path.replace(
        '{id}',
        op.path.startsWith('/news')
          ? catalog.news[0]!.id
          : op.path.startsWith('/datasets')
            ? catalog.datasets[0]!
            : 'platforms-total',
      );
      const refused = await get(`/api/v1${sample === '/' ? '' : sample}?not-a-parameter=1`);
      expect(refused.status, op.id).toBe(400);
      expect((await refused.json<{ allowed: string[] }>()).allowed, op.id).toEqual([...op.params]);
    }
  });

  it('describes the Indicator with every field of the schema, and its one-language form', async () => {
    const { schemas } = (await served()).components;
    expect(Object.keys(schemas.Indicator!.properties!)).toEqual(Object.keys(ApiIndicatorSchema.entries));
    expect(schemas.Indicator!.required).toEqual(
      expect.arrayContaining(['id', 'value', 'unit', 'qualifier', 'kind', 'period', 'source', 'label']),
    );
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
