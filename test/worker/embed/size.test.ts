import { describe, expect, it } from 'vitest';
import { datasetCard, indicatorCard } from '../../../worker/card';
import { FRAME_WIDTHS, frameHeight } from '../../../worker/markup';
import { LANGS } from '../../../worker/schema';
import { data, ORIGIN, snapshot } from './support';

const snap = await snapshot;
const models = [
  ...snap.indicators.flatMap((i) => LANGS.map((lang) => indicatorCard(i, lang, snap, ORIGIN))),
  ...data.datasets.flatMap((d) => LANGS.map((lang) => datasetCard(d, lang, ORIGIN))),
];

describe('frameHeight', () => {
  it('is at least the card stylesheet minimum (10.5em; 14em for a dataset) and a multiple of 10', () => {
    for (const m of models) {
      const h = frameHeight(m);
      expect(h % 10).toBe(0);
      expect(h).toBeGreaterThanOrEqual(m.type === 'dataset' ? 224 : 168);
    }
  });

  it('grows as the card narrows (same layout above 260 px), and with the rows of a dataset', () => {
    const wide = FRAME_WIDTHS.filter((w) => w >= 260);
    expect(wide.length).toBeGreaterThan(1);
    for (const m of models) {
      const heights = wide.map((w) => frameHeight(m, w));
      expect([...heights].sort((a, b) => a - b)).toEqual(heights);
    }
    const bySize = data.datasets
      .map((d) => [d.indicators.length, frameHeight(datasetCard(d, 'zh', ORIGIN))] as const)
      .sort((a, b) => a[0] - b[0]);
    expect(bySize.at(-1)![1]).toBeGreaterThan(bySize[0]![1]);
  });
});
