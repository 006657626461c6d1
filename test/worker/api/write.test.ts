/**
 * The write API through the real Worker (`SELF`) over the test D1 with the real migrations: every write is checked by
 * what a reader sees afterwards (the indicator, its ETag, the change log), not by what the handler says.
 */
import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../worker/app';
import { d1Source } from '../../../worker/store';
import {
  changeLog,
  freshStore,
  get,
  newClient,
  ORIGIN,
  observationBody,
  PUBLISHER,
  post,
  problemOf,
  TOKEN,
} from './write-support';

beforeEach(freshStore);

const INDICATOR = '/api/v1/indicators/platforms-total';
const REVISIONS = `${INDICATOR}/revisions`;

type Written = { revision: { id: string; publisher: string; value?: number }; indicator?: { value: number } };

/** The indicator's current value and ETag. */
async function current(path = INDICATOR): Promise<{ value: number; etag: string }> {
  const res = await get(path);
  expect(res.status).toBe(200);
  return { value: (await res.json<{ value: number }>()).value, etag: res.headers.get('ETag')! };
}

describe('publishing a figure', () => {
  it('is served on the very next request, with a new ETag, everywhere the indicator shows', async () => {
    const before = await current();
    expect(before.value).toBe(708);

    const res = await post(REVISIONS, observationBody());
    expect(res.status, await res.clone().text()).toBe(201);
    const { revision, indicator } = await res.json<Written>();
    expect(revision).toMatchObject({
      kind: 'observation',
      indicator: 'platforms-total',
      value: 800,
      publisher: PUBLISHER,
    });
    expect(indicator).toMatchObject({ id: 'platforms-total', value: 800, qualifier: 'more_than', figure: '800多家' });
    expect(res.headers.get('Location')).toBe(`${ORIGIN}/api/v1/revisions/${revision.id}`);

    const after = await get(INDICATOR);
    expect(await after.json()).toMatchObject({ value: 800, figure: '800多家', period: '2023' });
    expect(after.headers.get('ETag')).toBe(res.headers.get('ETag'));
    expect(after.headers.get('ETag')).not.toBe(before.etag);
    expect((await get(INDICATOR, { headers: { 'If-None-Match': before.etag } })).status).toBe(200);
    expect((await get(INDICATOR, { headers: { 'If-None-Match': after.headers.get('ETag')! } })).status).toBe(304);

    // The permalink, the change log, the series, the history, the dataset and the CSV all show it.
    const permalink = await get(new URL(res.headers.get('Location')!).pathname);
    expect(await permalink.json()).toMatchObject({ id: revision.id, value: 800, published: expect.any(String) });
    expect((await changeLog()).at(-1)).toBe(revision.id);
    const series = await get(`${INDICATOR}/series`);
    expect(
      (await series.json<{ observations: { period: string; value: number }[] }>()).observations.at(-1),
    ).toMatchObject({
      period: '2023',
      value: 800,
      revision: revision.id,
    });
    const history = await get(`${INDICATOR}/history`);
    expect((await history.json<{ revisions: { id: string }[] }>()).revisions.at(-1)!.id).toBe(revision.id);
    const dataset = await get('/api/v1/datasets/innovation-platforms');
    const listed = (await dataset.json<{ indicators: { id: string; value: number }[] }>()).indicators;
    expect(listed.find((i) => i.id === 'platforms-total')!.value).toBe(800);
    const csv = await (await get('/api/v1/indicators.csv')).text();
    expect(csv.split('\r\n').find((line) => line.startsWith('platforms-total,'))).toContain(',800,');

    // As published on the article's day, it is still the article's figure.
    expect((await current(`${INDICATOR}?vintage=2023-04-30`)).value).toBe(708);
  });

  it('records the token name as publisher, never a name from the body', async () => {
    const second = await post(REVISIONS, observationBody(), { token: 'test-token-b83d16c0aa' });
    expect(second.status).toBe(201);
    expect((await second.json<Written>()).revision.publisher).toBe('second-officer');
    const forged = await post(REVISIONS, { ...observationBody(), publisher: 'someone-else' });
    expect(forged.status).toBe(400);
    expect((await problemOf(forged)).names).toEqual(['publisher']);
  });
});

describe('If-Match', () => {
  it('of twenty racing writers with the same ETag, lets exactly one write; the others get 412 and the new ETag', async () => {
    const { etag } = await current();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        post(REVISIONS, observationBody({ value: 900 + n, figure: undefined, qualifier: 'exact' }), {
          headers: { 'If-Match': etag },
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 412)).toHaveLength(19);
    const winner = results.find((r) => r.status === 201)!;
    const won = (await winner.json<Written>()).revision.value;
    const now = await current();
    expect(now.value).toBe(won);
    for (const loser of results.filter((r) => r.status === 412)) {
      expect((await problemOf(loser)).type).toBe('/problems/precondition-failed');
      expect(loser.headers.get('ETag')).toBe(now.etag);
    }
    expect((await changeLog()).filter((id) => !id.startsWith('seed-'))).toHaveLength(1);
  });

  it('refuses a stale ETag with the current one, which then works', async () => {
    const { etag: stale } = await current();
    expect((await post(REVISIONS, observationBody())).status).toBe(201);
    const refused = await post(REVISIONS, observationBody({ value: 801, figure: '801多家' }), {
      headers: { 'If-Match': stale },
    });
    expect(refused.status).toBe(412);
    const fresh = refused.headers.get('ETag')!;
    expect(fresh).toBe((await current()).etag);
    const retried = await post(REVISIONS, observationBody({ value: 801, figure: '801多家' }), {
      headers: { 'If-Match': fresh },
    });
    expect(retried.status).toBe(201);
    expect((await current()).value).toBe(801);
  });

  it("takes any language variant's ETag, is not fooled by another indicator's, and ignores writes elsewhere", async () => {
    const english = (await get(`${INDICATOR}?lang=en`)).headers.get('ETag')!;
    const other = (await current('/api/v1/indicators/platforms-national')).etag;
    const wrong = await post(REVISIONS, observationBody(), { headers: { 'If-Match': other } });
    expect(wrong.status).toBe(412);
    expect(await changeLog()).toEqual((await changeLog()).filter((id) => id.startsWith('seed-')));
    const weak = await post(REVISIONS, observationBody(), { headers: { 'If-Match': `W/${english}` } });
    expect(weak.status).toBe(412);
    // A write to another indicator does not make this one's copy stale.
    expect(
      (await post('/api/v1/indicators/platforms-national/revisions', observationBody({ figure: undefined }))).status,
    ).toBe(201);
    expect((await post(REVISIONS, observationBody(), { headers: { 'If-Match': english } })).status).toBe(201);
  });

  it('without it, ten concurrent writers all land', async () => {
    const before = (await changeLog()).length;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        post(
          REVISIONS,
          observationBody({
            period: `2024-${String(n + 1).padStart(2, '0')}`,
            value: 810 + n,
            figure: undefined,
            qualifier: 'exact',
          }),
        ),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
    const ids = await Promise.all(results.map(async (r) => (await r.json<Written>()).revision.id));
    const log = await changeLog();
    expect(log).toHaveLength(before + 10);
    expect(log).toEqual(expect.arrayContaining(ids));
    const series = await (await get(`${INDICATOR}/series`)).json<{ observations: { period: string }[] }>();
    expect(series.observations.filter((o) => o.period.startsWith('2024-'))).toHaveLength(10);
    expect((await current()).value).toBe(819);
  });
});

describe('refused writes change nothing', () => {
  /** Sends a write (after reading the log), expects the status and problem type, and checks the log and the indicator did not move. */
  async function refused(
    send: () => Promise<Response>,
    status: number,
    type: string,
  ): Promise<{ names: string[]; res: Response }> {
    const log = await changeLog();
    const { etag } = await current();
    // Sent after the reads: a request that starts a check of the data version makes requests arriving meanwhile get
    // the previous version (one check a second), which would blur what this compares.
    const answer = await send();
    expect(answer.status, await answer.clone().text()).toBe(status);
    const problem = await problemOf(answer);
    expect(problem.type).toBe(`/problems/${type}`);
    expect(await changeLog()).toEqual(log);
    expect((await current()).etag).toBe(etag);
    return { names: problem.names, res: answer };
  }

  it('401 without a token or with a wrong one, with the Bearer challenge', async () => {
    for (const token of [null, 'not-the-token', `${TOKEN}x`, '']) {
      const { res } = await refused(
        () => post(REVISIONS, observationBody(), { token, headers: { 'CF-Connecting-IP': newClient() } }),
        401,
        'unauthorized',
      );
      expect(res.headers.get('WWW-Authenticate')).toBe('Bearer realm="publish"');
    }
    const basic = () =>
      post(REVISIONS, observationBody(), {
        token: null,
        headers: { Authorization: `Basic ${btoa(`test-officer:${TOKEN}`)}`, 'CF-Connecting-IP': newClient() },
      });
    await refused(basic, 401, 'unauthorized');
  });

  it('403 writes-disabled without configured tokens, or without a migrated store', async () => {
    const app = createApp(d1Source(env.DB));
    const request = async (bindings: Record<string, unknown>, source = app) =>
      source.request(
        `${ORIGIN}${REVISIONS}`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
          body: JSON.stringify(observationBody()),
        },
        { ...env, ...bindings },
      );
    for (const tokens of ['', ' , ', 'no-colon-here']) {
      const res = await refused(() => request({ PUBLISH_TOKENS: tokens }), 403, 'writes-disabled');
      expect(res.res.status).toBe(403);
    }
    const unmigrated = createApp(d1Source(env.EMPTY_DB));
    const res = await request({}, unmigrated);
    expect(res.status).toBe(403);
    const problem = await problemOf(res);
    expect(problem.type).toBe('/problems/writes-disabled');
    expect(problem.detail).toContain('wrangler d1 migrations apply');
    const unbound = await request({}, createApp(d1Source(undefined)));
    expect(unbound.status).toBe(403);
    expect((await problemOf(unbound)).detail).toContain('DB binding');
  });

  it('400 invalid-body naming every bad field by its path', async () => {
    const body = observationBody({
      value: 'many',
      source: { publisher: { zh: '株洲日报' }, title: { zh: '标题', en: 'Title' }, url: 'not a url' },
      extra: 1,
    });
    delete body.reason;
    const { names } = await refused(() => post(REVISIONS, body), 400, 'invalid-body');
    expect(names).toEqual(expect.arrayContaining(['value', 'source.publisher.en', 'source.url', 'extra', 'reason']));
    // The figure as written must agree with the value and qualifier.
    const mismatch = await refused(() => post(REVISIONS, observationBody({ value: 801 })), 400, 'invalid-body');
    expect(mismatch.names).toEqual(['value']);
    for (const notObject of [[], 'x', 1, null])
      await refused(() => post(REVISIONS, notObject === 'x' ? '"x"' : notObject), 400, 'invalid-body');
  });

  it('400 bad-request for a body that is not JSON, or a malformed Idempotency-Key', async () => {
    await refused(() => post(REVISIONS, '{"period": "2023",'), 400, 'bad-request');
    await refused(() => post(REVISIONS, ''), 400, 'bad-request');
    await refused(
      () => post(REVISIONS, observationBody(), { headers: { 'Idempotency-Key': 'a#b' } }),
      400,
      'bad-request',
    );
  });

  it('413 over 64 KiB, 415 for anything but JSON', async () => {
    const big = observationBody({ reason: 'x'.repeat(70_000) });
    await refused(() => post(REVISIONS, big), 413, 'payload-too-large');
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonp']) {
      await refused(
        () => post(REVISIONS, observationBody(), { headers: { 'Content-Type': type } }),
        415,
        'unsupported-media-type',
      );
    }
    await refused(
      () =>
        get(REVISIONS, {
          method: 'POST',
          headers: { Authorization: `Bearer ${TOKEN}` },
          body: JSON.stringify(observationBody()),
        }),
      415,
      'unsupported-media-type',
    );
  });

  it('404 for an unknown indicator or dataset, 409 for a taken id or a withdrawn indicator', async () => {
    const unknown = await refused(
      () => post('/api/v1/indicators/no-such-indicator/revisions', observationBody()),
      404,
      'not-found',
    );
    expect(unknown.names).toEqual(['indicator']);
    await refused(() => post('/api/v1/indicators/Not_An_Id/revisions', observationBody()), 404, 'not-found');
    const indicator = {
      indicator: {
        id: 'platforms-total',
        label: { zh: '平台', en: 'Platforms' },
        unit: 'count',
        unitLabel: { zh: '家', en: 'platforms' },
        kind: 'actual',
        measure: 'level',
      },
      ...observationBody({ figure: undefined, qualifier: 'exact' }),
    };
    const taken = await refused(
      () => post('/api/v1/datasets/innovation-platforms/indicators', indicator),
      409,
      'conflict',
    );
    expect(taken.names).toEqual(['indicator.id']);
    await refused(
      () =>
        post('/api/v1/datasets/no-such-dataset/indicators', {
          ...indicator,
          indicator: { ...indicator.indicator, id: 'brand-new' },
        }),
      404,
      'not-found',
    );
    expect((await post(`${INDICATOR}/withdrawal`, { reason: 'duplicate of another figure' })).status).toBe(201);
    expect((await get(INDICATOR)).status).toBe(404);
    const withdrawn = await post(REVISIONS, observationBody());
    expect(withdrawn.status).toBe(409);
    expect((await problemOf(withdrawn)).type).toBe('/problems/conflict');
  });
});

describe('Idempotency-Key', () => {
  it('gives a retry the first answer again and writes once; another body with the key is a 422', async () => {
    const headers = { 'Idempotency-Key': 'retry-7d1c' };
    const first = await post(REVISIONS, observationBody(), { headers });
    expect(first.status).toBe(201);
    const firstBody = await first.text();
    // Someone else writes in between: the retry still gets the first answer.
    expect((await post(REVISIONS, observationBody({ period: '2024', value: 900, figure: '900多家' }))).status).toBe(
      201,
    );
    const retry = await post(REVISIONS, observationBody(), { headers });
    expect(retry.status).toBe(201);
    expect(await retry.text()).toBe(firstBody);
    expect(retry.headers.get('Location')).toBe(first.headers.get('Location'));
    expect(retry.headers.get('ETag')).toBe(first.headers.get('ETag'));
    expect((await changeLog()).filter((id) => !id.startsWith('seed-'))).toHaveLength(2);

    const log = await changeLog();
    const reused = await post(REVISIONS, observationBody({ value: 1, figure: undefined, qualifier: 'exact' }), {
      headers,
    });
    expect(reused.status).toBe(422);
    expect((await problemOf(reused)).type).toBe('/problems/idempotency-key-reused');
    expect(await changeLog()).toEqual(log);
  });
});

describe('?dry-run=true', () => {
  it('validates and previews the indicator and its card in both languages, writing nothing', async () => {
    const log = await changeLog();
    const { etag } = await current();
    const res = await post(`${REVISIONS}?dry-run=true`, observationBody());
    expect(res.status).toBe(200);
    const body = await res.json<{ valid: boolean; indicator: { value: number }; card: { zh: string; en: string } }>();
    expect(body.valid).toBe(true);
    expect(body.indicator).toMatchObject({ value: 800, figure: '800多家' });
    expect(body.card.zh).toMatch(/lang="zh-CN"[\s\S]*800/);
    // The card of today's figure says 708: the preview is of the figure as it would be.
    expect(body.card.zh).not.toContain('708');
    expect(body.card.en).toMatch(/lang="en"[\s\S]*800/);
    expect(await changeLog()).toEqual(log);
    expect(await current()).toEqual({ value: 708, etag });
    // It checks what a write checks.
    expect((await post(`${REVISIONS}?dry-run=true`, observationBody({ value: 'x' }))).status).toBe(400);
    expect(
      (
        await post(`${REVISIONS}?dry-run=true`, observationBody(), {
          token: 'wrong',
          headers: { 'CF-Connecting-IP': newClient() },
        })
      ).status,
    ).toBe(401);
    expect((await post('/api/v1/indicators/nope/revisions?dry-run=true', observationBody())).status).toBe(404);
    expect((await post(`${REVISIONS}?dry-run=maybe`, observationBody())).status).toBe(400);
  });
});

describe('too many failed authentications', () => {
  it('get 429 with Retry-After, and then even the right token is refused for that client', async () => {
    const client = newClient();
    const headers = { 'CF-Connecting-IP': client };
    const statuses: number[] = [];
    for (let n = 0; n < 10; n++)
      statuses.push((await post(REVISIONS, observationBody(), { token: 'guess', headers })).status);
    expect(statuses).toEqual(Array(10).fill(401));
    const limited = await post(REVISIONS, observationBody(), { token: 'guess', headers });
    expect(limited.status).toBe(429);
    expect((await problemOf(limited)).type).toBe('/problems/too-many-requests');
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    const right = await post(REVISIONS, observationBody(), { headers });
    expect(right.status).toBe(429);
    expect((await changeLog()).filter((id) => !id.startsWith('seed-'))).toHaveLength(0);
    // Other clients are not affected.
    expect((await post(REVISIONS, observationBody(), { headers: { 'CF-Connecting-IP': newClient() } })).status).toBe(
      201,
    );
  });
});

describe('CORS', () => {
  it('lets a preflight POST with the write headers', async () => {
    const res = await get(REVISIONS, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://publisher.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type,if-match,idempotency-key',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Methods')!.split(',')).toContain('POST');
    const allowed = res.headers.get('Access-Control-Allow-Headers')!.toLowerCase().split(',');
    expect(allowed).toEqual(expect.arrayContaining(['authorization', 'content-type', 'if-match', 'idempotency-key']));
    const written = await post(REVISIONS, observationBody(), { headers: { Origin: 'https://publisher.example' } });
    expect(written.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(written.headers.get('Access-Control-Expose-Headers')).toMatch(/\bLocation\b/);
  });
});

describe('methods', () => {
  it('a write route answers only POST: GET is a 405 that says so', async () => {
    for (const path of [REVISIONS, `${INDICATOR}/withdrawal`, '/api/v1/datasets/innovation-platforms/indicators']) {
      const res = await get(path);
      expect(res.status, path).toBe(405);
      expect(res.headers.get('Allow'), path).toBe('POST, OPTIONS');
      expect((await problemOf(res)).type).toBe('/problems/method-not-allowed');
    }
  });
});
