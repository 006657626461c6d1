/**
 * Charts drawn on the server as inline SVG: no script, no external asset, no `style` attribute (the page CSP allows
 * none), so they work everywhere the page does. Colours come from the stylesheet's custom properties through classes
 * (`currentColor` where a class cannot reach), so a chart follows light, dark and print like the text around it.
 *
 * Every chart is a `<figure>` with a `<figcaption>`; the SVG is `role="img"` named by the caption and a one-sentence
 * summary, and a data table beside it carries every value for screen readers and for copying.
 */
import { comparable } from '../card';
import type { Snapshot } from '../data-source';
import { formatPeriod, formatValue, formatWhen, unitWord } from '../format';
import { colon, LANG_TAGS, paren, SITE_WORDS } from '../language';
import { indicatorPath } from '../links';
import type { Indicator, Lang, Qualifier } from '../schema';
import type { LiveSnapshot } from '../store';
import { timeText } from './figures';
import { type Html, h } from './html';

/** One observation of an indicator: the figure that stands for one reference period. */
export interface ChartPoint {
  period: string;
  asOf?: string;
  value: number;
  qualifier: Qualifier;
}

/**
 * An indicator's observations, oldest period first: the live log's series where the snapshot has one
 * (`LiveSnapshot.series`), else the one observation the indicator carries (the bundled data).
 */
export function seriesOf(snapshot: Snapshot, indicator: Indicator): ChartPoint[] {
  const live = 'series' in snapshot ? (snapshot as LiveSnapshot).series(indicator.id) : undefined;
  const points: readonly ChartPoint[] = live?.length ? live : [indicator];
  return points.map(({ period, asOf, value, qualifier }) => ({ period, value, qualifier, ...(asOf ? { asOf } : {}) }));
}

/** A point as a figure in words, with the indicator's unit: `708家`, `at least 12%`. */
const pointText = (indicator: Indicator, point: ChartPoint, lang: Lang): string => {
  const figure = { ...indicator, value: point.value, qualifier: point.qualifier };
  const word = unitWord(figure, lang);
  return word ? `${formatValue(figure, lang)} ${word}` : formatValue(figure, lang);
};

// Geometry of a series chart, in SVG user units; the SVG scales to its box (on a 390 px phone to about 0.7, so text
// stays near 10 px).
const W = 520;
const H = 280;
const LEFT = 64;
const RIGHT = 20;
const TOP = 36;
const BOTTOM = 52;
const PLOT_W = W - LEFT - RIGHT;
const PLOT_H = H - TOP - BOTTOM;
/** At most this many points are drawn as bars; more make a line. */
export const MAX_BARS = 4;

/** Rounds away floating-point noise in tick values and coordinates. */
const round = (n: number, digits = 2) => Number(n.toFixed(digits));

/** A step of 1, 2, 2.5 or 5 times a power of ten that cuts `span` into about `count` parts. */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const n = raw / magnitude;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10) * magnitude;
}

/** The value axis: domain with zero in it (ranks from 1), and its ticks. */
export function valueAxis(values: number[], rank: boolean): { lo: number; hi: number; ticks: number[] } {
  const floor = rank ? 1 : Math.min(0, ...values);
  const top = Math.max(rank ? 1 : 0, ...values);
  const step = niceStep(top - floor || 1, 4);
  const lo = rank ? 1 : Math.floor(floor / step) * step;
  const hi = Math.max(Math.ceil(top / step) * step, lo + step);
  const ticks: number[] = rank ? [1] : [];
  for (let t = rank ? step : lo; t <= hi + step / 2; t += step) if (!rank || t > 1) ticks.push(round(t, 6));
  return { lo, hi, ticks };
}

/** A tick label: a short number (`300亿`, `30B`, `12%`, `17`). */
function tickText(value: number, indicator: Indicator, lang: Lang): string {
  const text = new Intl.NumberFormat(LANG_TAGS[lang], { notation: 'compact', maximumFractionDigits: 1 }).format(value);
  return indicator.unit === 'percent' ? `${text}%` : text;
}

/** How wide a period label is, roughly, in user units at 14 px (a CJK character is a full em, others about half), plus a gap. */
const labelWidth = (period: string, lang: Lang) =>
  [...formatPeriod(period, lang)].reduce((sum, ch) => sum + (/[\u3000-\u9fff]/.test(ch) ? 14 : 7.4), 0) + 12;

/** Which points get an x-axis label: all if they fit, else evenly spaced ones, the first and last always. */
export function labelledPoints(periods: string[], lang: Lang): number[] {
  const n = periods.length;
  const widest = Math.max(...periods.map((p) => labelWidth(p, lang)));
  const fit = Math.max(2, Math.floor(PLOT_W / widest));
  if (n <= fit) return periods.map((_, i) => i);
  const every = Math.ceil((n - 1) / (fit - 1));
  const picked = periods.map((_, i) => i).filter((i) => i % every === 0);
  if (picked.at(-1) !== n - 1) {
    if ((n - 1 - picked.at(-1)!) * (PLOT_W / n) < widest) picked.pop();
    picked.push(n - 1);
  }
  return picked;
}

/** A chart id unique on the page: `chart-<indicator id>`. */
const chartId = (indicator: Indicator) => `chart-${indicator.id}`;

/** The data table beside a chart: every period with its figure (qualifier in words) and as-of date. */
export function seriesTable(indicator: Indicator, points: ChartPoint[], lang: Lang): Html {
  const w = SITE_WORDS[lang];
  const asOf = points.some((p) => p.asOf);
  // Scrolls inside its own focusable box on a narrow phone, never the page; dates never break.
  return h`<div class="table-wrap" tabindex="0"><table class="chart-data">
<caption>${w.tableCaption(indicator.label[lang])}</caption>
<thead><tr><th scope="col">${w.colPeriod}</th><th scope="col">${w.colValue}</th>${asOf ? h`<th scope="col">${w.colAsOf}</th>` : ''}</tr></thead>
<tbody>
${points.map(
  (p) =>
    h`<tr><th scope="row">${timeText(p.period, formatPeriod(p.period, lang))}</th><td class="num"><data value="${p.value}">${pointText(indicator, p, lang)}</data></td>${
      asOf ? h`<td>${p.asOf ? timeText(p.asOf, formatPeriod(p.asOf, lang)) : ''}</td>` : ''
    }</tr>\n`,
)}</tbody>
</table></div>`;
}

/** The SVG of a series: bars for a few points, a line for more; qualified figures drawn open. */
export function seriesSvg(indicator: Indicator, points: ChartPoint[], lang: Lang, labelledBy: string): Html {
  const w = SITE_WORDS[lang];
  const rank = indicator.unit === 'rank';
  const { lo, hi, ticks } = valueAxis(
    points.map((p) => p.value),
    rank,
  );
  // Ranks read downwards: first place at the top.
  const y = (v: number) => round(rank ? TOP + ((v - lo) / (hi - lo)) * PLOT_H : TOP + ((hi - v) / (hi - lo)) * PLOT_H);
  const band = PLOT_W / points.length;
  const x = (i: number) => round(LEFT + band * (i + 0.5));
  const bars = points.length <= MAX_BARS && !rank;
  const labelled = new Set(
    labelledPoints(
      points.map((p) => p.period),
      lang,
    ),
  );
  const base = y(rank ? lo : Math.max(lo, Math.min(0, hi)));
  const open = (p: ChartPoint) => (p.qualifier === 'exact' ? '' : ' open');
  const grid = ticks.map(
    (t) =>
      h`<line class="chart-grid" x1="${LEFT}" x2="${W - RIGHT}" y1="${y(t)}" y2="${y(t)}" stroke="currentColor" stroke-width="1"></line><text class="chart-tick" x="${LEFT - 8}" y="${y(t) + 4}" text-anchor="end" fill="currentColor" font-size="14">${tickText(t, indicator, lang)}</text>\n`,
  );
  const xLabels = points.map((p, i) =>
    labelled.has(i)
      ? h`<text class="chart-tick" x="${x(i)}" y="${H - BOTTOM + 20}" text-anchor="middle" fill="currentColor" font-size="14">${formatPeriod(p.period, lang)}</text>\n`
      : '',
  );
  let marks: Html;
  if (bars) {
    const width = round(Math.min(band * 0.6, 96));
    marks = h`${points.map((p, i) => {
      const top = Math.min(y(p.value), base);
      const height = Math.max(round(Math.abs(y(p.value) - base)), 1);
      return h`<rect class="chart-bar${open(p)}" x="${round(x(i) - width / 2)}" y="${top}" width="${width}" height="${height}" fill="currentColor" stroke="currentColor" stroke-width="2"></rect><text class="chart-value" x="${x(i)}" y="${round(top - 8)}" text-anchor="middle" fill="currentColor" font-size="14" font-weight="700">${pointText(indicator, p, lang)}</text>\n`;
    })}`;
  } else {
    const line = points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ');
    const last = points.length - 1;
    marks = h`<polyline class="chart-line" points="${line}" fill="none" stroke="currentColor" stroke-width="3" stroke-linejoin="round" stroke-linecap="round"></polyline>
${points.map(
  (p, i) =>
    h`<circle class="chart-dot${open(p)}" cx="${x(i)}" cy="${y(p.value)}" r="5.5" fill="currentColor" stroke="currentColor" stroke-width="2.5"></circle>\n`,
)}<text class="chart-value" x="${x(last)}" y="${round(y(points[last]!.value) - 12)}" text-anchor="${points.length > 1 ? 'end' : 'middle'}" fill="currentColor" font-size="14" font-weight="700">${pointText(indicator, points[last]!, lang)}</text>\n`;
  }
  return h`<svg class="chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-labelledby="${labelledBy}" focusable="false">
<text class="chart-axis" x="${LEFT - 8}" y="18" fill="currentColor" font-size="14">${w.axisValue(indicator)}</text>
<text class="chart-axis" x="${W - RIGHT}" y="${H - 6}" text-anchor="end" fill="currentColor" font-size="14">${w.axisPeriod}</text>
${grid}<line class="chart-baseline" x1="${LEFT}" x2="${W - RIGHT}" y1="${base}" y2="${base}" stroke="currentColor" stroke-width="1.5"></line>
${xLabels}${marks}</svg>`;
}

/**
 * The series of an indicator as a figure: caption, chart, a legend for qualified figures, and the data table. One
 * observation gives a single-value display instead of an empty chart.
 */
export function seriesFigure(indicator: Indicator, points: ChartPoint[], lang: Lang): Html {
  const w = SITE_WORDS[lang];
  const id = chartId(indicator);
  if (points.length < 2) {
    const p = points[0] ?? indicator;
    return h`<figure class="single" id="${id}">
<figcaption id="${id}-caption">${w.chartCaption(indicator.label[lang])}</figcaption>
<p class="single-value"><data value="${p.value}">${pointText(indicator, p, lang)}</data> <span class="muted">${timeText(p.asOf ?? p.period, formatWhen(p, lang))}</span></p>
<p class="muted">${w.singleNote}</p>
</figure>`;
  }
  const first = points[0]!;
  const last = points.at(-1)!;
  const summary = w.chartSummary(
    points.length,
    [formatPeriod(first.period, lang), pointText(indicator, first, lang)],
    [formatPeriod(last.period, lang), pointText(indicator, last, lang)],
  );
  const qualified = points.some((p) => p.qualifier !== 'exact');
  return h`<figure class="chart-figure" id="${id}">
<figcaption id="${id}-caption">${w.chartCaption(indicator.label[lang])}</figcaption>
<p class="muted" id="${id}-summary">${summary}</p>
${seriesSvg(indicator, points, lang, `${id}-caption ${id}-summary`)}
${qualified ? h`<p class="chart-note">${legendMark(points.length <= MAX_BARS && indicator.unit !== 'rank')} ${w.qualifiedNote}</p>\n` : ''}${seriesTable(indicator, points, lang)}
</figure>`;
}

/** The open marker of the legend, drawn like the chart's: a dashed bar or an open dot. */
const legendMark = (bars: boolean): Html =>
  h`<svg class="legend" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">${
    bars
      ? h`<rect class="chart-bar open" x="2" y="2" width="12" height="12" fill="none" stroke="currentColor" stroke-width="2"></rect>`
      : h`<circle class="chart-dot open" cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" stroke-width="2.5"></circle>`
  }</svg>`;

/** The target an indicator counts towards, and the so-far figure that counts towards a target, as a pair. */
export function targetPair(
  indicator: Indicator,
  snapshot: Snapshot,
): { target: Indicator; progress: Indicator } | undefined {
  if (indicator.kind === 'progress' && indicator.relations?.towards) {
    const target = snapshot.indicator(indicator.relations.towards);
    return target ? { target, progress: indicator } : undefined;
  }
  if (indicator.kind !== 'target') return undefined;
  const progress = snapshot.indicators.find((i) => i.relations?.towards === indicator.id);
  return progress ? { target: indicator, progress } : undefined;
}

/** The share of the target reached, rounded: `27%`. */
export const shareText = (progress: Indicator, target: Indicator): string =>
  `${Math.round((100 * progress.value) / target.value)}%`;

/** The progress bar alone (SVG, 640 × 40): track, filled share, the share in words at its end. */
export function progressSvg(progress: Indicator, target: Indicator, labelledBy: string): Html {
  const share = Math.min(1, Math.max(0, progress.value / target.value));
  const width = 600;
  return h`<svg class="progress" viewBox="0 0 ${width} 28" width="${width}" height="28" role="img" aria-labelledby="${labelledBy}" focusable="false" preserveAspectRatio="none">
<rect class="progress-track" x="0" y="2" width="${width}" height="24" rx="4" fill="none" stroke="currentColor" stroke-width="2"></rect>
<rect class="progress-fill" x="0" y="2" width="${round(width * share)}" height="24" rx="4" fill="currentColor"></rect>
</svg>`;
}

/**
 * Progress towards a target: a bar with the figure where the so-far figure counts the same thing as the target
 * (27 of 100 transfers), the two side by side where it does not (an amount against a growth rate).
 */
export function progressFigure(target: Indicator, progress: Indicator, lang: Lang, idSuffix = ''): Html {
  const w = SITE_WORDS[lang];
  const id = `progress-${target.id}${idSuffix}`;
  const caption = h`<figcaption id="${id}-caption">${w.progressCaption(target.label[lang])}</figcaption>`;
  if (!comparable(progress, target)) {
    return h`<figure class="progress-figure" id="${id}">
${caption}
<p>${w.target}${colon(lang)}<a href="${indicatorPath(target.id, lang)}">${formatValue(target, lang)}</a>${paren(lang, formatWhen(target, lang))}</p>
<p>${w.progressApart(pointText(progress, progress, lang), progress.label[lang], formatWhen(progress, lang))}</p>
<p class="muted">${w.progressNotComparable}</p>
</figure>`;
  }
  const text = w.progressText(
    pointText(progress, progress, lang),
    pointText(target, target, lang),
    shareText(progress, target),
  );
  return h`<figure class="progress-figure" id="${id}">
${caption}
<p class="progress-text" id="${id}-text"><data value="${progress.value}">${text}</data></p>
${progressSvg(progress, target, `${id}-caption ${id}-text`)}
</figure>`;
}

/** Progress on a headline card: the bar with one line of text, or the so-far figure alone when not comparable. */
export function progressCompact(target: Indicator, progress: Indicator, lang: Lang, id: string): Html {
  const w = SITE_WORDS[lang];
  if (!comparable(progress, target))
    return h`<p class="progress-text">${w.progressApart(pointText(progress, progress, lang), progress.label[lang], formatWhen(progress, lang))}</p>`;
  const text = w.progressText(
    pointText(progress, progress, lang),
    pointText(target, target, lang),
    shareText(progress, target),
  );
  return h`<p class="progress-text" id="${id}"><data value="${progress.value}">${text}</data></p>
${progressSvg(progress, target, id)}`;
}

/** A ranking shown as a rank: the place large, the scope and what is ranked beside it. */
export function rankFigure(indicator: Indicator, snapshot: Snapshot, lang: Lang): Html {
  const w = SITE_WORDS[lang];
  const ranked = indicator.relations?.ranks ? snapshot.indicator(indicator.relations.ranks) : undefined;
  const scope = indicator.relations?.scope?.[lang];
  return h`<figure class="rank-figure" id="rank-${indicator.id}">
<figcaption>${w.rankCaption}</figcaption>
<p class="rank"><span class="rank-place"><data value="${indicator.value}">${formatValue(indicator, lang)}</data></span>${
    scope ? h` <span class="rank-scope">${scope}</span>` : ''
  }</p>
${ranked ? h`<p>${w.rankOf}${colon(lang)}<a href="${indicatorPath(ranked.id, lang)}">${ranked.label[lang]}</a> · ${formatValue(ranked, lang)}</p>\n` : ''}<p class="muted">${timeText(indicator.asOf ?? indicator.period, formatWhen(indicator, lang))}</p>
</figure>`;
}

/**
 * The indicator page's chart section: the rank as a rank, progress towards the target, and the series (a chart from
 * two observations on; one observation is a single-value display unless a rank or a progress bar already shows it).
 */
export function seriesSection(indicator: Indicator, snapshot: Snapshot, lang: Lang): Html {
  const points = seriesOf(snapshot, indicator);
  const pair = targetPair(indicator, snapshot);
  const rank = indicator.unit === 'rank';
  const parts: Html[] = [];
  if (rank) parts.push(rankFigure(indicator, snapshot, lang));
  if (pair) parts.push(progressFigure(pair.target, pair.progress, lang));
  if (points.length >= 2 || (!rank && !pair)) parts.push(seriesFigure(indicator, points, lang));
  return h`<section aria-labelledby="series">
<h2 id="series">${SITE_WORDS[lang].seriesHeading}</h2>
${parts.map((p) => h`${p}\n`)}</section>
`;
}
