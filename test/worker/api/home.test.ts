import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ApiIndexSchema, type DatasetListSchema } from '../../../worker/api/schema';
import { catalog, get, getJson, ORIGIN } from './support';

type Index = v.InferOutput<typeof ApiIndexSchema>;

describe('GET /api/v1', () => {
  it('describes the service, its data version and links to every collection', async () => {
    const body = await getJson<Index>('/api/v1');
    expect(() => v.parse(ApiIndexSchema, body)).not.toThrow();
    expect(body.title).toEqual(catalog.title);
    expect(body.license).toEqual(catalog.license);
    expect(body.links.openapi).toBe(`${ORIGIN}/api/v1/openapi.json`);
    expect(body.version).toMatch(/^[0-9a-f]{20}$/);
  });

  it('has a version that is the one in every ETag', async () => {
    const res = await get('/api/v1');
    const { version } = await res.json<Index>();
    expect(res.headers.get('ETag')).toMatch(new RegExp(`^"${version}-[0-9a-f]{8}"$`));
  });

  it('redirects /api/v1/ to /api/v1, keeping the query', async () => {
    const res = await get('/api/v1/?lang=en');
    expect(res.status).toBe(308);
    expect(res.headers.get('Location')).toBe('/api/v1?lang=en');
  });

  it('links only to places that answer 200 (API, pages, feeds)', async () => {
    const index = await getJson<Index>('/api/v1');
    const { datasets } = await getJson<v.InferOutput<typeof DatasetListSchema>>('/api/v1/datasets');
    const links = [...Object.values(index.links), ...datasets.flatMap((d) => Object.values(d.links))];
    for (const link of links) {
      expect(link.startsWith(ORIGIN)).toBe(true);
      const res = await get(link.slice(ORIGIN.length));
      expect(res.status, link).toBe(200);
      await res.body?.cancel();
    }
  });

  it('links each indicator to its page, embed card and badge, all answering 200', async () => {
    const { indicators } = await getJson<{ indicators: { links: Record<string, string> }[] }>(
      '/api/v1/indicators?ids=platforms-total',
    );
    for (const link of Object.values(indicators[0]!.links)) {
      const res = await get(link.slice(ORIGIN.length));
      expect(res.status, link).toBe(200);
      await res.body?.cancel();
    }
  });
});
