import { describe, expect, it } from 'vitest';
import { bundledSource } from '../../../worker/data-source';
import { formatWhen } from '../../../worker/format';
import { basicEmbedCode } from '../../../worker/pages/embed-code';
import { figureText } from '../../../worker/pages/figures';
import { one, select } from './support/dom';
import { HOSTILE, hostileSnapshot } from './support/hostile';

const ORIGIN = 'https://data.example.org';

describe('basicEmbedCode', () => {
  it('is the widget script and a zz-indicator whose fallback text states the figure with its qualifier', async () => {
    const snapshot = await bundledSource.current();
    for (const indicator of snapshot.indicators) {
      for (const lang of ['zh', 'en'] as const) {
        const { html } = basicEmbedCode(indicator, lang, ORIGIN, snapshot.meta);
        expect((await one(html, 'script')).attrs).toEqual({ src: `${ORIGIN}/widget.js`, async: '' });
        const element = await one(html, 'zz-indicator');
        expect(element.attrs).toEqual({ indicator: indicator.id, lang });
        expect(element.text).toContain(indicator.label[lang]);
        expect(element.text).toContain(figureText(indicator, lang));
        expect(element.text).toContain(formatWhen(indicator, lang));
        expect(element.text).toContain(snapshot.meta.article.publisher[lang]);
      }
    }
  });

  it('escapes the fallback text, so pasting it cannot inject markup', async () => {
    const snapshot = await hostileSnapshot();
    const { html } = basicEmbedCode(snapshot.indicators[0]!, 'en', ORIGIN, snapshot.meta);
    expect(await select(html, 'script')).toHaveLength(1);
    expect(await select(html, 'b')).toHaveLength(0);
    expect((await one(html, 'zz-indicator')).text).toContain(HOSTILE.label);
  });
});
