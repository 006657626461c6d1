/**
 * How figures and dates read, checked directly against the text a careful reader expects in each language.
 * Inputs are the article's own figures (the indicator each comes from is named), plus the period shapes the
 * schema allows: a year, a month, a day, and intervals within a month, across months and across years.
 */
import { describe, expect, it } from 'vitest';
import { files } from '../../../data';
import {
  type Figure,
  formatAsOf,
  formatNumber,
  formatPeriod,
  formatValue,
  formatWhen,
  unitWord,
} from '../../../worker/format';
import type { StoredCatalog, StoredDataset } from '../../../worker/schema';

const figure = (
  value: number,
  unit: Figure['unit'],
  qualifier: Figure['qualifier'],
  zh: string,
  en: string,
): Figure => ({ value, unit, qualifier, unitLabel: { zh, en } });

describe('formatValue: the figure in each language, qualifier where the article puts it', () => {
  it.each([
    // indicator, figure, Chinese, English, English measure word
    ['platforms-total (708家)', figure(708, 'count', 'exact', '家', 'platforms'), '708家', '708', 'platforms'],
    [
      'tech-contracts-registered-2022 (3366件)',
      figure(3366, 'count', 'exact', '件', 'contracts'),
      '3,366件',
      '3,366',
      'contracts',
    ],
    [
      'achievement-transfer-target (百项)',
      figure(100, 'count', 'exact', '项', 'achievements'),
      '100项',
      '100',
      'achievements',
    ],
    // 以上 follows the number in Chinese; "at least" precedes it in English.
    ['rd-spending-growth-target (12%以上)', figure(12, 'percent', 'at_least', '%', '%'), '12%以上', 'at least 12%', ''],
    [
      'high-tech-enterprises-net-increase-target (150家以上)',
      figure(150, 'count', 'at_least', '家', 'enterprises'),
      '150家以上',
      'at least 150',
      'enterprises',
    ],
    // 左右 follows the number; "about" precedes it.
    [
      'high-value-invention-patents-target (500件左右)',
      figure(500, 'count', 'about', '件', 'patents'),
      '500件左右',
      'about 500',
      'patents',
    ],
    // 超过 precedes the number in both languages.
    [
      'university-cooperation-projects (超过20个)',
      figure(20, 'count', 'more_than', '个', 'projects'),
      '超过20个',
      'more than 20',
      'projects',
    ],
    [
      'incubation-base-projected-output (超30亿元)',
      figure(3_000_000_000, 'CNY', 'more_than', '元', 'yuan'),
      '超过30亿元',
      'more than CNY 3 billion',
      '',
    ],
    // 多 and 余 ("800-odd", "400-odd") are the same hedge: more than the round number.
    [
      'job-fair-positions (800多个)',
      figure(800, 'count', 'more_than', '个', 'positions'),
      '超过800个',
      'more than 800',
      'positions',
    ],
    [
      'potential-enterprises-visited (400余家)',
      figure(400, 'count', 'more_than', '家', 'enterprises'),
      '超过400家',
      'more than 400',
      'enterprises',
    ],
    // Yuan in the language's own large units: 亿 in Chinese, billions in English; never a forced ".00".
    [
      'tech-contract-turnover-2022 (308亿元)',
      figure(30_800_000_000, 'CNY', 'exact', '元', 'yuan'),
      '308亿元',
      'CNY 30.8 billion',
      '',
    ],
    [
      'tech-contract-turnover-2023 (129亿元)',
      figure(12_900_000_000, 'CNY', 'exact', '元', 'yuan'),
      '129亿元',
      'CNY 12.9 billion',
      '',
    ],
    [
      'knowledge-value-credit-loans-target (10亿元)',
      figure(1_000_000_000, 'CNY', 'exact', '元', 'yuan'),
      '10亿元',
      'CNY 1 billion',
      '',
    ],
    ['(1.5亿元)', figure(150_000_000, 'CNY', 'exact', '元', 'yuan'), '1.5亿元', 'CNY 150 million', ''],
    ['(5000万元)', figure(50_000_000, 'CNY', 'exact', '元', 'yuan'), '5000万元', 'CNY 50 million', ''],
    ['enterprise-rd-spending-growth-2022 (13%)', figure(13, 'percent', 'exact', '%', '%'), '13%', '13%', ''],
    ['(12.345%: two decimals at most)', figure(12.345, 'percent', 'exact', '%', '%'), '12.35%', '12.35%', ''],
    // A rank: 第…位 in Chinese, an English ordinal.
    ['little-giants-national-rank (第17位)', figure(17, 'rank', 'exact', '位', 'place'), '第17位', '17th', ''],
    ['(第1位)', figure(1, 'rank', 'exact', '位', 'place'), '第1位', '1st', ''],
    ['(第2位)', figure(2, 'rank', 'exact', '位', 'place'), '第2位', '2nd', ''],
    ['(第3位)', figure(3, 'rank', 'exact', '位', 'place'), '第3位', '3rd', ''],
    ['(第11位)', figure(11, 'rank', 'exact', '位', 'place'), '第11位', '11th', ''],
    ['(第22位)', figure(22, 'rank', 'exact', '位', 'place'), '第22位', '22nd', ''],
  ] as const)('%s', (_, f, zh, en, word) => {
    expect(formatValue(f, 'zh')).toBe(zh);
    expect(formatValue(f, 'en')).toBe(en);
    expect(unitWord(f, 'en')).toBe(word);
    // Chinese puts its measure word in the number itself, so nothing goes beside it.
    expect(unitWord(f, 'zh')).toBe('');
  });

  it("keeps every hedge of the article's figures: 以上, 左右, and 多/余/超/超过 as 超过", () => {
    const catalog = files['data/catalog.json'] as StoredCatalog;
    const indicators = catalog.datasets.flatMap(
      (id) => (files[`data/datasets/${id}.json`] as StoredDataset).indicators,
    );
    const hedged = { 以上: 0, 左右: 0, 超过: 0 };
    for (const i of indicators) {
      const zh = formatValue(i, 'zh');
      const en = formatValue(i, 'en');
      if (i.figure.includes('以上')) {
        expect(zh, i.id).toMatch(/^[\d,.]+\D*以上$/);
        expect(en, i.id).toMatch(/^at least /);
        hedged.以上++;
      } else if (i.figure.includes('左右')) {
        expect(zh, i.id).toMatch(/^[\d,.]+\D*左右$/);
        expect(en, i.id).toMatch(/^about /);
        hedged.左右++;
      } else if (/多|余|超/.test(i.figure)) {
        expect(zh, i.id).toMatch(/^超过\d/);
        expect(en, i.id).toMatch(/^more than /);
        hedged.超过++;
      } else {
        expect(zh, i.id).not.toMatch(/以上|左右|超过|多|余/);
        expect(en, i.id).not.toMatch(/at least|about|more than/);
      }
    }
    // The article hedges in each of the three ways.
    expect(Object.values(hedged).every((n) => n > 0)).toBe(true);
  });
});

describe('formatNumber', () => {
  it('groups digits by thousands in both languages, without unit or qualifier', () => {
    expect(formatNumber(30_800_000_000, 'zh')).toBe('30,800,000,000');
    expect(formatNumber(30_800_000_000, 'en')).toBe('30,800,000,000');
    expect(formatNumber(708, 'zh')).toBe('708');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
  });
});

describe('formatPeriod', () => {
  it.each([
    // A year, a month, a day.
    ['2023', '2023年', '2023'],
    ['2022', '2022年', '2022'],
    ['2023-04', '2023年4月', 'April 2023'],
    ['2023-12', '2023年12月', 'December 2023'],
    ['2023-04-26', '2023年4月26日', '26 April 2023'],
    ['2023-01-01', '2023年1月1日', '1 January 2023'],
    // Days within one month: the year and month are said once.
    ['2023-04-19/2023-04-21', '2023年4月19日至21日', '19–21 April 2023'],
    // Days across months of one year: the year once, each month.
    ['2023-03-30/2023-04-02', '2023年3月30日至4月2日', '30 March–2 April 2023'],
    // Days across years: both dates in full.
    ['2022-12-30/2023-01-02', '2022年12月30日至2023年1月2日', '30 December 2022–2 January 2023'],
    // Months of one year, and across years.
    ['2023-01/2023-03', '2023年1月至3月', 'January–March 2023'],
    ['2022-11/2023-02', '2022年11月至2023年2月', 'November 2022–February 2023'],
    // Years.
    ['2021/2023', '2021年至2023年', '2021–2023'],
    // The same period twice is that period.
    ['2023-04-19/2023-04-19', '2023年4月19日', '19 April 2023'],
    ['2023-04/2023-04', '2023年4月', 'April 2023'],
    // Ends of different precision: each as precise as it is (a published period may be written so).
    ['2023-01/2023-03-15', '2023年1月至2023年3月15日', 'January 2023–15 March 2023'],
    ['2023/2023-06', '2023年至2023年6月', '2023–June 2023'],
    ['2023-04-30/2023-05', '2023年4月30日至2023年5月', '30 April 2023–May 2023'],
  ])('%s', (period, zh, en) => {
    expect(formatPeriod(period, 'zh')).toBe(zh);
    expect(formatPeriod(period, 'en')).toBe(en);
  });

  it('never shifts a date by a day: dates are read and written in UTC', () => {
    // The first and last days of a year are where a time-zone shift would show.
    expect(formatPeriod('2023-01-01', 'en')).toBe('1 January 2023');
    expect(formatPeriod('2022-12-31', 'zh')).toBe('2022年12月31日');
    expect(formatPeriod('2022-12-31/2023-01-01', 'en')).toBe('31 December 2022–1 January 2023');
  });
});

describe('formatAsOf and formatWhen', () => {
  it('says as of which day a figure stands', () => {
    expect(formatAsOf('2023-03-31', 'zh')).toBe('截至2023年3月31日');
    expect(formatAsOf('2023-03-31', 'en')).toBe('as of 31 March 2023');
  });

  it("gives the as-of date where the article has one, over the figure's period", () => {
    // potential-enterprises-visited: a figure for 2023 that stands at the end of March.
    expect(formatWhen({ period: '2023', asOf: '2023-03-31' }, 'zh')).toBe('截至2023年3月31日');
    expect(formatWhen({ period: '2023', asOf: '2023-03-31' }, 'en')).toBe('as of 31 March 2023');
  });

  it('gives the period otherwise: a year, a month, a day, an interval', () => {
    expect(formatWhen({ period: '2023' }, 'zh')).toBe('2023年');
    expect(formatWhen({ period: '2023' }, 'en')).toBe('2023');
    expect(formatWhen({ period: '2023-04' }, 'zh')).toBe('2023年4月');
    expect(formatWhen({ period: '2023-04' }, 'en')).toBe('April 2023');
    expect(formatWhen({ period: '2023-04-26' }, 'zh')).toBe('2023年4月26日');
    expect(formatWhen({ period: '2023-04-26' }, 'en')).toBe('26 April 2023');
    expect(formatWhen({ period: '2023-04-19/2023-04-21' }, 'zh')).toBe('2023年4月19日至21日');
    expect(formatWhen({ period: '2023-04-19/2023-04-21' }, 'en')).toBe('19–21 April 2023');
    expect(formatWhen({ period: '2023-01/2023-03' }, 'zh')).toBe('2023年1月至3月');
    expect(formatWhen({ period: '2023-01/2023-03' }, 'en')).toBe('January–March 2023');
  });
});
