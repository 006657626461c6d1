/**
 * The embed builder on every indicator and dataset page, in both languages: the page CSP plus `frame-src 'self'` for
 * the preview; the preview is the same-origin iframe card; the choices (language, theme) start hidden; every form's
 * code is the embed kit's, with a copy button; the code of every other choice waits in `<template>`s for the script;
 * the advice on which form to choose; the demo linked.
 */
import { describe, expect, it } from 'vitest';
import { THEMES } from '../../../worker/card';
import { HEIGHT_MESSAGE } from '../../../worker/embed/resize';
import { WEBMASTER_WORDS } from '../../../worker/language';
import { embedSnippet } from '../../../worker/markup';
import { PAGE_SCRIPT } from '../../../worker/pages/assets';
import { BUILDER_CSP, borderless, embedBuilder } from '../../../worker/pages/embed-builder';
import { type Dataset, type Indicator, LANGS, type Lang } from '../../../worker/schema';
import { servedSnapshot } from '../support/worker';
import { EXPECTED_CSP } from './support/checks';
import { one, select } from './support/dom';
import { get, ORIGIN, page } from './support/fetch';
import { HOSTILE, hostileSnapshot } from './support/hostile';

const snapshot = await servedSnapshot();
const prefixes: Record<Lang, string> = { zh: '', en: '/en' };

/** Pages with the builder: a few indicators of each card type and every dataset. */
const targets: [string, Indicator | Dataset][] = [
  ...['platforms-total', 'rd-spending-growth-target', 'little-giants-national-rank', 'tech-contract-turnover-2023']
    .map((id) => snapshot.indicator(id))
    .filter((i) => i !== undefined)
    .map((i) => [`indicators/${i.id}`, i] as [string, Indicator]),
  ...snapshot.datasets.map((d) => [`datasets/${d.id}`, d] as [string, Dataset]),
];
const isDataset = (t: Indicator | Dataset): t is Dataset => 'indicators' in t;

/** The text of the code elements of the builder, by id. */
async function codes(html: string): Promise<Record<string, string>> {
  const all = await select(html, 'section.builder pre > code');
  return Object.fromEntries(all.map((c) => [c.attrs.id!, c.text]));
}

describe.each(LANGS)('embed builder (%s)', (lang) => {
  const b = WEBMASTER_WORDS[lang].builder;

  describe.each(targets)('/%s', (rest, target) => {
    const path = `${prefixes[lang]}/${rest}`;
    const kind = isDataset(target) ? 'dataset' : 'indicator';
    const frame = (l: Lang, theme?: string) =>
      `/embed/${kind === 'dataset' ? 'dataset/' : ''}${target.id}?lang=${l}${theme ? `&theme=${theme}` : ''}`;

    it('is served with the page CSP plus frame-src self, for the preview', async () => {
      const { res } = await page(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Security-Policy')).toBe(`${EXPECTED_CSP}; frame-src 'self'`);
      expect(BUILDER_CSP).toBe(`${EXPECTED_CSP}; frame-src 'self'`);
    });

    it('previews the iframe card of the page language and the default theme, same-origin', async () => {
      const { html } = await page(path);
      const preview = await one(html, 'iframe[data-builder-preview]');
      expect(preview.attrs.src).toBe(frame(lang));
      expect(preview.attrs.title).toContain(isDataset(target) ? target.title[lang] : target.label[lang]);
      expect(Number(preview.attrs.height)).toBeGreaterThanOrEqual(150);
      expect(Number(preview.attrs.width)).toBe(400);
      const res = await get(preview.attrs.src!);
      expect(res.status).toBe(200);
      // The card may be framed by our page.
      expect(res.headers.get('Content-Security-Policy') ?? '').not.toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get('X-Frame-Options')).toBeNull();
    });

    it('offers language and theme as radio groups, hidden until the script runs', async () => {
      const { html } = await page(path);
      expect((await one(html, '[data-builder-controls]')).attrs).toHaveProperty('hidden');
      const legends = (await select(html, 'section.builder legend')).map((l) => l.text);
      expect(legends).toEqual([b.language, b.theme]);
      const radios = await select(html, 'section.builder input[type="radio"]');
      expect(radios.filter((r) => r.attrs.name === 'builder-lang').map((r) => r.attrs.value)).toEqual(['zh', 'en']);
      expect(radios.filter((r) => r.attrs.name === 'builder-theme').map((r) => r.attrs.value)).toEqual([...THEMES]);
      expect(radios.filter((r) => 'checked' in r.attrs).map((r) => r.attrs.value)).toEqual([lang, 'light']);
      const status = await one(html, '[data-builder-controls] .builder-status');
      expect(status.attrs).toMatchObject({ role: 'status', 'data-updated': b.updated });
      expect(status.text).toBe('');
      const labels = (await select(html, 'section.builder fieldset label')).map((l) => l.text.trim());
      expect(labels).toEqual(['中文', 'English', b.themes.light, b.themes.dark, b.themes.auto]);
    });

    it('shows the code of every form, the embed kit’s, each with a copy button and a status', async () => {
      const { html } = await page(path);
      const code = embedSnippet({ origin: ORIGIN, target, lang, data: snapshot, manifest: undefined });
      const shown = await codes(html);
      const forms = isDataset(target)
        ? ['embed-code', 'embed-code-iframe', 'embed-code-oembed']
        : ['embed-code', 'embed-code-iframe', 'embed-code-badge', 'embed-code-markdown', 'embed-code-oembed'];
      expect(Object.keys(shown)).toEqual(forms);
      // Script + element: the kit's (its script tag depends on the build; the element does not).
      expect(shown['embed-code']).toContain(code.element);
      expect((await one(shown['embed-code']!, 'script')).attrs.src).toMatch(new RegExp(`^${ORIGIN}/widgets?[./]`));
      // The iframe: the kit's size and source, and no border, by attribute (a host CSP would block style="").
      const iframe = await one(shown['embed-code-iframe']!, 'iframe');
      expect(iframe.attrs.src).toBe(ORIGIN + frame(lang));
      expect(iframe.attrs).toMatchObject({ width: String(code.width), height: String(code.height), frameborder: '0' });
      expect(iframe.attrs.title).toBeTruthy();
      expect(iframe.attrs).not.toHaveProperty('style');
      expect(shown['embed-code-iframe']).toBe(borderless(code.iframe));
      if (!isDataset(target)) {
        expect(shown['embed-code-badge']).toBe(code.badge);
        expect(shown['embed-code-markdown']).toBe(code.markdown);
      }
      expect(shown['embed-code-oembed']).toBe(code.oembed);
      for (const id of forms) {
        const button = await one(html, `button[data-copy="${id}"]`);
        expect(button.attrs.type).toBe('button');
        expect(button.attrs).toHaveProperty('hidden');
        expect((await one(html, `#${button.attrs['data-status']}`)).attrs.role).toBe('status');
        // Five buttons say "copy code"; each is described by its form's heading.
        expect((await one(html, `#${button.attrs['aria-describedby']}`)).tag).toBe('h3');
      }
      expect((await one(html, 'script[src]')).attrs.src).toBe(PAGE_SCRIPT.path);
    });

    it('holds the code of every language and theme in templates, for the script to show', async () => {
      const { html } = await page(path);
      const templates = await select(html, 'section.builder template');
      expect(templates.map((t) => `${t.attrs['data-lang']} ${t.attrs['data-theme']}`)).toEqual(
        LANGS.flatMap((l) => THEMES.map((t) => `${l} ${t}`)),
      );
      for (const t of templates) {
        const l = t.attrs['data-lang'] as Lang;
        const theme = t.attrs['data-theme']!;
        const themeParam = theme === 'light' ? undefined : theme;
        expect(t.attrs['data-preview']).toBe(frame(l, themeParam));
        expect(Number(t.attrs['data-height'])).toBeGreaterThanOrEqual(150);
        const inside = await select(html, `template[data-lang="${l}"][data-theme="${theme}"] code`);
        const byId = Object.fromEntries(inside.map((c) => [c.attrs['data-for']!, c.text]));
        expect(Object.keys(byId)).toEqual(Object.keys(await codes(html)));
        const element = await one(byId['embed-code']!, 'zz-indicator');
        expect(element.attrs).toMatchObject({ [kind]: target.id, lang: l });
        expect(element.attrs.theme).toBe(themeParam);
        expect((await one(byId['embed-code-iframe']!, 'iframe')).attrs.src).toBe(ORIGIN + frame(l, themeParam));
        const oembed = new URL(byId['embed-code-oembed']!);
        expect(oembed.searchParams.get('url')).toBe(`${ORIGIN}${prefixes[l]}/${rest}`);
        expect(oembed.searchParams.get('theme')).toBe(themeParam ?? null);
        expect((await get(oembed.pathname + oembed.search)).status).toBe(200);
        if (!isDataset(target)) {
          const badge = await one(byId['embed-code-badge']!, 'img');
          expect(badge.attrs.src).toBe(`${ORIGIN}/badge/${target.id}.svg${l === 'en' ? '?lang=en' : ''}`);
        }
      }
      // The default choice's template holds exactly what is shown.
      const own = await select(html, `template[data-lang="${lang}"][data-theme="light"] code`);
      expect(Object.fromEntries(own.map((c) => [c.attrs['data-for']!, c.text]))).toEqual(await codes(html));
    });

    it('says when to choose which form, and links the demo', async () => {
      const { html } = await page(path);
      const items = (await select(html, 'section.builder ul li')).map((li) => li.text);
      expect(items).toEqual(b.advice);
      expect((await select(html, 'section.builder a')).map((a) => a.attrs.href)).toContain('/demo');
    });
  });

  it('the page script takes the preview height from the card’s own message type', () => {
    expect(HEIGHT_MESSAGE).toBe('zz-embed-height');
  });
});

describe('embedBuilder() escaping', () => {
  it.each(LANGS)('shows hostile labels in every form’s code as text (%s)', async (lang) => {
    const hostile = await hostileSnapshot();
    const indicator = hostile.indicators[0]!;
    const code = embedSnippet({ origin: ORIGIN, target: indicator, lang, data: hostile });
    const html = embedBuilder(indicator, code, [{ lang, theme: 'dark', code }], lang).toString();
    for (const tag of ['img', 'svg', 'b', 'zz-indicator', 'script']) expect(await select(html, tag)).toHaveLength(0);
    expect((await one(html, 'iframe')).attrs.title).toContain(HOSTILE.label);
    expect((await codes(html))['embed-code']).toBe(code.html);
    expect((await codes(html))['embed-code-markdown']).toBe(code.markdown);
  });
});

describe('borderless()', () => {
  it('adds frameborder="0" once, and leaves an iframe that already sets its border', () => {
    const plain = '<iframe src="x" title="t" width="400" height="200" loading="lazy"></iframe>';
    expect(borderless(plain)).toBe(
      '<iframe src="x" title="t" width="400" height="200" loading="lazy" frameborder="0"></iframe>',
    );
    expect(borderless(borderless(plain))).toBe(borderless(plain));
    const styled = '<iframe src="x" style="border:0"></iframe>';
    expect(borderless(styled)).toBe(styled);
  });
});
