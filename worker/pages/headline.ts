/**
 * The landing page's headline figures: the few numbers a visitor came for, as cards before the tables. Each card
 * names its figure, says when it stands, and links the indicator page; a ranking shows beside the count it ranks, a
 * target with its progress bar (or its so-far figure where the two cannot be compared).
 */
import type { Snapshot } from '../data-source';
import { formatValue, formatWhen, unitWord } from '../format';
import { SITE_WORDS } from '../language';
import { indicatorPath } from '../links';
import type { Indicator, Lang } from '../schema';
import { progressCompact, targetPair } from './chart';
import { timeText } from './figures';
import { type Html, h } from './html';

/**
 * The headline figures, most asked-for first: every platform, the national little giants and their rank, last
 * year's technology-contract turnover, and the key 2023 targets. A figure the data no longer has is left out.
 */
export const HEADLINE_IDS: readonly string[] = [
  'platforms-total',
  'little-giants',
  'tech-contract-turnover-2022',
  'achievement-transfer-target',
  'tech-contract-turnover-growth-target',
  'rd-spending-growth-target',
];

/** The big number of a card: `708家` / `708` with `platforms` beside it. */
function bigFigure(indicator: Indicator, lang: Lang): Html {
  const word = unitWord(indicator, lang);
  return h`<p class="card-figure"><data value="${indicator.value}">${formatValue(indicator, lang)}</data>${
    word ? h` <span class="card-unit">${word}</span>` : ''
  }</p>`;
}

function card(indicator: Indicator, snapshot: Snapshot, lang: Lang): Html {
  const id = `headline-${indicator.id}`;
  const rank = snapshot.indicators.find((i) => i.unit === 'rank' && i.relations?.ranks === indicator.id);
  const pair = indicator.kind === 'target' ? targetPair(indicator, snapshot) : undefined;
  const w = SITE_WORDS[lang];
  return h`<li class="card" id="${id}">
<h3 class="card-label"><a href="${indicatorPath(indicator.id, lang)}">${indicator.label[lang]}</a></h3>
${bigFigure(indicator, lang)}
<p class="card-when">${indicator.kind === 'target' ? h`${w.target} · ` : ''}${timeText(indicator.asOf ?? indicator.period, formatWhen(indicator, lang))}</p>
${
  rank
    ? h`<p class="card-rank"><a href="${indicatorPath(rank.id, lang)}">${w.rankText(rank.relations?.scope?.[lang], formatValue(rank, lang))}</a></p>\n`
    : ''
}${pair ? h`${progressCompact(pair.target, pair.progress, lang, `${id}-progress`)}\n` : ''}</li>
`;
}

/** The cards section; empty when none of the headline figures is published. */
export function headlineCards(snapshot: Snapshot, lang: Lang): Html {
  const figures = HEADLINE_IDS.flatMap((id) => snapshot.indicator(id) ?? []);
  if (!figures.length) return h``;
  const w = SITE_WORDS[lang];
  return h`<section class="headline" aria-labelledby="headline">
<h2 id="headline">${w.headline}</h2>
<p class="muted">${w.headlineLede}</p>
<ul class="cards">
${figures.map((i) => card(i, snapshot, lang))}</ul>
</section>
`;
}
