import { describe, expect, it } from 'vitest';
import { FRAME_CSP } from '../../../worker/embed/frame';
import { formatValue } from '../../../worker/format';
import { LANGS } from '../../../worker/schema';
import { builtManifest, data, get, hasHostileMarkup, hostileFetch, indicators, ORIGIN } from './support';

/** The start of what the title must name: the card's label (a so-far figure's card is its target's), as far as it fits. */
const model = (i: (typeof indicators)[number], lang: 'zh' | 'en') => {
  const shown =
    i.kind === 'progress' && i.relations?.towards ? indicators.find((t) => t.id === i.relations!.towards)! : i;
  return shown.label[lang].replace(/[&<>"']/g, '_').slice(0, 60);
};

describe('/embed/:id', () => {
  it('is frameable from any origin under an otherwise strict CSP', async () => {
    const res = await get('/embed/platforms-total');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('Content-Security-Policy')!;
    expect(csp).toBe(FRAME_CSP);
    const directives = Object.fromEntries(
      csp.split(/;\s*/).map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]),
    );
    expect(directives).toMatchObject({
      'default-src': "'none'",
      'style-src': "'self'",
      'script-src': "'self'",
      'img-src': "'self' data:",
      'frame-ancestors': '*',
    });
    expect(res.headers.has('X-Frame-Options')).toBe(false);
    expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('ETag')).toMatch(/^"[^"]+-[0-9a-f]{8}"$/);
  });

  it.each(indicators.flatMap((i) => LANGS.map((lang) => [i.id, lang, i] as const)))(
    '%s (%s): a titled document with the figure, no inline script or style',
    async (id, lang, i) => {
      const res = await get(`/embed/${id}?lang=${lang}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Language')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
      const html = await res.text();
      expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="(zh-CN|en)"/);
      const title = /<title>([^<]+)<\/title>/.exec(html)![1]!.replace(/&[a-z0-9#]+;/g, '_');
      expect(title.length).toBeLessThanOrEqual(70);
      expect(title).toContain(model(i, lang));
      expect(html).toContain(formatValue(i, lang));
      expect(html).toContain(`data-zz-embed="${id}"`);
      // The only script is the same-origin height reporter; styles only by <link>.
      expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual([
        '<script src="/embed/resize.js" defer>',
      ]);
      expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/);
      // Links leave the frame instead of navigating it.
      for (const a of html.matchAll(/<a [^>]*>/g)) expect(a[0]).toContain('target="_blank" rel="noopener"');
    },
  );

  it('links the card stylesheet from the widget build', async () => {
    const manifest = await builtManifest();
    const html = await (await get('/embed/platforms-total')).text();
    if (manifest) {
      expect(html).toContain(`<link rel="stylesheet" href="${manifest.css}">`);
      expect((await get(manifest.css)).status).toBe(200);
    } else {
      expect(html).not.toContain('/widgets/card.');
    }
    expect(html).toContain('<link rel="stylesheet" href="/embed/frame.css">');
  });

  it.each(['light', 'dark', 'auto'] as const)('theme=%s sets the container class and colour scheme', async (theme) => {
    const html = await (await get(`/embed/little-giants-national-rank?theme=${theme}&lang=en`)).text();
    expect(html).toContain(`<div class="zz ${theme}" lang="en">`);
    expect(html).toContain(`<meta name="color-scheme" content="${theme === 'auto' ? 'light dark' : theme}">`);
    expect(html).toContain('class="card rank"');
  });

  it('defaults to Chinese and the light theme', async () => {
    const html = await (await get('/embed/platforms-total')).text();
    expect(html).toContain('<div class="zz light" lang="zh-CN">');
  });

  it('answers a revalidation with 304', async () => {
    const first = await get('/embed/platforms-total?lang=en');
    const etag = first.headers.get('ETag')!;
    const again = await get('/embed/platforms-total?lang=en', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    const other = await get('/embed/platforms-total?lang=zh');
    expect(other.headers.get('ETag')).not.toBe(etag);
  });

  // An iframe's URL is pasted where no one can fix it: out-of-range values are the defaults, unknown names are ignored,
  // a repeated name counts once (the first).
  it.each([
    ['/embed/platforms-total?lang=fr', 'zh-CN', 'light'],
    ['/embed/platforms-total?theme=sepia', 'zh-CN', 'light'],
    ['/embed/platforms-total?lang=en&lang=zh', 'en', 'light'],
    ['/embed/platforms-total?height=3', 'zh-CN', 'light'],
    ['/embed/dataset/innovation-platforms?theme=', 'zh-CN', 'light'],
    ['/embed/platforms-total?theme=Dark&lang=en-GB', 'en', 'dark'],
  ] as const)('%s → 200, lang %s, theme %s', async (path, lang, theme) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<html lang="${lang}" data-theme="${theme}"`);
  });
});

describe('an unknown id in an iframe', () => {
  it.each([
    ['/embed/no-such-indicator', 'zh', 'indicator', 'no-such-indicator', '未找到该指标'],
    ['/embed/Platforms_Total?lang=en&theme=dark', 'en', 'indicator', 'Platforms_Total', 'No such indicator'],
    ['/embed/dataset/no-such-dataset?lang=EN-us', 'en', 'dataset', 'no-such-dataset', 'No such dataset'],
    ['/embed/dataset/no-such-dataset?lang=fr&utm_source=x', 'zh', 'dataset', 'no-such-dataset', '未找到该数据集'],
  ] as const)(
    '%s: a 404 frame the host still shows, with the not-found card (%s)',
    async (path, lang, kind, id, words) => {
      const res = await get(path);
      expect(res.status).toBe(404);
      expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      // Framed like any card: the frame policy, no X-Frame-Options DENY; cached briefly, as a 404 is.
      expect(res.headers.get('Content-Security-Policy')).toBe(FRAME_CSP);
      expect(res.headers.has('X-Frame-Options')).toBe(false);
      expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
      expect(res.headers.get('Content-Language')).toBe(lang === 'zh' ? 'zh-CN' : 'en');
      expect(res.headers.get('Cache-Control')).toBe('public, max-age=60');
      const html = await res.text();
      expect(html).toMatch(new RegExp(`^<!DOCTYPE html>\n<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"`));
      expect(html).toContain(`data-zz-embed="${id}" data-zz-kind="${kind}"`);
      expect(html).toContain('<div class="card missing" part="card" role="group" aria-labelledby="l">');
      expect(html).toContain(`<p class="label" id="l" part="label">${words}</p>`);
      expect(html).toContain(`<code>${id}</code>`);
      // Where the ids are: the catalog page, in the card's language, opened outside the frame.
      expect(html).toContain(
        `<a href="${ORIGIN}${lang === 'zh' ? '' : '/en'}/indicators" part="source" target="_blank" rel="noopener">`,
      );
      expect(html).toContain(`<title>${words} · `);
      // The card's stylesheet and the height reporter, as in every frame; nothing inline.
      expect(html).toContain('<script src="/embed/resize.js" defer></script>');
      expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/);
      expect(html).not.toContain('canonical');
      if (path.includes('theme=dark')) expect(html).toContain('<div class="zz dark" lang="en">');
    },
  );

  it('writes a hostile id as text', async () => {
    const res = await get('/embed/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).not.toContain('<img');
    expect(html).toContain('<code>&lt;img src=x onerror=alert(1)&gt;</code>');
  });
});

describe('/embed/dataset/:id', () => {
  it.each(data.datasets.flatMap((d) => LANGS.map((lang) => [d.id, lang, d] as const)))(
    '%s (%s): every figure of the dataset',
    async (id, lang, d) => {
      const res = await get(`/embed/dataset/${id}?lang=${lang}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Security-Policy')).toBe(FRAME_CSP);
      const html = await res.text();
      expect(html).toContain(`data-zz-kind="dataset"`);
      expect(html.match(/<li>/g)).toHaveLength(d.indicators.length);
      for (const i of d.indicators) expect(html).toContain(formatValue(i, lang));
    },
  );
});

describe('escaping through the route', () => {
  it.each(['/embed/platforms-total', '/embed/platforms-total?lang=en', '/embed/dataset/innovation-platforms'])(
    '%s: hostile data stays text',
    async (path) => {
      const res = await hostileFetch(path);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(hasHostileMarkup(html)).toBe(false);
      expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    },
  );
});
