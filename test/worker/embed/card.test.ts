import { describe, expect, it } from 'vitest';
import { CARD_TYPES, comparable, datasetCard, indicatorCard, indicatorCardType, THEMES } from '../../../worker/card';
import { createSnapshot } from '../../../worker/data-source/snapshot';
import { formatPeriod, formatValue, formatWhen, QUALIFIER_WORDS } from '../../../worker/format';
import { CARD_WORDS } from '../../../worker/language';
import { cardModel, frameHeight, renderCard, renderFallback, renderMissingCard } from '../../../worker/markup';
import { LANGS } from '../../../worker/schema';
import { assetText, builtManifest, data, HOSTILE, hasHostileMarkup, hostileData, ORIGIN, snapshot } from './support';

const snap = await snapshot;
const indicators = snap.indicators;
const cases = indicators.flatMap((i) => LANGS.map((lang) => [i.id, lang, i] as const));

/** Text content of an HTML fragment (tags dropped, the few entities we write decoded). */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('indicator cards', () => {
  it.each(cases)(
    '%s (%s): the card and its fallback carry the figure with its qualifier, label and source',
    (_, lang, i) => {
      const model = indicatorCard(i, lang, snap, ORIGIN);
      const card = text(renderCard(model));
      const fallback = text(renderFallback(model));
      for (const out of [card, fallback]) {
        expect(out).toContain(formatValue(i, lang));
        if (i.qualifier !== 'exact') expect(out).toContain(QUALIFIER_WORDS[lang][i.qualifier]);
        expect(out).toContain(i.source.publisher[lang]);
      }
      // A target card is headed by its target's label; every other card by its own.
      const labelled = model.type === 'target' && i.kind === 'progress' ? snap.indicator(i.relations!.towards!)! : i;
      expect(card).toContain(labelled.label[lang]);
      expect(fallback).toContain(labelled.label[lang]);
    },
  );

  it.each(cases)('%s (%s): the date is shown where the card has one, as <time datetime>', (_, lang, i) => {
    const model = indicatorCard(i, lang, snap, ORIGIN);
    if (model.type !== 'target') {
      expect(model.when?.text).toBe(formatWhen(i, lang));
      const html = renderFallback(model);
      expect(html).toContain(`<time datetime="${i.asOf ?? i.period.split('/')[0]}">${formatWhen(i, lang)}</time>`);
    } else {
      // Targets are headed by their period instead (as in the widget).
      expect(text(renderCard(model))).toMatch(lang === 'zh' ? /目标 · \d{4}年/ : /Target · \d{4}/);
    }
  });

  it('picks the widget card type from unit and kind', () => {
    for (const i of indicators) {
      const expected =
        i.unit === 'rank'
          ? 'rank'
          : i.kind === 'target' || (i.kind === 'progress' && i.relations?.towards)
            ? 'target'
            : 'number';
      expect(indicatorCardType(i)).toBe(expected);
    }
    expect(new Set(indicators.map(indicatorCardType))).toEqual(new Set(['number', 'target', 'rank']));
  });

  // Every so-far figure the article links to a target, from the data.
  const pairs = indicators
    .filter((i) => i.relations?.towards)
    .map((p) => [p.id, p, snap.indicator(p.relations!.towards!)!] as const);

  it('the data has so-far figures towards targets, comparable and not', () => {
    expect(pairs.some(([, p, t]) => comparable(p, t))).toBe(true);
    expect(pairs.some(([, p, t]) => !comparable(p, t))).toBe(true);
  });

  it.each(pairs)('target of %s: both figures, a bar only when they count the same thing', (_, p, t) => {
    for (const lang of LANGS) {
      const model = indicatorCard(t, lang, snap, ORIGIN);
      expect(model.type).toBe('target');
      expect(model.progressId).toBe(p.id);
      expect(model.pair?.map((x) => x.figure.text)).toEqual([formatValue(t, lang), formatValue(p, lang)]);
      const html = renderCard(model);
      if (comparable(p, t)) {
        expect(html).toContain(
          `<progress max="${t.value}" value="${Math.min(p.value, t.value)}" aria-labelledby="pl" part="progress"></progress>`,
        );
        expect(model.progress!.note).toContain(`${Math.round((100 * p.value) / t.value)}%`);
      } else {
        expect(html).not.toContain('<progress');
        expect(text(html)).toContain(p.label[lang]);
      }
      // The so-far figure's own card draws the same target card, without needing the attribute.
      const own = indicatorCard(p, lang, snap, ORIGIN);
      expect(own.pair).toEqual(model.pair);
      expect(own.progressId).toBeUndefined();
    }
  });

  it('a rank says whom it ranks against', () => {
    const ranks = indicators.filter((i) => i.unit === 'rank');
    expect(ranks.length).toBeGreaterThan(0);
    for (const i of ranks) {
      for (const lang of LANGS) {
        const model = indicatorCard(i, lang, snap, ORIGIN);
        expect(model.type).toBe('rank');
        if (i.relations?.scope) expect(model.note).toBe(`${CARD_WORDS[lang].scope}${i.relations.scope[lang]}`);
      }
    }
  });
});

describe('dataset cards', () => {
  it.each(data.datasets.flatMap((d) => LANGS.map((lang) => [d.id, lang, d] as const)))(
    '%s (%s): one row per figure in card and fallback',
    (_, lang, d) => {
      const model = datasetCard(d, lang, ORIGIN);
      for (const html of [renderCard(model), renderFallback(model)]) {
        expect(html.match(/<li>/g)).toHaveLength(d.indicators.length);
        for (const i of d.indicators) expect(text(html)).toContain(formatValue(i, lang));
        expect(text(html)).toContain(d.title[lang]);
        expect(html).toContain(`href="${ORIGIN}${lang === 'en' ? '/en' : ''}/datasets/${d.id}"`);
        // Its date: when the dataset was last updated.
        expect(html).toContain(
          `<time datetime="${d.modified}">${CARD_WORDS[lang].updated}${formatPeriod(d.modified, lang)}</time>`,
        );
      }
    },
  );
});

describe('sparkline', () => {
  const platforms = snap.indicator('platforms-total')!;
  /** The snapshot as live data serves it: the same figures, and a series of three observations of platforms-total. */
  const live = Object.assign(Object.create(snap) as typeof snap, {
    series: (id: string) =>
      id === 'platforms-total'
        ? [
            { period: '2023-03-31', value: 708 },
            { period: '2023-06-30', value: 715 },
            { period: '2023-09-30', value: 730 },
          ]
        : [{ period: '2023-03-31', value: 1 }],
  });

  it.each(LANGS)('(%s) is drawn on the card from a live series and stated in the fallback', (lang) => {
    const model = cardModel(platforms, lang, live, ORIGIN);
    const words = lang === 'zh' ? '走势：708家 → 730家' : 'Trend: 708 → 730';
    expect(model.trend).toEqual({ points: '0,22 50,15.6 100,2', label: words });
    expect(renderCard(model)).toContain(
      `<svg class="trend" part="trend" viewBox="0 0 100 24" preserveAspectRatio="none" role="img" aria-label="${words}"><polyline points="0,22 50,15.6 100,2" vector-effect="non-scaling-stroke"></polyline></svg>`,
    );
    expect(renderFallback(model)).toContain(`<p><small>${words}</small></p>`);
    // The iframe is offered room for the line (where the card is taller than its reserved minimum).
    const plain = cardModel(platforms, lang, snap, ORIGIN);
    for (const width of [400, 200]) expect(frameHeight(model, width)).toBeGreaterThanOrEqual(frameHeight(plain, width));
    // 1.5em for the line and a gap, rounded to 10 px.
    expect(
      frameHeight({ ...model, label: model.label.repeat(6) }) - frameHeight({ ...plain, label: plain.label.repeat(6) }),
    ).toBeGreaterThanOrEqual(20);
  });

  it('rises as a rank improves (gets smaller)', () => {
    const rank = snap.indicator('little-giants-national-rank')!;
    const model = indicatorCard(
      {
        ...rank,
        series: [
          ['2022', 20],
          ['2023', 17],
        ],
      },
      'zh',
      snap,
      ORIGIN,
    );
    expect(model.trend).toEqual({ points: '0,22 100,2', label: '走势：第20位 → 第17位' });
  });

  it('is not drawn for one observation, for the bundled data, or on a dataset card', () => {
    expect(cardModel(snap.indicator('little-giants')!, 'zh', live, ORIGIN).trend).toBeUndefined();
    expect(cardModel(platforms, 'zh', snap, ORIGIN).trend).toBeUndefined();
    expect(renderCard(cardModel(platforms, 'zh', snap, ORIGIN))).not.toContain('<svg');
    expect(cardModel(data.datasets[0]!, 'zh', live, ORIGIN).trend).toBeUndefined();
  });
});

describe('markup contract with the widget', () => {
  const models = [
    ...indicators.flatMap((i) => LANGS.map((lang) => indicatorCard(i, lang, snap, ORIGIN))),
    ...data.datasets.map((d) => datasetCard(d, 'zh', ORIGIN)),
    // With a sparkline.
    indicatorCard(
      {
        ...indicators[0]!,
        series: [
          ['2023', 1],
          ['2024', 2],
        ],
      },
      'zh',
      snap,
      ORIGIN,
    ),
  ];

  it('every structural class of the server card is styled by the built card stylesheet', async () => {
    const manifest = await builtManifest();
    if (!manifest)
      throw new Error('No dist/assets/widgets/manifest.json: run `node scripts/build.mjs` (npm test does) first.');
    const cardCss = await assetText(manifest.css);
    const missing = renderMissingCard({ kind: 'indicator', id: 'x', lang: 'zh', list: `${ORIGIN}/indicators` });
    const used = new Set(
      [...models.map((m) => renderCard(m)), missing].flatMap((html) =>
        [...html.matchAll(/class="([^"]+)"/g)].flatMap((c) => c[1]!.split(' ')),
      ),
    );
    const modifiers = new Set<string>([...CARD_TYPES, ...THEMES]);
    const structural = [...used].filter((c) => !modifiers.has(c));
    expect(structural.sort()).toEqual([
      'card',
      'foot',
      'label',
      'list',
      'missing',
      'note',
      'pair',
      'trend',
      'unit',
      'value',
      'zz',
    ]);
    for (const cls of structural) expect(cardCss).toMatch(new RegExp(`\\.${cls}\\b`));
    // Dark and auto themes are classes of the container, as in the widget.
    expect(cardCss).toMatch(/\.dark\s*\{/);
    expect(cardCss).toMatch(/\.auto\s*\{/);
  });

  it('the fallback uses no classes or ids (host CSS and repeated cards cannot clash)', () => {
    for (const m of models) expect(renderFallback(m)).not.toMatch(/\s(class|id|style)=/);
  });

  it('the fallback is a block per line of the card, the date and the source on lines of their own', () => {
    // The live card keeps the box its fallback took: one paragraph (or list item) per line it shows.
    for (const m of models) {
      const lines = renderFallback(m)
        .split('\n')
        .map((l) => l.trim());
      for (const line of lines) expect(line).toMatch(/^(<p>.*<\/p>|<li>.*<\/li>|<\/?ul>)$/);
      const last = lines.at(-1)!;
      expect(last).toMatch(/^<p><small>[^<]*<a href="[^"]+">[^<]+<\/a><\/small><\/p>$/);
      expect(text(last)).toBe(`${m.source.prefix}${m.source.publisher}`);
      if (m.when)
        expect(lines.at(-2)).toBe(`<p><small><time datetime="${m.when.datetime}">${m.when.text}</time></small></p>`);
      else expect(renderFallback(m)).not.toContain('<time');
    }
  });
});

describe('escaping', async () => {
  const hostile = await createSnapshot(hostileData());
  const i = hostile.indicator('platforms-total')!;
  const d = hostile.datasets.find((x) => x.indicators.includes(i))!;

  it.each(LANGS)('%s: a hostile label, unit, publisher and dataset title stay text', (lang) => {
    for (const model of [indicatorCard(i, lang, hostile, ORIGIN), datasetCard(d, lang, ORIGIN)]) {
      for (const html of [renderCard(model), renderFallback(model)]) {
        expect(hasHostileMarkup(html)).toBe(false);
        expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#39;&amp;&lt;/script&gt;');
        expect(text(html)).toContain(HOSTILE);
      }
    }
  });

  it('writes only http(s) source links', () => {
    const model = indicatorCard(snap.indicator('platforms-total')!, 'en', snap, ORIGIN);
    for (const href of ['javascript:alert(1)', 'data:text/html,x', 'not a url']) {
      const html =
        renderCard({ ...model, source: { ...model.source, href } }) +
        renderFallback({ ...model, source: { ...model.source, href } });
      expect(html).not.toContain('href=');
      expect(text(html)).toContain(model.source.publisher);
    }
  });
});
