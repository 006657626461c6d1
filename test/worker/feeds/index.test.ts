import { describe, expect, it } from 'vitest';
import { FEED_FORMATS, feedPath, indicatorFeedPath } from '../../../worker/links';
import { get, snapshot } from './helpers';

const FORMATS = Object.values(FEED_FORMATS);

/**
 * What in `text` is in the other language than `lang`: Han characters in English text (but a quoted Chinese term);
 * in Chinese text, Latin words other than the names of formats and the licence (JSON, CSV, CC BY), addresses aside.
 */
function otherLanguage(text: string, lang: 'zh' | 'en'): string[] {
  // English text may name a Chinese term in quotation marks, as the data does ("百项" (a hundred items) …).
  if (lang === 'en')
    return (
      text
        .replace(/&quot;/g, '"')
        .replace(/"[\u3400-\u9fff]+"|“[\u3400-\u9fff]+”/g, '')
        .match(/[\u3400-\u9fff]+/g) ?? []
    );
  const words = text.replace(/https?:\/\/\S+/g, ' ').match(/[A-Za-z][A-Za-z'’-]*/g) ?? [];
  return words.filter((w) => !['JSON', 'CSV', 'CC', 'BY'].includes(w));
}

describe('feed routes', () => {
  it('serve every feed of the catalog and of each dataset with its media type and charset, in both languages', async () => {
    const s = await snapshot();
    for (const format of FORMATS) {
      const paths = [`/${format.file}`, ...s.datasets.map((d) => `/datasets/${d.id}/${format.file}`)];
      for (const path of [...paths, ...paths.map((p) => `/en${p}`)]) {
        const res = await get(path);
        expect(res.status, path).toBe(200);
        expect(res.headers.get('Content-Language'), path).toBe(path.startsWith('/en/') ? 'en' : 'zh-CN');
        expect(res.headers.get('Content-Type'), path).toBe(`${format.type}; charset=utf-8`);
        expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
        expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
        expect((await res.text()).length).toBeGreaterThan(500);
      }
    }
  });

  it('use the paths feedPath() gives pages for their links: Chinese at the root, English under /en', () => {
    expect(feedPath('rss')).toBe('/feed.xml');
    expect(feedPath('rss', undefined, 'zh')).toBe('/feed.xml');
    expect(feedPath('atom', 'innovation-platforms')).toBe('/datasets/innovation-platforms/feed.atom');
    expect(feedPath('json', undefined, 'en')).toBe('/en/feed.json');
    expect(feedPath('atom', 'innovation-platforms', 'en')).toBe('/en/datasets/innovation-platforms/feed.atom');
    expect(indicatorFeedPath('rss', 'platforms-total', 'en')).toBe('/en/indicators/platforms-total/feed.xml');
    expect(indicatorFeedPath('json', 'platforms-total')).toBe('/indicators/platforms-total/feed.json');
  });

  it('answer ?lang=en on a root feed with the /en feed itself, and ?lang=zh with the root feed', async () => {
    for (const base of ['/feed', '/datasets/innovation-platforms/feed', '/indicators/platforms-total/feed']) {
      for (const ext of ['xml', 'atom', 'json']) {
        const en = await get(`/en${base}.${ext}`);
        const query = await get(`${base}.${ext}?lang=en`);
        expect(query.status).toBe(200);
        expect(await query.text(), `${base}.${ext}`).toBe(await en.text());
        expect(query.headers.get('ETag')).toBe(en.headers.get('ETag'));
        expect(query.headers.get('Content-Language')).toBe('en');
        const zh = await get(`${base}.${ext}`);
        const zhQuery = await get(`${base}.${ext}?lang=zh`);
        expect(await zhQuery.text()).toBe(await zh.text());
        expect(zhQuery.headers.get('ETag')).toBe(zh.headers.get('ETag'));
      }
    }
  });

  it('send a strong ETag, Last-Modified and public caching, and answer If-None-Match with 304', async () => {
    const s = await snapshot();
    const res = await get('/feed.atom');
    const etag = res.headers.get('ETag')!;
    expect(etag).toMatch(new RegExp(`^"${s.version}-[0-9a-f]{8}"$`));
    expect(res.headers.get('Last-Modified')).toBe(s.modified.toUTCString());
    expect(res.headers.get('Cache-Control')).toMatch(
      /^public, max-age=\d+, s-maxage=\d+, stale-while-revalidate=\d+, stale-if-error=\d+$/,
    );
    for (const ifNoneMatch of [etag, `W/${etag}`, `"x", ${etag}`, '*']) {
      const again = await get('/feed.atom', { headers: { 'If-None-Match': ifNoneMatch } });
      expect(again.status, ifNoneMatch).toBe(304);
      expect(again.headers.get('ETag')).toBe(etag);
      expect(await again.text()).toBe('');
    }
    expect((await get('/feed.atom', { headers: { 'If-None-Match': '"other"' } })).status).toBe(200);
    expect(
      (await get('/feed.atom', { headers: { 'If-Modified-Since': res.headers.get('Last-Modified')! } })).status,
    ).toBe(304);
  });

  it('speak one language: no English at the root, no Chinese under /en (titles and text of every item)', async () => {
    const s = await snapshot();
    const bases = [
      '/feed',
      ...s.datasets.map((d) => `/datasets/${d.id}/feed`),
      ...s.indicators.map((i) => `/indicators/${i.id}/feed`),
    ];
    for (const base of bases) {
      for (const lang of ['zh', 'en'] as const) {
        const path = `${lang === 'en' ? '/en' : ''}${base}`;
        const json = await (await get(`${path}.json`)).json<{
          title: string;
          description?: string;
          items: { title: string; summary: string; content_text: string; content_html: string }[];
        }>();
        expect(otherLanguage(`${json.title} ${json.description ?? ''}`, lang), path).toEqual([]);
        for (const item of json.items) {
          const html = item.content_html.replace(/<[^>]+>/g, ' ');
          for (const text of [item.title, item.summary, item.content_text, html])
            expect(otherLanguage(text, lang), `${path}: ${item.title}`).toEqual([]);
        }
        for (const ext of ['xml', 'atom']) {
          const body = await (await get(`${path}.${ext}`)).text();
          const titles = [...body.matchAll(/<title[^>]*>([^<]*)<\/title>/g)].map((m) => m[1]!);
          expect(titles.length, `${path}.${ext}`).toBeGreaterThan(1);
          for (const title of titles) expect(otherLanguage(title, lang), `${path}.${ext}: ${title}`).toEqual([]);
        }
      }
    }
    // The check can fail: the titles feeds had when they spoke both languages.
    expect(
      otherLanguage('数据集：科技创新平台 · Dataset: Science and technology innovation platforms', 'zh'),
    ).not.toEqual([]);
    expect(otherLanguage('Data release: 科技创新平台', 'en')).not.toEqual([]);
  }, 60_000);

  it('give each format, scope and language its own ETag', async () => {
    const paths = [
      '/feed.xml',
      '/feed.atom',
      '/feed.json',
      '/en/feed.atom',
      '/datasets/innovation-platforms/feed.atom',
      '/en/datasets/innovation-platforms/feed.atom',
    ];
    const tags = await Promise.all(paths.map(async (p) => (await get(p)).headers.get('ETag')));
    expect(new Set(tags).size).toBe(paths.length);
  });

  it('answer HEAD like GET without a body', async () => {
    const full = await get('/feed.xml');
    const head = await get('/feed.xml', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('ETag')).toBe(full.headers.get('ETag'));
    expect(head.headers.get('Content-Type')).toBe(full.headers.get('Content-Type'));
    expect(await head.text()).toBe('');
  });

  it('state the language of the feed in Content-Language', async () => {
    expect((await get('/feed.json')).headers.get('Content-Language')).toBe('zh-CN');
    expect((await get('/en/feed.json')).headers.get('Content-Language')).toBe('en');
    expect((await get('/feed.json?lang=zh')).headers.get('Content-Language')).toBe('zh-CN');
    expect((await get('/feed.json?lang=en')).headers.get('Content-Language')).toBe('en');
  });

  it('reject an invalid language with a 400 problem naming the parameter', async () => {
    const cases: [string, string, string][] = [
      ['/feed.xml?lang=fr', 'invalid-parameter', 'lang'],
      ['/feed.atom?lang=', 'invalid-parameter', 'lang'],
    ];
    for (const [path, type, name] of cases) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8');
      const problem = await res.json<{ type: string; detail: string }>();
      expect(problem.type, path).toBe(`/problems/${type}`);
      expect(problem.detail, path).toContain(`"${name}"`);
    }
    const bad = await (await get('/feed.xml?lang=fr')).json<{ detail: string }>();
    expect(bad.detail).toContain('zh, en');
  });

  it('answer a feed of an unknown dataset with a 404 problem listing the datasets', async () => {
    const s = await snapshot();
    for (const path of [
      '/datasets/no-such-dataset/feed.xml',
      '/datasets/Innovation-Platforms/feed.atom',
      '/datasets/%E6%A0%AA/feed.json',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8');
      const problem = await res.json<{ detail: string }>();
      for (const d of s.datasets) expect(problem.detail).toContain(d.id);
    }
  });

  it('refuse writes with 405 and Allow', async () => {
    const res = await get('/feed.xml', { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toContain('GET');
  });
});
