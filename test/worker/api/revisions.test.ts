/** The change log (cursor paging, `Link: rel="next"`) and revision permalinks. */
import { beforeEach, describe, expect, it } from 'vitest';
import { changeLog, freshStore, get, ORIGIN, observationBody, post } from './write-support';

beforeEach(freshStore);

type Page = { revisions: { id: string; kind: string; published: string; links: { self: string } }[] };

const nextOf = (res: Response): string | undefined => /<([^>]+)>; rel="next"/.exec(res.headers.get('Link') ?? '')?.[1];

describe('the change log', () => {
  it('pages oldest first by cursor, with a next link while there is more, and none at the end', async () => {
    const all = await changeLog();
    expect(all.length).toBeGreaterThan(10);
    expect(all[0]).toMatch(/^seed-dataset-/);
    const seen: string[] = [];
    let path: string | undefined = '/api/v1/revisions?limit=10';
    let pages = 0;
    while (path) {
      const res: Response = await get(path);
      expect(res.status).toBe(200);
      const page = await res.json<Page>();
      expect(page.revisions.length).toBeLessThanOrEqual(10);
      seen.push(...page.revisions.map((r) => r.id));
      const next = nextOf(res);
      if (next) expect(next).toBe(`${ORIGIN}/api/v1/revisions?after=${encodeURIComponent(seen.at(-1)!)}&limit=10`);
      path = next?.slice(ORIGIN.length);
      pages++;
    }
    expect(seen).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 10));
  });

  it('gives what is new after the last id a client has', async () => {
    const all = await changeLog();
    const last = all.at(-1)!;
    const empty = await get(`/api/v1/revisions?after=${last}`);
    expect((await empty.json<Page>()).revisions).toEqual([]);
    expect(nextOf(empty)).toBeUndefined();
    const res = await post('/api/v1/indicators/platforms-total/revisions', observationBody());
    const id = (await res.json<{ revision: { id: string } }>()).revision.id;
    const fresh = await (await get(`/api/v1/revisions?after=${last}`)).json<Page>();
    expect(fresh.revisions.map((r) => r.id)).toEqual([id]);
    expect(fresh.revisions[0]!.published).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  });

  it('refuses an unknown cursor and a limit outside 1..500', async () => {
    for (const query of ['after=no-such-revision', 'limit=0', 'limit=501', 'limit=ten', 'limit=1.5', 'after=']) {
      const res = await get(`/api/v1/revisions?${query}`);
      expect(res.status, query).toBe(400);
      expect((await res.json<{ type: string }>()).type).toBe('/problems/invalid-parameter');
    }
    expect((await get('/api/v1/revisions?limit=500')).status).toBe(200);
  });
});

describe('a revision permalink', () => {
  it('serves the revision, and a 404 that no cache keeps for an unknown id', async () => {
    const res = await get('/api/v1/revisions/seed-indicator-platforms-total');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: 'seed-indicator-platforms-total',
      kind: 'indicator',
      indicator: 'platforms-total',
      dataset: 'innovation-platforms',
      value: 708,
      publisher: 'seed',
      definition: { id: 'platforms-total' },
      links: {
        self: `${ORIGIN}/api/v1/revisions/seed-indicator-platforms-total`,
        indicator: `${ORIGIN}/api/v1/indicators/platforms-total`,
      },
    });
    const missing = await get('/api/v1/revisions/00000000-0000-0000-0000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('Cache-Control')).toBe('no-store');
  });

  it('flattens bilingual text with lang', async () => {
    const res = await get('/api/v1/revisions/seed-indicator-platforms-total?lang=en');
    expect(await res.json()).toMatchObject({ source: { publisher: expect.any(String) } });
  });
});
