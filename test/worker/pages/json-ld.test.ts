import { describe, expect, it } from 'vitest';
import { bundledSource } from '../../../worker/data-source';
import { datasetJsonLd, temporalCoverage } from '../../../worker/pages/json-ld';

describe('temporalCoverage', () => {
  it('spans the first to the last day the periods cover', () => {
    expect(temporalCoverage([{ period: '2023' }])).toBe('2023-01-01/2023-12-31');
    expect(temporalCoverage([{ period: '2023-02' }])).toBe('2023-02-01/2023-02-28');
    expect(temporalCoverage([{ period: '2024-02' }])).toBe('2024-02-01/2024-02-29');
    expect(temporalCoverage([{ period: '2023-04-19/2023-04-21' }, { period: '2022' }])).toBe('2022-01-01/2023-04-21');
    expect(temporalCoverage([{ period: '2023-01/2023-03' }, { period: '2023-04-26' }])).toBe('2023-01-01/2023-04-26');
    expect(temporalCoverage([{ period: '2023-03-31' }])).toBe('2023-03-31');
  });
});

describe('datasetJsonLd', () => {
  it('keeps what the value alone cannot say: at least is a lower bound, every qualifier is in the words', async () => {
    const snapshot = await bundledSource.current();
    for (const dataset of snapshot.datasets) {
      const ld = datasetJsonLd(dataset, snapshot.meta, 'en', 'https://example.org');
      (ld.variableMeasured as Record<string, unknown>[]).forEach((v, n) => {
        const indicator = dataset.indicators[n]!;
        expect(v.minValue).toBe(indicator.qualifier === 'at_least' ? indicator.value : undefined);
        if (indicator.qualifier !== 'exact') expect(v.description).toMatch(/^(at least|about|more than) /);
      });
    }
  });
});
