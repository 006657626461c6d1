import { describe, expect, it } from 'vitest';
import { DEMO_CSP } from '../../../worker/embed/demo';
import { formatValue } from '../../../worker/format';
import { attr, builtManifest, get, indicators } from './support';

const html = await (await get('/demo')).text();
const tags = (name: string) => [...html.matchAll(new RegExp(`<${name}\\b[^>]*>`, 'g'))].map((m) => m[0]);

describe('/demo', () => {
  it('is served under the strict host-page CSP', async () => {
    const res = await get('/demo');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('Content-Security-Policy')).toBe(DEMO_CSP);
    expect(DEMO_CSP).toMatch(/default-src 'none'; script-src 'self'; style-src 'self'/);
  });

  it('has nothing inline: no inline scripts, styles or handlers', () => {
    for (const tag of tags('script')) expect(attr(tag, 'src')).toMatch(/^\//);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/);
  });

  it('loads the real widget script, hashed with SRI when built', async () => {
    const manifest = await builtManifest();
    const widget = tags('script').find((t) => /widget/.test(t))!;
    if (manifest) {
      expect(attr(widget, 'src')).toBe(manifest.script);
      expect(attr(widget, 'integrity')).toBe(manifest.integrity);
    } else {
      expect(attr(widget, 'src')).toBe('/widget.js');
    }
  });

  it('shows every card type in both languages and both themes', () => {
    const cards = tags('zz-indicator').map((t) => ({
      lang: attr(t, 'lang'),
      theme: attr(t, 'theme'),
      indicator: attr(t, 'indicator'),
      dataset: attr(t, 'dataset'),
    }));
    for (const lang of ['zh', 'en']) {
      for (const theme of ['light', 'dark']) {
        const here = cards.filter((c) => c.lang === lang && c.theme === theme);
        const types = here.map((c) => {
          if (c.dataset) return 'dataset';
          const i = indicators.find((x) => x.id === c.indicator)!;
          return i.unit === 'rank' ? 'rank' : i.kind === 'target' ? 'target' : 'number';
        });
        expect(types.sort()).toEqual(['dataset', 'number', 'rank', 'target']);
      }
    }
    // The target shown has a so-far figure to draw progress from.
    expect(tags('zz-indicator').some((t) => attr(t, 'progress'))).toBe(true);
  });

  it('every card already reads right from its server fallback', () => {
    const first = indicators.find((i) => i.id === attr(tags('zz-indicator')[0]!, 'indicator'))!;
    expect(html).toContain(formatValue(first, 'zh'));
    expect(html).toContain(formatValue(first, 'en'));
  });

  it('shows the div, iframe and badge forms, and every one of them loads', async () => {
    expect(tags('div').filter((t) => /data-zz-(indicator|dataset)=/.test(t)).length).toBeGreaterThanOrEqual(2);
    const frames = tags('iframe').map((t) => attr(t, 'src')!);
    const badges = tags('img').map((t) => attr(t, 'src')!);
    expect(frames.length).toBeGreaterThanOrEqual(4);
    expect(badges.length).toBeGreaterThanOrEqual(2);
    for (const src of [
      ...frames,
      ...badges,
      ...tags('link').map((t) => attr(t, 'href')!),
      ...tags('script').map((t) => attr(t, 'src')!),
    ]) {
      expect(src, 'same-origin path').toMatch(/^\/[^/]/);
      expect((await get(src)).status, src).toBe(200);
    }
    for (const img of tags('img')) expect(attr(img, 'alt')).toBeTruthy();
    for (const frame of tags('iframe')) expect(attr(frame, 'title')).toBeTruthy();
  });

  it('ignores query parameters (a shared link with tracking parameters still opens)', async () => {
    expect((await get('/demo?utm_source=x&fbclid=y')).status).toBe(200);
  });
});
