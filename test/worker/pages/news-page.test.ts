/**
 * The news pages (`/news/:id`, `/en/news/:id`): one per dated event, which feed items and the landing page link to.
 */
import { describe, expect, it } from 'vitest';
import { bundledSource } from '../../../worker/data-source';
import { formatPeriod, formatValue } from '../../../worker/format';
import type { Lang } from '../../../worker/schema';
import { EXPECTED_CSP, expectHeadingOrder, expectNoExternalResources } from './support/checks';
import { decodeEntities, one, select, squashSpace } from './support/dom';
import { BROWSER_ACCEPT, get, ORIGIN, page } from './support/fetch';

const snapshot = await bundledSource.current();
const prefixes: Record<Lang, string> = { zh: '', en: '/en' };
const TAGS: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

/** The structured data of a page. */
async function jsonLd(html: string): Promise<Record<string, unknown>> {
  const script = await one(html, 'script[type="application/ld+json"]');
  return JSON.parse(decodeEntities(script.text)) as Record<string, unknown>;
}

describe.each(['zh', 'en'] as Lang[])('news pages (%s)', (lang) => {
  describe.each(snapshot.news.map((n) => [n.id, n] as const))('%s', (_, news) => {
    const path = `${prefixes[lang]}/news/${news.id}`;

    it('answers 200 with the page CSP, the language and its one canonical URL', async () => {
      const { res, html } = await page(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('Content-Security-Policy')).toBe(EXPECTED_CSP);
      expect(res.headers.get('Content-Language')).toBe(TAGS[lang]);
      expect(res.headers.get('ETag')).toMatch(/^"/);
      expect((await one(html, 'html')).attrs.lang).toBe(TAGS[lang]);
      expect((await one(html, 'link[rel="canonical"]')).attrs.href).toBe(`${ORIGIN}${path}`);
      const alternates = await select(html, 'link[rel="alternate"][hreflang]');
      expect(alternates.map((l) => [l.attrs.hreflang, l.attrs.href])).toEqual([
        ['zh-CN', `${ORIGIN}/news/${news.id}`],
        ['en', `${ORIGIN}/en/news/${news.id}`],
        ['x-default', `${ORIGIN}/news/${news.id}`],
      ]);
      await expectNoExternalResources(html, ORIGIN);
    });

    it('has the landmarks and headings of every page', async () => {
      const { html } = await page(path);
      for (const landmark of ['header', 'header nav', 'main#main', 'footer']) await one(html, landmark);
      expect((await one(html, 'a.skip')).attrs.href).toBe('#main');
      await expectHeadingOrder(html);
      const crumbs = await select(html, 'nav.crumbs li');
      expect(crumbs).toHaveLength(3);
      expect((await one(html, 'nav.crumbs [aria-current="page"]')).text).toBe(news.title[lang]);
    });

    it('says when, where and what, in the page language only', async () => {
      const { html } = await page(path);
      expect((await one(html, 'h1')).text).toBe(news.title[lang]);
      const facts = squashSpace((await one(html, 'main dl.facts')).text);
      expect(facts).toContain(formatPeriod(news.date, lang));
      if (news.place) expect(facts).toContain(news.place[lang]);
      // Our own text, without the report's verbatim (Chinese) sentence.
      const main = squashSpace((await one(html, 'main')).text).replace(news.source.quote, '');
      expect(main).toContain(news.summary[lang]);
      const other: Lang = lang === 'zh' ? 'en' : 'zh';
      expect(main).not.toContain(news.title[other]);
      expect(main).not.toContain(news.summary[other]);
    });

    it('lists the figures it reports, with their values, and their datasets', async () => {
      const { html } = await page(path);
      const indicators = (news.indicators ?? []).map((id) => snapshot.indicator(id)!);
      const links = (await select(html, 'section[aria-labelledby="figures"] li a')).map((a) => a.attrs.href);
      expect(links).toEqual(indicators.map((i) => `${prefixes[lang]}/indicators/${i.id}`));
      if (!indicators.length) return;
      const figures = squashSpace((await one(html, 'section[aria-labelledby="figures"]')).text);
      for (const i of indicators) {
        expect(figures).toContain(i.label[lang]);
        expect(figures).toContain(formatValue(i, lang));
      }
      const datasets = [...new Set(indicators.map((i) => i.dataset))];
      expect((await select(html, 'section[aria-labelledby="datasets"] a')).map((a) => a.attrs.href)).toEqual(
        snapshot.datasets.filter((d) => datasets.includes(d.id)).map((d) => `${prefixes[lang]}/datasets/${d.id}`),
      );
    });

    it('quotes the report verbatim, in Chinese, with its source', async () => {
      const { html } = await page(path);
      const quote = await one(html, 'section[aria-labelledby="source"] blockquote');
      expect(quote.attrs.lang).toBe('zh-CN');
      expect(quote.text).toBe(news.source.quote);
      const caption = squashSpace((await one(html, 'section[aria-labelledby="source"] figcaption')).text);
      expect(caption).toContain(news.source.publisher[lang]);
      expect(caption).toContain(news.source.title[lang]);
    });

    it('carries schema.org Event data: name, dates, place, page', async () => {
      const { html } = await page(path);
      const data = await jsonLd(html);
      const [start, end = start] = news.date.split('/');
      expect(data).toMatchObject({
        '@context': 'https://schema.org',
        '@type': 'Event',
        '@id': `${ORIGIN}/news/${news.id}`,
        name: news.title[lang],
        description: news.summary[lang],
        url: `${ORIGIN}${path}`,
        startDate: start,
        endDate: end,
      });
      if (news.place) expect(data.location).toEqual({ '@type': 'Place', name: news.place[lang] });
      expect((data.subjectOf as { citation: string }).citation).toBe(news.source.quote);
    });

    it('advertises the feeds in the page language', async () => {
      const { html } = await page(path);
      const feeds = await select(html, 'link[rel="alternate"][type^="application/"]');
      expect(feeds.length).toBeGreaterThanOrEqual(3);
      for (const feed of feeds) {
        if (lang === 'en') expect(feed.attrs.href, feed.attrs.href).toMatch(/^\/en\//);
        else expect(feed.attrs.href, feed.attrs.href).not.toMatch(/^\/en\//);
      }
      expect(feeds.map((f) => f.attrs.href)).toContain(`${prefixes[lang]}/feed.xml`);
    });
  });

  it('is linked from the landing page, whose list keeps the event anchors', async () => {
    const { html } = await page(`${prefixes[lang]}/`);
    for (const news of snapshot.news) {
      const item = await one(html, `li#news-${news.id}`);
      expect(item.text).toContain(news.title[lang]);
      expect((await one(html, `li#news-${news.id} h3 a`)).attrs.href).toBe(`${prefixes[lang]}/news/${news.id}`);
    }
  });

  it('an unknown id is the not-found page for a browser and a 404 problem for anything else', async () => {
    for (const id of ['no-such-event', 'Job-Fair-Guizhou']) {
      const res = await get(`${prefixes[lang]}/news/${id}`, { Accept: BROWSER_ACCEPT });
      expect(res.status).toBe(404);
      expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('Content-Security-Policy')).toBe(EXPECTED_CSP);
      const html = await res.text();
      expect((await one(html, 'html')).attrs.lang).toBe(TAGS[lang]);
      expect((await one(html, 'meta[name="robots"]')).attrs.content).toBe('noindex');
      const problem = await get(`${prefixes[lang]}/news/${id}`, { Accept: 'application/json' });
      expect(problem.status).toBe(404);
      expect(problem.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8');
      const body = await problem.json<{ type: string; detail: string }>();
      expect(body.type).toBe('/problems/not-found');
      expect(body.detail).toContain('/api/v1/news');
    }
  });
});
