import { Hono } from 'hono';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  canonicalQuery,
  isIgnorableParam,
  LangTag,
  oneOf,
  type Problem,
  parseQuery,
  problemResponse,
  queryMode,
} from '../../../worker/http';

const entries = {
  lang: v.optional(oneOf(['zh', 'en'])),
  n: v.optional(v.pipe(v.string(), v.regex(/^\d+$/, 'must be digits'))),
};
const app = new Hono();
// Under /api the mode is strict; anywhere else tolerant (see `queryMode`).
app.get('/api/q', (c) => c.json(parseQuery(c, entries)));
app.get('/api/none', (c) => c.json(parseQuery(c, {})));
app.get('/api/tag', (c) => c.json(parseQuery(c, { lang: v.optional(LangTag) })));
app.get('/q', (c) => c.json(parseQuery(c, entries)));
app.get('/strict', (c) => c.json(parseQuery(c, entries, 'strict')));
app.get('/key', (c) => {
  parseQuery(c, { lang: v.optional(v.fallback(LangTag, 'zh')), n: entries.n });
  return c.text(canonicalQuery(c.req.raw) ?? '-');
});
app.onError((err, c) => problemResponse(c, err as Problem));

type P = { type: string; detail: string; allowed?: string[]; 'invalid-params': { name: string; reason: string }[] };

describe('parseQuery, strict (the API)', () => {
  it('returns the validated parameters', async () => {
    expect(await (await app.request('/api/q?lang=en&n=12')).json()).toEqual({ lang: 'en', n: '12' });
    expect(await (await app.request('/api/q')).json()).toEqual({});
  });

  it('names an unknown parameter and lists the allowed ones', async () => {
    const body = await (await app.request('/api/q?lng=en')).json<P>();
    expect(body.type).toBe('/problems/unknown-parameter');
    expect(body.detail).toBe('Unknown query parameter "lng". Allowed here: lang, n.');
    expect(body.allowed).toEqual(['lang', 'n']);
  });

  it('says when a resource takes no parameters', async () => {
    expect((await (await app.request('/api/none?a=1')).json<P>()).detail).toContain('takes no query parameters');
  });

  it('names a bad value and what is allowed', async () => {
    const body = await (await app.request('/api/q?lang=fr')).json<P>();
    expect(body.detail).toBe('Query parameter "lang" must be one of: zh, en.');
    expect(body['invalid-params']).toEqual([{ name: 'lang', reason: 'must be one of: zh, en' }]);
    expect((await (await app.request('/api/q?n=x')).json<P>()).detail).toBe('Query parameter "n" must be digits.');
  });

  it('refuses a repeated parameter', async () => {
    const res = await app.request('/api/q?lang=en&lang=zh');
    expect(res.status).toBe(400);
    expect((await res.json<P>())['invalid-params']).toEqual([{ name: 'lang', reason: 'repeated' }]);
  });

  it('is not fooled by prototype keys', async () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const res = await app.request(`/api/q?${name}=1`);
      expect(res.status, name).toBe(400);
      expect((await res.json<P>()).type).toBe('/problems/unknown-parameter');
    }
  });
});

describe('parseQuery, strict and ignorable names', () => {
  it("ignores jQuery's `_` and analytics' `utm_*`, and nothing else", async () => {
    const res = await app.request('/api/q?lang=en&_=1700000000000&utm_source=x&utm_medium=y&utm_campaign=z');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ lang: 'en' });
    for (const name of ['v', 'fbclid', 'UTM_SOURCE', 'utm', '__', 'colour'])
      expect((await app.request(`/api/q?${name}=1`)).status, name).toBe(400);
  });

  it('names ignorable parameters by one predicate', () => {
    expect(['_', 'utm_source', 'utm_medium', 'utm_content', 'utm_'].every(isIgnorableParam)).toBe(true);
    expect(['v', '__', 'utm', 'UTM_SOURCE', 'lang', 'fbclid'].some(isIgnorableParam)).toBe(false);
  });

  it('is strict under /api and tolerant elsewhere, or as asked', async () => {
    expect(queryMode('/api/v1/datasets')).toBe('strict');
    expect(queryMode('/api')).toBe('strict');
    for (const path of ['/', '/feed.xml', '/badge/x.svg', '/embed/x', '/oembed', '/widget.js', '/apis'])
      expect(queryMode(path), path).toBe('tolerant');
    expect((await app.request('/strict?v=3')).status).toBe(400);
  });
});

describe('parseQuery, tolerant (everything a third party embeds)', () => {
  it('ignores unknown names: CMS versions, trackers, feed readers', async () => {
    const res = await app.request('/q?lang=en&v=3&fbclid=abc&utm_source=x&_=1&ref=rss&colour=red');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ lang: 'en' });
    expect(await (await app.request('/q?__proto__=1&constructor=2')).json()).toEqual({});
  });

  it('counts a repeated known name once, the first', async () => {
    expect(await (await app.request('/q?lang=en&lang=zh')).json()).toEqual({ lang: 'en' });
  });

  it('still validates the values it reads', async () => {
    const res = await app.request('/q?n=x&v=3');
    expect(res.status).toBe(400);
    expect((await res.json<P>()).detail).toBe('Query parameter "n" must be digits.');
  });
});

describe('LangTag', () => {
  it.each([
    ['zh', 'zh'],
    ['zh-CN', 'zh'],
    ['zh-cn', 'zh'],
    ['zh-Hans', 'zh'],
    ['zh-Hans-CN', 'zh'],
    ['zh-TW', 'zh'],
    ['zh_CN', 'zh'],
    ['ZH', 'zh'],
    ['en', 'en'],
    ['EN', 'en'],
    ['en-US', 'en'],
    ['en-gb', 'en'],
    ['en_US', 'en'],
  ])('lang=%s → %s', async (tag, lang) => {
    expect(await (await app.request(`/api/tag?lang=${tag}`)).json()).toEqual({ lang });
  });

  it.each(['fr', 'fr-FR', 'english', '', 'zh-', 'e', 'zh--CN', 'en US'])(
    'lang=%s is a 400 listing zh and en',
    async (tag) => {
      const res = await app.request(`/api/tag?lang=${encodeURIComponent(tag)}`);
      expect(res.status).toBe(400);
      const body = await res.json<P>();
      expect(body.detail).toMatch(/^Query parameter "lang" must be one of: zh, en \(or a language tag of either/);
      expect(body['invalid-params']).toEqual([{ name: 'lang', reason: expect.stringContaining('zh, en') }]);
    },
  );
});

describe('canonicalQuery', () => {
  it('is the accepted parameters as the route read them, sorted', async () => {
    expect(await (await app.request('/key?n=1&lang=zh-Hans&v=3&utm_source=x')).text()).toBe('lang=zh&n=1');
    expect(await (await app.request('/key?lang=fr')).text()).toBe('lang=zh');
    expect(await (await app.request('/key?fbclid=1')).text()).toBe('');
  });
});
