import { describe, expect, it } from 'vitest';
import { blocksText, figureLine, newsBlocks, urlsFor } from '../../../worker/feeds/text';
import { QUALIFIER_WORDS } from '../../../worker/format';
import type { Indicator } from '../../../worker/schema';
import { snapshot } from './helpers';

const urls = urlsFor('https://data.example');
const line = (i: Indicator, lang: 'zh' | 'en') => blocksText([{ p: figureLine(i, lang, urls) }]);

describe('figure lines', () => {
  it('state value, qualifier, unit and date of the figures the brief names', async () => {
    const s = await snapshot();
    expect(line(s.indicator('platforms-total')!, 'zh')).toBe('全市各类科技创新平台：708家（截至2023年3月31日）');
    expect(line(s.indicator('platforms-total')!, 'en')).toBe(
      'Science and technology innovation platforms, all kinds: 708 platforms (as of 31 March 2023)',
    );
    expect(line(s.indicator('rd-spending-growth-target')!, 'zh')).toBe(
      '全年研发经费同比增长（目标）：12%以上（2023年）',
    );
    expect(line(s.indicator('rd-spending-growth-target')!, 'en')).toBe(
      'R&D spending, year-on-year growth (target): at least 12% (2023)',
    );
    expect(line(s.indicator('high-value-invention-patents-target')!, 'zh')).toContain('500件左右');
    expect(line(s.indicator('job-fair-positions')!, 'en')).toContain('more than 800 positions (19–21 April 2023)');
    expect(line(s.indicator('tech-contract-turnover-2022')!, 'en')).toContain('CNY 30.8 billion (2022)');
    expect(line(s.indicator('little-giants-national-rank')!, 'zh')).toContain('第17位');
  });

  it('carry every qualifier, unit word and period of the data, in both languages', async () => {
    const s = await snapshot();
    for (const indicator of s.indicators) {
      for (const lang of ['zh', 'en'] as const) {
        const text = line(indicator, lang);
        expect(text.startsWith(indicator.label[lang]), indicator.id).toBe(true);
        if (indicator.qualifier !== 'exact')
          expect(text, `${indicator.id} ${lang}`).toContain(QUALIFIER_WORDS[lang][indicator.qualifier]);
        if (indicator.unit === 'count') expect(text, `${indicator.id} ${lang}`).toContain(indicator.unitLabel[lang]);
        if (indicator.unit === 'percent') expect(text).toContain('%');
        // The year the figure stands for is always said.
        expect(text, `${indicator.id} ${lang}`).toContain((indicator.asOf ?? indicator.period).slice(0, 4));
      }
    }
  });

  it('mark targets, progress and forecasts, but never say the kind twice', async () => {
    const s = await snapshot();
    for (const indicator of s.indicators) {
      const zh = line(indicator, 'zh');
      const en = line(indicator, 'en');
      if (indicator.kind === 'target') {
        expect(zh).toContain('目标');
        expect(en.toLowerCase()).toContain('target');
      }
      if (indicator.kind === 'forecast') {
        expect(zh.split('预计').length - 1, zh).toBe(1);
        expect(en.toLowerCase().split('projected').length - 1, en).toBe(1);
      }
      if (indicator.kind === 'progress') expect(en).toContain('(so far)');
      if (indicator.kind === 'actual') expect(en).not.toMatch(/\((target|so far|projected)\)/);
    }
  });

  it('link a figure to its indicator page in the language of the text', async () => {
    const s = await snapshot();
    const [link] = figureLine(s.indicator('little-giants')!, 'en', urls);
    expect(link).toEqual({
      text: s.indicator('little-giants')!.label.en,
      href: 'https://data.example/en/indicators/little-giants',
    });
    expect((figureLine(s.indicator('little-giants')!, 'zh', urls)[0] as { href: string }).href).toBe(
      'https://data.example/indicators/little-giants',
    );
  });
});

describe('news text', () => {
  it('says the full date range of a multi-day event, its place and the quote it rests on', async () => {
    const s = await snapshot();
    const news = s.news.find((n) => n.date.includes('/'))!;
    const indicators = (news.indicators ?? []).map((id) => s.indicator(id)!);
    const zh = blocksText(newsBlocks(news, indicators, [], 'zh', urls));
    const en = blocksText(newsBlocks(news, indicators, [], 'en', urls));
    expect(news.date).toBe('2023-04-19/2023-04-21');
    expect(zh).toContain('时间：2023年4月19日至21日');
    expect(en).toContain('When: 19–21 April 2023');
    expect(zh).toContain(`地点：${news.place!.zh}`);
    expect(zh).toContain(news.source.quote);
    expect(zh).toContain('超过800个');
    expect(en).toContain('more than 800 positions');
  });
});
