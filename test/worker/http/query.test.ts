import { Hono } from 'hono';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { oneOf, type Problem, parseQuery, problemResponse } from '../../../worker/http';

const app = new Hono();
app.get('/q', (c) =>
  c.json(
    parseQuery(c, {
      lang: v.optional(oneOf(['zh', 'en'])),
      n: v.optional(v.pipe(v.string(), v.regex(/^\d+$/, 'must be digits'))),
    }),
  ),
);
app.get('/none', (c) => c.json(parseQuery(c, {})));
app.onError((err, c) => problemResponse(c, err as Problem));

type P = { type: string; detail: string; allowed?: string[]; 'invalid-params': { name: string; reason: string }[] };

describe('parseQuery', () => {
  it('returns the validated parameters', async () => {
    expect(await (await app.request('/q?lang=en&n=12')).json()).toEqual({ lang: 'en', n: '12' });
    expect(await (await app.request('/q')).json()).toEqual({});
  });

  it('names an unknown parameter and lists the allowed ones', async () => {
    const body = await (await app.request('/q?lng=en')).json<P>();
    expect(body.type).toBe('/problems/unknown-parameter');
    expect(body.detail).toBe('Unknown query parameter "lng". Allowed here: lang, n.');
    expect(body.allowed).toEqual(['lang', 'n']);
  });

  it('says when a resource takes no parameters', async () => {
    expect((await (await app.request('/none?a=1')).json<P>()).detail).toContain('takes no query parameters');
  });

  it('names a bad value and what is allowed', async () => {
    const body = await (await app.request('/q?lang=fr')).json<P>();
    expect(body.detail).toBe('Query parameter "lang" must be one of: zh, en.');
    expect(body['invalid-params']).toEqual([{ name: 'lang', reason: 'must be one of: zh, en' }]);
    expect((await (await app.request('/q?n=x')).json<P>()).detail).toBe('Query parameter "n" must be digits.');
  });

  it('refuses a repeated parameter', async () => {
    const res = await app.request('/q?lang=en&lang=zh');
    expect(res.status).toBe(400);
    expect((await res.json<P>())['invalid-params']).toEqual([{ name: 'lang', reason: 'repeated' }]);
  });

  it('is not fooled by prototype keys', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const res = await app.request(`/q?${name}=1`);
      expect(res.status, name).toBe(400);
      expect((await res.json<P>()).type).toBe('/problems/unknown-parameter');
    }
  });
});
