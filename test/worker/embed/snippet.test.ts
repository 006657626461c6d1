import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createSnapshot } from '../../../worker/data-source/snapshot';
import type { AppEnv } from '../../../worker/env';
import { formatValue, formatWhen } from '../../../worker/format';
import { type EmbedCode, embedCode, embedSnippet } from '../../../worker/markup';
import { LANGS } from '../../../worker/schema';
import { builtManifest, data, env, HOSTILE, hasHostileMarkup, hostileData, ORIGIN, snapshot } from './support';

const snap = await snapshot;
const manifest = {
  script: '/widgets/widget.0123456789ab.js',
  integrity: `sha384-${'A'.repeat(64)}`,
  css: '/widgets/card.0123456789ab.css',
  bytes: { raw: 1, gzip: 1, brotli: 1 },
};
const attrs = (tag: string) =>
  Object.fromEntries([...tag.matchAll(/\s([a-z-]+)(?:="([^"]*)")?/g)].map((m) => [m[1]!, m[2] ?? true]));

describe('embedSnippet', () => {
  const platforms = snap.indicator('platforms-total')!;

  it('loads the hashed script with the manifest integrity, cross-origin, async', () => {
    const code = embedSnippet({ origin: ORIGIN, target: platforms, lang: 'zh', manifest, data: snap });
    expect(code.script).toBe(
      `<script src="${ORIGIN}${manifest.script}" integrity="${manifest.integrity}" crossorigin="anonymous" async></script>`,
    );
    expect(code.html.startsWith(`${code.script}\n<zz-indicator`)).toBe(true);
  });

  it('falls back to the stable /widget.js without integrity when the bundle is not built', () => {
    const code = embedSnippet({ origin: ORIGIN, target: platforms, lang: 'zh', data: snap });
    expect(code.script).toBe(`<script src="${ORIGIN}/widget.js" crossorigin="anonymous" async></script>`);
    expect(code.html).not.toContain('integrity');
  });

  it.each(snap.indicators.flatMap((i) => LANGS.map((lang) => [i.id, lang, i] as const)))(
    '%s (%s): element, div and iframe',
    (id, lang, i) => {
      const code = embedSnippet({ origin: ORIGIN, target: i, lang, manifest, data: snap });
      const page = `${ORIGIN}${lang === 'en' ? '/en' : ''}/indicators/`;
      // The custom element, with the server's text inside it.
      const open = /^<zz-indicator[^>]*>/.exec(code.element)![0];
      expect(attrs(open)).toMatchObject({ indicator: id, lang });
      expect(code.element).toContain(formatValue(i, lang));
      expect(code.element.endsWith('</zz-indicator>')).toBe(true);
      expect(code.element).toMatch(new RegExp(`<a href="${page}[a-z0-9-]+">`));
      // The div placeholder holds the same fallback.
      const div = /^<div[^>]*>/.exec(code.div)![0];
      expect(attrs(div)).toMatchObject({ 'data-zz-indicator': id, lang });
      expect(code.div.slice(div.length)).toBe(code.element.slice(open.length).replace(/<\/zz-indicator>$/, '</div>'));
      // A target card names its so-far figure for the widget to fetch.
      const towards = snap.indicators.find((x) => x.relations?.towards === id);
      expect(attrs(open).progress).toBe(i.kind === 'target' && towards ? towards.id : undefined);
      // The iframe: our /embed page, titled, sized, lazy.
      const frame = attrs(code.iframe);
      expect(frame.src).toBe(`${ORIGIN}/embed/${id}?lang=${lang}`);
      expect(frame.title).toContain(snap.meta.title[lang]);
      expect(Number(frame.width)).toBe(code.width);
      expect(Number(frame.height)).toBe(code.height);
      expect(code.height).toBeGreaterThanOrEqual(160);
      expect(frame.loading).toBe('lazy');
      // Badge and oEmbed discovery.
      expect(attrs(code.badge).src).toBe(`${ORIGIN}/badge/${id}.svg${lang === 'en' ? '?lang=en' : ''}`);
      expect(attrs(code.badge).alt).toContain(formatValue(i, lang));
      expect(code.markdown).toMatch(
        new RegExp(`^\\[!\\[.+\\]\\(${ORIGIN}/badge/${id}\\.svg.*\\)\\]\\(${page}${id}\\)$`),
      );
      expect(code.oembed).toBe(`${ORIGIN}/oembed?url=${encodeURIComponent(page + id)}&format=json`);
      expect(attrs(code.oembedLink)).toMatchObject({
        rel: 'alternate',
        type: 'application/json+oembed',
        href: code.oembed.replace(/&/g, '&amp;'),
      });
    },
  );

  it('writes the date in the fallback, and a theme only when one is asked for', () => {
    const plain = embedSnippet({ origin: ORIGIN, target: platforms, lang: 'en', data: snap });
    expect(plain.element).toContain(formatWhen(platforms, 'en'));
    expect(plain.element).not.toContain('theme=');
    const dark = embedSnippet({ origin: ORIGIN, target: platforms, lang: 'en', theme: 'dark', data: snap });
    expect(dark.element).toMatch(/^<zz-indicator [^>]*theme="dark"/);
    expect(dark.div).toMatch(/^<div [^>]*data-zz-theme="dark"/);
    expect(attrs(dark.iframe).src).toBe(`${ORIGIN}/embed/platforms-total?lang=en&amp;theme=dark`);
  });

  it.each(data.datasets.map((d) => [d.id, d] as const))(
    'dataset %s: dataset attribute, one <li> per figure, no badge',
    (id, d) => {
      const code = embedSnippet({ origin: ORIGIN, target: snap.dataset(id)!, lang: 'zh', data: snap });
      expect(code.element).toMatch(new RegExp(`^<zz-indicator dataset="${id}" lang="zh">`));
      expect(code.div).toMatch(new RegExp(`^<div data-zz-dataset="${id}" lang="zh">`));
      expect(code.element.match(/<li>/g)).toHaveLength(d.indicators.length);
      expect(attrs(code.iframe).src).toBe(`${ORIGIN}/embed/dataset/${id}?lang=zh`);
      expect(code.badge).toBe('');
      expect(code.oembed).toContain(encodeURIComponent(`${ORIGIN}/datasets/${id}`));
    },
  );

  it('escapes hostile text in every form', async () => {
    const hostile = await createSnapshot(hostileData());
    const targets = [
      hostile.indicator('platforms-total')!,
      hostile.datasets.find((d) => d.indicators.some((i) => i.id === 'platforms-total'))!,
    ];
    for (const target of targets) {
      for (const lang of LANGS) {
        const code: EmbedCode = embedSnippet({ origin: ORIGIN, target, lang, manifest, data: hostile });
        for (const [name, value] of Object.entries(code)) {
          if (typeof value === 'string' && name !== 'markdown') expect(hasHostileMarkup(value), name).toBe(false);
        }
        // Markdown: every < of the label is backslash-escaped, so no inline HTML.
        if (code.markdown) expect(code.markdown).not.toMatch(/(^|[^\\])</);
        expect(code.element).toContain('&lt;img src=x');
      }
    }
    expect(HOSTILE).toContain('<img');
  });
});

describe('embedCode', () => {
  // A route as the pages engineer writes one: the current snapshot and bindings, the real manifest.
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set('snapshot', snap);
    await next();
  });
  app.get('/code/:id', async (c) => c.json(await embedCode(c, snap.indicator(c.req.param('id'))!, 'en')));

  it('uses the public origin and the built manifest', async () => {
    const built = await builtManifest();
    const res = await app.request('https://data.example.org/code/little-giants', {}, env);
    const code = await res.json<EmbedCode>();
    expect(code.script).toBe(
      built
        ? `<script src="https://data.example.org${built.script}" integrity="${built.integrity}" crossorigin="anonymous" async></script>`
        : '<script src="https://data.example.org/widget.js" crossorigin="anonymous" async></script>',
    );
    expect(code.element).toContain('href="https://data.example.org/en/indicators/little-giants"');
  });

  it('prefers PUBLIC_ORIGIN over the request origin', async () => {
    const res = await app.request(
      'http://127.0.0.1/code/little-giants',
      {},
      { ...env, PUBLIC_ORIGIN: 'https://open.example.gov/' },
    );
    const code = await res.json<EmbedCode>();
    expect(code.iframe).toContain('src="https://open.example.gov/embed/little-giants?lang=en"');
  });
});
