import { describe, expect, it } from 'vitest';
import { bundledSource } from '../../../worker/data-source';
import { formatValue, formatWhen, QUALIFIER_WORDS } from '../../../worker/format';
import { embedSnippet } from '../../../worker/markup';
import { indicatorPage } from '../../../worker/pages/indicator-page';
import type { Indicator, Lang } from '../../../worker/schema';
import { one, select, squashSpace } from './support/dom';
import { get, ORIGIN, page } from './support/fetch';
import { HOSTILE, hostileSnapshot } from './support/hostile';

const snapshot = await bundledSource.current();
const prefixes: Record<Lang, string> = { zh: '', en: '/en' };

/** The value shown for a term of the facts list. */
async function fact(html: string, term: string): Promise<string | undefined> {
  const all = await select(html, '*');
  const index = all.findIndex((e) => e.tag === 'dt' && e.text === term);
  return index < 0 ? undefined : all.slice(index + 1).find((e) => e.tag === 'dd')?.text;
}

describe.each(['zh', 'en'] as Lang[])('indicator pages (%s)', (lang) => {
  const WORD =
    lang === 'zh'
      ? {
          valueBase: '数值（基本单位）',
          unit: '单位',
          qualifier: '限定词',
          kind: '类型',
          measure: '度量',
          period: '统计期',
          asOf: '截止日期',
          partOf: '属于总数',
          parts: '其中包括',
          towards: '对应目标',
          progress: '目标进度',
          ranks: '排名依据',
          rankedBy: '相关排名',
          scope: '排名范围',
        }
      : {
          valueBase: 'Value (base units)',
          unit: 'Unit',
          qualifier: 'Qualifier',
          kind: 'Kind',
          measure: 'Measure',
          period: 'Reference period',
          asOf: 'As of',
          partOf: 'Part of',
          parts: 'Parts',
          towards: 'Towards target',
          progress: 'Progress towards it',
          ranks: 'Ranks',
          rankedBy: 'Ranked by',
          scope: 'Ranking scope',
        };

  describe.each(snapshot.indicators.map((i) => [i.id, i] as const))('%s', (_, indicator: Indicator) => {
    const path = `${prefixes[lang]}/indicators/${indicator.id}`;

    it('states everything about the figure', async () => {
      const { res, html } = await page(path);
      expect(res.status).toBe(200);
      expect((await one(html, 'h1')).text).toBe(indicator.label[lang]);
      const figure = squashSpace((await one(html, 'p.figure')).text);
      expect(figure).toContain(formatValue(indicator, lang));
      const word = QUALIFIER_WORDS[lang][indicator.qualifier];
      if (word) expect(figure).toContain(word);
      expect((await one(html, 'main')).text).toContain(formatWhen(indicator, lang));
      expect((await one(html, 'dd data')).attrs.value).toBe(String(indicator.value));
      // The base-unit value in words: the same number, digits grouped by commas (zh-CN and en-GB alike).
      expect(await fact(html, WORD.valueBase)).toMatch(/^\d{1,3}(,\d{3})*(\.\d+)?$/);
      expect(Number((await fact(html, WORD.valueBase))!.replace(/,/g, ''))).toBe(indicator.value);
      expect(await fact(html, WORD.unit)).toContain(indicator.unit);
      expect(await fact(html, WORD.unit)).toContain(indicator.unitLabel[lang]);
      expect(await fact(html, WORD.qualifier)).toContain(indicator.qualifier);
      expect(await fact(html, WORD.kind)).toContain(indicator.kind);
      expect(await fact(html, WORD.measure)).toContain(indicator.measure);
      expect(await fact(html, WORD.period)).toContain(indicator.period);
      expect(await fact(html, WORD.asOf)).toEqual(indicator.asOf ? expect.stringContaining(indicator.asOf) : undefined);
      const quote = await one(html, 'blockquote');
      expect(quote.attrs.lang).toBe('zh-CN');
      expect(quote.text.trim()).toBe(indicator.source.quote);
      expect((await one(html, 'figure.quote figcaption')).text).toContain(indicator.source.publisher[lang]);
    });

    it('links the relations the article states, both ways', async () => {
      const { html } = await page(path);
      const links = async (term: string) => {
        const all = await select(html, 'section[aria-labelledby="relations"] *');
        const at = all.findIndex((e) => e.tag === 'dt' && e.text === term);
        if (at < 0) return [];
        const end = all.findIndex((e, n) => n > at && e.tag === 'dt');
        return all
          .slice(at, end < 0 ? undefined : end)
          .filter((e) => e.tag === 'a')
          .map((a) => a.attrs.href);
      };
      const page_ = (id: string) => `${prefixes[lang]}/indicators/${id}`;
      const rel = indicator.relations ?? {};
      expect(await links(WORD.partOf)).toEqual(rel.partOf ? [page_(rel.partOf)] : []);
      expect(await links(WORD.towards)).toEqual(rel.towards ? [page_(rel.towards)] : []);
      expect(await links(WORD.ranks)).toEqual(rel.ranks ? [page_(rel.ranks)] : []);
      if (rel.scope) expect(await fact(html, WORD.scope)).toBe(rel.scope[lang]);
      const back = (name: 'partOf' | 'towards' | 'ranks') =>
        snapshot.indicators.filter((i) => i.relations?.[name] === indicator.id).map((i) => page_(i.id));
      expect(await links(WORD.parts)).toEqual(back('partOf'));
      expect(await links(WORD.progress)).toEqual(back('towards'));
      expect(await links(WORD.rankedBy)).toEqual(back('ranks'));
    });

    it('shows the embed code, escaped, with a copy button for the same-origin script', async () => {
      const { html } = await page(path);
      const code = (await one(html, 'pre > code#embed-code')).text;
      // The shown code, read as the HTML it is: our widget script and a card element with fallback text.
      // (Built by the embed kit's `embedCode`.)
      expect((await one(code, 'script')).attrs.src).toMatch(new RegExp(`^${ORIGIN}/widgets?[./]`));
      const element = await one(code, 'zz-indicator');
      expect(element.attrs).toMatchObject({ indicator: indicator.id, lang });
      // The fallback states this figure (a progress figure's card also shows its target).
      expect(element.text).toContain(formatValue(indicator, lang));
      // The code is shown, not run: no zz-indicator element on the page itself.
      expect(await select(html, 'zz-indicator')).toHaveLength(0);
      const button = await one(html, 'button[data-copy="embed-code"]');
      expect(button.attrs.type).toBe('button');
      expect(button.attrs).toHaveProperty('hidden');
      expect((await one(html, `#${button.attrs['data-status']}`)).attrs.role).toBe('status');
      const script = await one(html, 'script[src]');
      expect(script.attrs.src).toMatch(/^\/assets\/page\.[0-9a-f]{8}\.js$/);
      const js = await get(script.attrs.src!);
      expect(js.status).toBe(200);
      expect(js.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
      expect(await js.text()).toContain('data-copy');
    });

    it('points oEmbed consumers at the oEmbed endpoint for this page', async () => {
      const { html } = await page(path);
      const link = await one(html, 'link[type="application/json+oembed"]');
      const url = new URL(link.attrs.href!);
      expect(url.origin + url.pathname).toBe(`${ORIGIN}/oembed`);
      expect(url.searchParams.get('url')).toBe(`${ORIGIN}${path}`);
      expect(url.searchParams.get('format')).toBe('json');
    });
  });
});

describe('indicatorPage() escaping', () => {
  it.each(['zh', 'en'] as Lang[])(
    'prints hostile text, in the page and in the embed code, as text (%s)',
    async (lang) => {
      const hostile = await hostileSnapshot();
      const indicator = hostile.indicators[0]!;
      const embed = embedSnippet({ origin: ORIGIN, target: indicator, lang, data: hostile });
      const html = indicatorPage(hostile, indicator, embed, { lang, origin: ORIGIN }).toString();
      // Only the copy-button script, loaded from our origin.
      expect((await select(html, 'script')).map((s) => s.attrs.src)).toEqual([
        expect.stringMatching(/^\/assets\/page\./),
      ]);
      // The site mark and the chart are our SVG; none comes from the data.
      for (const tag of ['img', 'svg[onload]', 'b', 'zz-indicator']) expect(await select(html, tag)).toHaveLength(0);
      expect((await one(html, 'h1')).text).toBe(HOSTILE.label);
      expect((await one(html, 'blockquote')).text.trim()).toBe(HOSTILE.quote);
      // The embed code is escaped twice: once inside the snippet, once for display.
      const code = (await one(html, 'code#embed-code')).text;
      expect(code).toBe(embed.html);
      expect(code).not.toContain(HOSTILE.label);
      // Read as the HTML it is, the snippet holds the hostile label as text, and only our script.
      expect((await one(code, 'zz-indicator')).text).toContain(HOSTILE.label);
      expect((await select(code, 'script')).map((s) => s.attrs.src)).toEqual([`${ORIGIN}/widget.js`]);
    },
  );
});
