/**
 * Tolerant where we do not control the caller (issue 8 §1), through the real Worker: what CMSes, analytics, jQuery and
 * feed readers add to our URLs never breaks a badge, a frame, a feed, the widget script, oEmbed or a page; the API
 * keeps catching typos but ignores `_` and `utm_*`; `lang` takes language tags everywhere.
 */
import { describe, expect, it } from 'vitest';
import { get } from '../support/worker';

type Problem = {
  type: string;
  detail: string;
  'invalid-params'?: { name: string; reason: string }[];
  allowed?: string[];
};

const PAGE = encodeURIComponent('http://example.com/indicators/platforms-total');

describe('decorations third parties add are ignored outside the API', () => {
  it.each([
    ['a badge with a CMS version', '/badge/platforms-total.svg?v=2', 'image/svg+xml'],
    ['an iframe card with a campaign', '/embed/platforms-total?utm_source=x', 'text/html'],
    ['a dataset card with a click id', '/embed/dataset/innovation-platforms?fbclid=IwAR0abc', 'text/html'],
    ['a feed with a campaign', '/feed.xml?utm_source=x', 'application/rss+xml'],
    ['a dataset feed from a reader', '/datasets/innovation-platforms/feed.atom?ref=feedly&_=1', 'application/atom+xml'],
    ['the widget script with a CMS version', '/widget.js?v=3', 'text/javascript'],
    ['oEmbed with a consumer’s extras', `/oembed?url=${PAGE}&format=json&callback=cb&v=1&lang=en`, 'application/json'],
    ['a page with a Facebook click id', '/indicators/platforms-total?fbclid=IwAR0abc', 'text/html'],
    ['the English landing page with a campaign', '/en/?utm_campaign=spring&utm_medium=email', 'text/html'],
    ['the demo with a jQuery cache buster', '/demo?_=1700000000000', 'text/html'],
  ])('%s: %s → 200', async (_, path, type) => {
    const res = await get(path, { headers: { Accept: 'text/html,*/*;q=0.8' } });
    expect(res.status, path).toBe(200);
    expect(res.headers.get('Content-Type'), path).toContain(type);
    await res.body?.cancel();
  });

  it('answers a decorated badge, frame and feed with the same bytes as the plain URL', async () => {
    for (const [plain, decorated] of [
      ['/badge/platforms-total.svg', '/badge/platforms-total.svg?v=2&utm_source=x'],
      ['/embed/platforms-total?lang=en', '/embed/platforms-total?utm_source=x&lang=en&height=300'],
      ['/feed.json', '/feed.json?utm_source=x&fbclid=1'],
    ] as const) {
      const a = await get(plain);
      const b = await get(decorated);
      expect(b.headers.get('ETag'), decorated).toBe(a.headers.get('ETag'));
      expect(await b.text(), decorated).toBe(await a.text());
    }
  });
});

describe('the API keeps catching typos, but not cache busters and campaigns', () => {
  it('ignores `_` and `utm_*`', async () => {
    for (const path of [
      '/api/v1/datasets?_=123&utm_medium=x',
      '/api/v1/indicators?kind=target&_=1700000000000&utm_source=newsletter&utm_campaign=x',
      '/api/v1/indicators/platforms-total?lang=en&_=1',
      '/api/v1/indicators.csv?utm_content=x',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      await res.body?.cancel();
    }
  });

  it('gives the same representation with and without them', async () => {
    const plain = await get('/api/v1/indicators/platforms-total?lang=en');
    const busted = await get('/api/v1/indicators/platforms-total?_=123&lang=en&utm_medium=x');
    expect(busted.headers.get('ETag')).toBe(plain.headers.get('ETag'));
    expect(await busted.text()).toBe(await plain.text());
  });

  it.each([
    ['/api/v1/datasets?colour=red', 'colour'],
    ['/api/v1/indicators?lnag=en', 'lnag'],
    ['/api/v1/indicators?v=3', 'v'],
    ['/api/v1/indicators?fbclid=x', 'fbclid'],
    ['/api/v1/indicators?UTM_SOURCE=x', 'UTM_SOURCE'],
  ])('%s → 400 unknown-parameter naming %s', async (path, name) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    const body = await res.json<Problem>();
    expect(body.type).toBe('/problems/unknown-parameter');
    expect(body['invalid-params']).toEqual([{ name, reason: 'unknown parameter' }]);
  });
});

describe('lang takes BCP 47 tags in any case, everywhere', () => {
  const ZH = ['zh', 'zh-CN', 'zh-cn', 'zh-Hans', 'zh-Hans-CN', 'zh-TW', 'zh_CN', 'ZH'];
  const EN = ['en', 'EN', 'en-US', 'en-us', 'en-GB', 'en_US'];
  const cases = [...ZH.map((tag) => [tag, 'zh'] as const), ...EN.map((tag) => [tag, 'en'] as const)];

  it.each(cases)('the API: lang=%s is %s', async (tag, lang) => {
    const res = await get(`/api/v1/indicators/platforms-total?lang=${tag}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Language')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
    const body = await res.json<{ label: unknown }>();
    expect(typeof body.label).toBe('string');
  });

  it.each(cases)('feeds: lang=%s is %s', async (tag, lang) => {
    const res = await get(`/feed.json?lang=${tag}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Language')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
    await res.body?.cancel();
  });

  it.each(cases)('iframe cards: lang=%s is %s', async (tag, lang) => {
    const res = await get(`/embed/platforms-total?lang=${tag}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Language')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
    expect(await res.text()).toContain(`<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"`);
  });

  it.each(cases)('badges: lang=%s is %s', async (tag, lang) => {
    const res = await get(`/badge/platforms-total.svg?lang=${tag}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`xml:lang="${lang}"`);
  });

  it('gives a tag and its language the same representation', async () => {
    const a = await get('/api/v1/indicators?lang=en');
    const b = await get('/api/v1/indicators?lang=en-US');
    expect(b.headers.get('ETag')).toBe(a.headers.get('ETag'));
  });
});

describe('out-of-range presentation values', () => {
  it.each([
    '/badge/platforms-total.svg?lang=fr',
    '/badge/platforms-total.svg?lang=',
    '/badge/platforms-total.svg?lang=%E4%B8%AD%E6%96%87',
  ])('a badge: %s is the default language (Chinese)', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(await (await get('/badge/platforms-total.svg')).text());
  });

  it.each([
    '/embed/platforms-total?lang=fr',
    '/embed/platforms-total?theme=blue',
    '/embed/platforms-total?lang=fr&theme=blue',
  ])('an iframe card: %s is the default (Chinese, light)', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(await (await get('/embed/platforms-total')).text());
  });

  it('oEmbed: an iframe card URL with a language tag is read as the card reads it', async () => {
    const card = encodeURIComponent('http://example.com/embed/platforms-total?lang=EN-us');
    const res = await get(`/oembed?url=${card}`);
    expect(res.status).toBe(200);
    expect((await res.json<{ title: string }>()).title).toMatch(/^[\x20-\x7e]+$/);
  });

  it('oEmbed: theme=blue is the default theme', async () => {
    const res = await get(`/oembed?url=${PAGE}&theme=blue`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(await (await get(`/oembed?url=${PAGE}`)).text());
  });

  it.each([
    '/api/v1/indicators?lang=fr',
    '/api/v1/indicators/platforms-total?lang=fr-FR',
    '/api/v1/datasets?lang=english',
  ])('the API: %s is a 400 that lists zh and en', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    const body = await res.json<Problem>();
    expect(body.type).toBe('/problems/invalid-parameter');
    expect(body.detail).toContain('"lang" must be one of: zh, en');
    expect(body['invalid-params']?.[0]?.name).toBe('lang');
  });

  it('a feed: lang=fr is a 400 that lists zh and en (a subscriber would otherwise never learn)', async () => {
    const res = await get('/feed.xml?lang=fr');
    expect(res.status).toBe(400);
    expect((await res.json<Problem>()).detail).toContain('zh, en');
  });
});
