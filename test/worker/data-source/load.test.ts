import { describe, expect, it } from 'vitest';
import { files } from '../../../data';
import article from '../../../data/article.txt?raw';
import { DataError, formatIssue, loadData, readFigure, squash } from '../../../worker/data-source';

const data = loadData(files, article);
const indicators = data.datasets.flatMap((d) => d.indicators);
const text = squash(article);

// biome-ignore lint/suspicious/noExplicitAny: tests reach into the parsed files freely to break them
type Files = Record<string, any>;

/** A deep copy of the bundled files with one change applied. */
function mutate(change: (f: Files) => void): Record<string, unknown> {
  const copy = structuredClone(files) as Files;
  change(copy);
  return copy;
}

function issuesOf(files: Record<string, unknown>): string[] {
  try {
    loadData(files, article);
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as DataError).issues.map(formatIssue);
  }
  throw new Error('expected the data to be rejected');
}

describe('bundled data', () => {
  it('has every dataset of the catalog with indicators', () => {
    expect(data.datasets.map((d) => d.id)).toEqual((files['data/catalog.json'] as { datasets: string[] }).datasets);
    for (const d of data.datasets) expect(d.indicators.length).toBeGreaterThan(0);
  });

  it.each(indicators.map((i) => [i.id, i] as const))(
    '%s: quote is verbatim in the article and holds the figure',
    (_, i) => {
      expect(text).toContain(squash(i.source.quote));
      expect(squash(i.source.quote)).toContain(squash(i.figure));
    },
  );

  it.each(indicators.map((i) => [i.id, i] as const))('%s: value and qualifier agree with the figure', (_, i) => {
    const read = readFigure(i.figure);
    if (read) {
      expect(i.value).toBe(read.value);
      expect(i.qualifier).toBe(read.qualifier);
    }
  });

  it('keeps every Chinese qualifier of the article as data', () => {
    const word = (figure: string) =>
      /以上/.test(figure)
        ? 'at_least'
        : /左右/.test(figure)
          ? 'about'
          : /[多余超]/.test(figure)
            ? 'more_than'
            : 'exact';
    for (const i of indicators) expect(i.qualifier, i.id).toBe(word(i.figure));
    // The article's hedged figures are all there.
    for (const figure of [
      '12%以上',
      '500件左右',
      '150家以上',
      '10家以上',
      '400余家',
      '800多个',
      '130多个',
      '超30亿元',
      '超过20个',
      '200余项',
    ]) {
      expect(
        indicators.some((i) => i.figure === figure),
        figure,
      ).toBe(true);
    }
  });

  it('stores money in yuan, not 亿元', () => {
    const money = Object.fromEntries(indicators.filter((i) => i.unit === 'CNY').map((i) => [i.figure, i.value]));
    expect(money['308亿元']).toBe(30_800_000_000);
    expect(money['129亿元']).toBe(12_900_000_000);
    expect(money['10亿元']).toBe(1_000_000_000);
  });

  it('quotes every news item verbatim', () => {
    for (const n of data.news) expect(text, n.id).toContain(squash(n.source.quote));
  });
});

describe('invalid data is rejected with file, indicator and field', () => {
  it('names a bad value type', () => {
    const issues = issuesOf(mutate((f) => (f['data/datasets/innovation-platforms.json'].indicators[0].value = '708')));
    expect(issues.some((i) => i.startsWith('data/datasets/innovation-platforms.json › platforms-total › value:'))).toBe(
      true,
    );
  });

  it('names a misquoted sentence', () => {
    const issues = issuesOf(
      mutate((f) => (f['data/datasets/innovation-platforms.json'].indicators[0].source.quote += '又')),
    );
    expect(issues).toContain(
      'data/datasets/innovation-platforms.json › platforms-total › source.quote: does not occur verbatim in the article (whitespace aside)',
    );
  });

  it('names a dropped qualifier', () => {
    const issues = issuesOf(
      mutate((f) => {
        const target = f['data/datasets/targets-2023.json'].indicators.find(
          (i: { figure: string }) => i.figure === '12%以上',
        );
        target.qualifier = 'exact';
      }),
    );
    expect(
      issues.some((i) =>
        /targets-2023\.json › .+ › qualifier: is "exact" but the figure "12%以上" says "at_least"/.test(i),
      ),
    ).toBe(true);
  });

  it('names a value not in base units', () => {
    const issues = issuesOf(
      mutate((f) => {
        const turnover = f['data/datasets/technology-transfer.json'].indicators.find(
          (i: { figure: string }) => i.figure === '308亿元',
        );
        turnover.value = 308;
      }),
    );
    expect(issues.some((i) => i.includes('› value: is 308 but the figure "308亿元" says 30800000000'))).toBe(true);
  });

  it('names unknown fields, unknown units and dangling relations', () => {
    const issues = issuesOf(
      mutate((f) => {
        const [a, b] = f['data/datasets/innovation-platforms.json'].indicators;
        a.colour = 'red';
        b.unit = 'yuan';
        b.relations = { partOf: 'no-such-indicator' };
      }),
    );
    expect(issues.some((i) => i.includes('› platforms-total › colour:'))).toBe(true);
    expect(issues.some((i) => i.includes('› platforms-national › unit:'))).toBe(true);
  });

  it('names duplicate ids across files', () => {
    const issues = issuesOf(
      mutate((f) => (f['data/datasets/rd-investment.json'].indicators[0].id = 'platforms-total')),
    );
    expect(
      issues.some((i) =>
        i.includes('› platforms-total › id: is already used in data/datasets/innovation-platforms.json'),
      ),
    ).toBe(true);
  });
});
