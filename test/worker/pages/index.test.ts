/**
 * What every page shares, checked on every route of `worker/pages/index.ts`
 * in both languages: status, media type, CSP, language, alternates, skip link
 * and landmarks, heading order, no external resources, caching.
 */
import { describe, expect, it } from 'vitest';
import { PROBLEM_TITLES } from '../../../worker/http';
import { servedSnapshot } from '../support/worker';
import { EXPECTED_CSP, expectHeadingOrder, expectNoExternalResources } from './support/checks';
import { one, select } from './support/dom';
import { get, ORIGIN, page } from './support/fetch';

const snapshot = await servedSnapshot();
const dataset = snapshot.datasets[0]!;
const indicator = snapshot.indicators.find((i) => i.relations?.partOf)!;
const problem = Object.keys(PROBLEM_TITLES)[0]!;

/** Language-neutral paths of one page of each kind. */
const PATHS = [
  '/',
  `/datasets/${dataset.id}`,
  `/indicators/${indicator.id}`,
  '/indicators',
  '/problems',
  `/problems/${problem}`,
];
/** Pages with the embed builder, whose preview frames our own iframe card. */
const FRAMING = /^\/(datasets|indicators)\/./;
const LANGS = [
  { lang: 'zh', tag: 'zh-CN', other: 'en', prefix: '' },
  { lang: 'en', tag: 'en', other: 'zh-CN', prefix: '/en' },
] as const;

describe.each(LANGS)('pages in $lang', ({ tag, other, prefix }) => {
  describe.each(PATHS)('%s', (path) => {
    const url = prefix + path;

    it('is HTML with the strict CSP, its language and cache validators', async () => {
      const { res } = await page(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('Content-Security-Policy')).toBe(
        FRAMING.test(path) ? `${EXPECTED_CSP}; frame-src 'self'` : EXPECTED_CSP,
      );
      expect(res.headers.get('Content-Language')).toBe(tag);
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      // frame-ancestors in the CSP replaces X-Frame-Options: DENY.
      expect(res.headers.get('X-Frame-Options')).toBeNull();
      expect(res.headers.get('ETag')).toMatch(new RegExp(`^"${snapshot.version}-[0-9a-f]{8}"$`));
      expect(res.headers.get('Cache-Control')).toContain('public');
      // Pages do not negotiate a 200: no Vary on Accept.
      expect(res.headers.get('Vary') ?? '').not.toMatch(/\bAccept\b(?!-)/);
    });

    it('declares its language and links its other-language version', async () => {
      const { html } = await page(url);
      expect((await one(html, 'html')).attrs.lang).toBe(tag);
      const alternates = Object.fromEntries(
        (await select(html, 'link[rel="alternate"][hreflang]')).map((l) => [l.attrs.hreflang, l.attrs.href]),
      );
      expect(alternates).toEqual({
        'zh-CN': `${ORIGIN}${path}`,
        en: `${ORIGIN}/en${path}`,
        'x-default': `${ORIGIN}${path}`,
      });
      expect((await one(html, 'link[rel="canonical"]')).attrs.href).toBe(`${ORIGIN}${url}`);
      const switcher = await one(html, 'a.lang-switch');
      expect(switcher.attrs.lang).toBe(other);
      expect(switcher.attrs.hreflang).toBe(other);
      expect(switcher.attrs.href).toBe(other === 'en' ? `/en${path}` : path);
      // Text in the other language is marked as such (the bilingual site name).
      expect((await select(html, `[lang="${other}"]`)).length).toBeGreaterThanOrEqual(2);
    });

    it('advertises the site feeds in the page language', async () => {
      const { html } = await page(url);
      const feeds = (await select(html, 'link[rel="alternate"][type]')).map((l) => `${l.attrs.type} ${l.attrs.href}`);
      // Chinese feeds at the root, English ones under /en, as pages.
      expect(feeds).toEqual(
        expect.arrayContaining([
          `application/rss+xml ${prefix}/feed.xml`,
          `application/atom+xml ${prefix}/feed.atom`,
          `application/feed+json ${prefix}/feed.json`,
        ]),
      );
      for (const feed of feeds.filter((f) => !f.includes('oembed')))
        expect(feed.split(' ')[1]!.startsWith('/en/'), feed).toBe(tag === 'en');
    });

    it('has a skip link to main, landmarks and headings in order', async () => {
      const { html } = await page(url);
      const links = await select(html, 'a');
      expect(links[0]!.attrs).toMatchObject({ class: 'skip', href: '#main' });
      expect((await one(html, 'main')).attrs.id).toBe('main');
      await one(html, 'header');
      await one(html, 'footer');
      expect((await select(html, 'nav')).every((n) => n.attrs['aria-label'])).toBe(true);
      await expectHeadingOrder(html);
      const captions = await select(html, 'table > caption');
      expect(captions).toHaveLength((await select(html, 'table')).length);
      for (const th of await select(html, 'th')) expect(th.attrs.scope).toMatch(/^(col|row)$/);
    });

    it('loads nothing from other origins, and the one stylesheet it links is served', async () => {
      const { html } = await page(url);
      await expectNoExternalResources(html, ORIGIN);
      const sheets = await select(html, 'link[rel="stylesheet"]');
      expect(sheets).toHaveLength(1);
      const css = await get(sheets[0]!.attrs.href!);
      expect(css.status).toBe(200);
      expect(css.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
    });

    it('answers HEAD without a body and If-None-Match with 304', async () => {
      const full = await get(url);
      const etag = full.headers.get('ETag')!;
      const head = await get(url, {}, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.headers.get('ETag')).toBe(etag);
      expect(await head.text()).toBe('');
      const cached = await get(url, { 'If-None-Match': `W/"other", ${etag}` });
      expect(cached.status).toBe(304);
      expect(await cached.text()).toBe('');
      expect(cached.headers.get('ETag')).toBe(etag);
    });
  });
});

describe('routing', () => {
  it('renders each page once: the second request gets the identical body and tag', async () => {
    const a = await get('/en/');
    const b = await get('/en/');
    expect(b.headers.get('ETag')).toBe(a.headers.get('ETag'));
    expect(await b.text()).toBe(await a.text());
  });

  it('gives each page and language its own ETag', async () => {
    const tags = new Set<string>();
    for (const { prefix } of LANGS) for (const path of PATHS) tags.add((await get(prefix + path)).headers.get('ETag')!);
    expect(tags.size).toBe(PATHS.length * LANGS.length);
  });

  it('ignores query strings on pages, so tracking parameters on a shared link do not break it', async () => {
    const { res, html } = await page('/?utm_source=gov.cn');
    expect(res.status).toBe(200);
    expect((await one(html, 'link[rel="canonical"]')).attrs.href).toBe(`${ORIGIN}/`);
  });

  it('redirects /en to /en/', async () => {
    const res = await get('/en');
    expect(res.status).toBe(308);
    expect(new URL(res.headers.get('Location')!, ORIGIN).pathname).toBe('/en/');
  });

  it('rejects writes with 405 problem+json', async () => {
    const res = await get('/', {}, 'POST');
    expect(res.status).toBe(405);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8');
  });
});
