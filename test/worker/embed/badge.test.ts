import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { createSnapshot } from '../../../worker/data-source/snapshot';
import { badgeSvg } from '../../../worker/embed/badge';
import { formatValue, formatWhen } from '../../../worker/format';
import { LANGS } from '../../../worker/schema';
import { get, HOSTILE, hostileData, hostileFetch, indicators } from './support';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  textNodeName: '#text',
  parseTagValue: false,
  isArray: (name) => ['rect', 'text', 'g'].includes(name),
});

interface Svg {
  svg: {
    width: string;
    height: string;
    viewBox: string;
    role: string;
    'aria-label': string;
    title: string;
    g: { rect?: { x?: string; width: string }[]; text?: { '#text': string; x: string; textLength: string }[] }[];
  };
}

describe('/badge/:id.svg', () => {
  it.each(indicators.flatMap((i) => LANGS.map((lang) => [i.id, lang, i] as const)))(
    '%s (%s): well-formed, accessible SVG with the figure',
    async (id, lang, i) => {
      const res = await get(`/badge/${id}.svg${lang === 'en' ? '?lang=en' : ''}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toBe('image/svg+xml; charset=utf-8');
      expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
      expect(res.headers.get('Content-Security-Policy')).toMatch(/^default-src 'none'/);
      const svg = await res.text();
      expect(XMLValidator.validate(svg)).toBe(true);
      // Nothing to fetch and nothing to run: no fonts, images, links, styles or scripts.
      expect(svg).not.toMatch(/<(script|style|image|a|foreignObject)\b|href=|url\((?!#)|@import|@font-face/);
      const doc = parser.parse(svg) as Svg;
      const figure = formatValue(i, lang);
      expect(doc.svg.role).toBe('img');
      expect(doc.svg['aria-label']).toContain(i.label[lang]);
      expect(doc.svg['aria-label']).toContain(figure);
      expect(doc.svg.title).toContain(figure);
      expect(doc.svg.title).toContain(formatWhen(i, lang));
      const texts = doc.svg.g.flatMap((g) => g.text ?? []);
      expect(texts.map((t) => t['#text'])).toEqual([i.label[lang], expect.stringContaining(figure)]);
      // The two halves tile the badge exactly, and each text is centred in its half and fits it.
      const [left, right] = doc.svg.g[0]!.rect!;
      const width = Number(doc.svg.width);
      expect(Number(left!.width) + Number(right!.width)).toBe(width);
      expect(Number(right!.x)).toBe(Number(left!.width));
      expect(doc.svg.viewBox).toBe(`0 0 ${width} 20`);
      expect(Number(texts[0]!.x)).toBe(Number(left!.width) / 2);
      expect(Number(texts[0]!.textLength)).toBeLessThan(Number(left!.width));
      expect(Number(texts[1]!.textLength)).toBeLessThan(Number(right!.width));
    },
  );

  it('sizes CJK text as full-width glyphs', () => {
    // Same indicator: the Chinese label has fewer characters but each is as wide as the font size.
    const i = indicators.find((x) => x.id === 'platforms-total')!;
    const zh = parser.parse(badgeSvg(i, 'zh')) as Svg;
    const zhLabel = zh.svg.g[1]!.text![0]!;
    expect(Number(zhLabel.textLength)).toBe(i.label.zh.length * 11);
  });

  it('keeps qualifiers: at least, about, more than', async () => {
    for (const q of ['at_least', 'about', 'more_than'] as const) {
      const i = indicators.find((x) => x.qualifier === q)!;
      const svg = await (await get(`/badge/${i.id}.svg?lang=en`)).text();
      expect(svg).toContain(`${{ at_least: 'at least', about: 'about', more_than: 'more than' }[q]} `);
    }
  });

  it('escapes a hostile label', async () => {
    const hostile = await createSnapshot(hostileData());
    for (const svg of [
      badgeSvg(hostile.indicator('platforms-total')!, 'en'),
      await (await hostileFetch('/badge/platforms-total.svg')).text(),
    ]) {
      expect(XMLValidator.validate(svg)).toBe(true);
      const doc = parser.parse(svg) as Svg;
      // The parser reads the label back as one text node (it leaves numeric references as written).
      expect(doc.svg.g[1]!.text![0]!['#text'].replace(/&#39;/g, "'")).toBe(HOSTILE);
      expect(svg).not.toContain('<script');
    }
  });

  it.each([
    ['/badge/no-such-indicator.svg', 'zh', 'no-such-indicator', '未找到'],
    ['/badge/no-such-indicator.svg?lang=en&v=3', 'en', 'no-such-indicator', 'not found'],
    ['/badge/Platforms-Total.svg?lang=EN', 'en', 'Platforms-Total', 'not found'],
    ['/badge/platforms-total.png', 'zh', 'platforms-total.png', '未找到'],
    ['/badge/platforms-total', 'zh', 'platforms-total', '未找到'],
    ['/badge/..%2Fetc.svg', 'zh', '../etc', '未找到'],
    ['/badge/%3Cscript%3Ex%3C%2Fscript%3E.svg', 'zh', '<script>x</script>', '未找到'],
  ] as const)('%s → the grey not-found badge, 404', async (path, lang, shown, words) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers.get('Content-Security-Policy')).toMatch(/^default-src 'none'/);
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=60');
    const svg = await res.text();
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toMatch(/<(script|style|image|a|foreignObject)\b|href=/);
    const doc = parser.parse(svg) as Svg;
    expect(doc.svg.role).toBe('img');
    expect(doc.svg['xml:lang' as 'role']).toBe(lang);
    expect(doc.svg['aria-label']).toBe(
      `${lang === 'zh' ? '指标' : 'indicator'} ${shown}${lang === 'zh' ? '：' : ': '}${words}`,
    );
    expect(doc.svg.title).toBe(doc.svg['aria-label']);
    const texts = doc.svg.g
      .flatMap((g) => g.text ?? [])
      .map((t) => t['#text'].replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
    expect(texts).toEqual([shown, words]);
    // Grey on the right, as shields.io answers an unknown badge.
    expect(doc.svg.g[0]!.rect![1]).toMatchObject({ fill: '#6e7781' });
  });

  // A badge URL is pasted where no one can fix it: an unknown language is the default one, an unknown name is ignored.
  it.each([
    ['/badge/platforms-total.svg?lang=de', 'zh'],
    ['/badge/platforms-total.svg?style=flat', 'zh'],
    ['/badge/platforms-total.svg?lang=EN-us&v=2', 'en'],
  ] as const)('%s → 200, in %s', async (path, lang) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(`xml:lang="${lang}"`);
  });
});
