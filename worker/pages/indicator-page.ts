import type { Snapshot } from '../data-source';
import { formatNumber } from '../format';
import { colon, fullStop, LANG_TAGS, listSeparator, SITE_WORDS, WORDS } from '../language';
import {
  absolute,
  apiDataset,
  apiDatasetCsv,
  apiIndicator,
  datasetPath,
  homePath,
  indicatorPath,
  oembedPath,
} from '../links';
import type { Indicator, Lang } from '../schema';
import { seriesSection } from './chart';
import { embedBuilder } from './embed-builder';
import type { PageEmbed } from './embed-code';
import { figureData, figureText, periodHtml, whenHtml } from './figures';
import { type Html, h } from './html';
import { formatLinks } from './landing';
import { feedLinks, indicatorFeedLinks, layout, type PageOptions } from './layout';
import { sourceQuote } from './quote';
import { detailSentences } from './sentences';

const link = (indicator: Indicator, lang: Lang): Html =>
  h`<a href="${indicatorPath(indicator.id, lang)}">${indicator.label[lang]}</a>`;

const list = (items: Html[], lang: Lang): Html =>
  h`${items.map((item, n) => h`${n ? listSeparator(lang) : ''}${item}`)}`;

/**
 * The relations the article states, both ways: what this figure is part of,
 * aims at or ranks, and which figures are part of it, count towards it or rank it.
 */
function relations(indicator: Indicator, snapshot: Snapshot, lang: Lang): Html {
  const w = WORDS[lang];
  const rel = indicator.relations ?? {};
  const to = (id: string | undefined) => (id === undefined ? undefined : snapshot.indicator(id));
  const from = (name: 'partOf' | 'towards' | 'ranks') =>
    snapshot.indicators.filter((i) => i.relations?.[name] === indicator.id);
  const rows: [string, Html][] = [];
  const partOf = to(rel.partOf);
  if (partOf) rows.push([w.partOf, link(partOf, lang)]);
  const towards = to(rel.towards);
  if (towards) rows.push([w.towards, link(towards, lang)]);
  const ranks = to(rel.ranks);
  if (ranks) rows.push([w.ranks, link(ranks, lang)]);
  if (rel.scope) rows.push([w.scope, h`${rel.scope[lang]}`]);
  const parts = from('partOf');
  if (parts.length)
    rows.push([
      w.parts,
      list(
        parts.map((i) => link(i, lang)),
        lang,
      ),
    ]);
  const progress = from('towards');
  if (progress.length)
    rows.push([
      w.progress,
      list(
        progress.map((i) => link(i, lang)),
        lang,
      ),
    ]);
  const rankedBy = from('ranks');
  if (rankedBy.length)
    rows.push([
      w.rankedBy,
      list(
        rankedBy.map((i) => link(i, lang)),
        lang,
      ),
    ]);
  if (!rows.length) return h``;
  return h`<section aria-labelledby="relations">
<h2 id="relations">${w.relations}</h2>
<dl class="facts">
${rows.map(([term, value]) => h`<dt>${term}</dt><dd>${value}</dd>\n`)}</dl>
</section>
`;
}

/**
 * `/indicators/:id`: everything about one figure: the value in base units,
 * unit, qualifier, kind, measure, period and as-of date, relations, the
 * verbatim quote, downloads, and the embed code with a copy button.
 */
export function indicatorPage(
  snapshot: Snapshot,
  indicator: Indicator,
  embed: PageEmbed,
  { lang, origin }: PageOptions,
): Html {
  const w = WORDS[lang];
  const { meta } = snapshot;
  const dataset = snapshot.dataset(indicator.dataset)!;
  const label = indicator.label[lang];
  const at = (l: Lang) => indicatorPath(indicator.id, l);
  const feeds = feedLinks(dataset.id, lang);
  const ownFeeds = indicatorFeedLinks(indicator.id, lang);
  const oembed = absolute(origin, oembedPath(absolute(origin, at(lang))));
  const main = h`<h1>${label}</h1>
<p class="figure">${figureData(indicator, lang)}</p>
<p class="muted">${whenHtml(indicator, lang)} · ${w.kinds[indicator.kind]}</p>
${indicator.description ? h`<p>${indicator.description[lang]}</p>\n` : ''}${seriesSection(indicator, snapshot, lang)}<section aria-labelledby="details">
<h2 id="details">${w.details}</h2>
${detailSentences(indicator, lang)}
<details class="codes">
<summary>${SITE_WORDS[lang].codes}</summary>
<dl class="facts">
<dt>${w.identifier}</dt><dd><code>${indicator.id}</code></dd>
<dt>${w.dataset}</dt><dd><a href="${datasetPath(dataset.id, lang)}">${dataset.title[lang]}</a></dd>
<dt>${w.valueBase}</dt><dd><data value="${indicator.value}">${formatNumber(indicator.value, lang)}</data></dd>
<dt>${w.unit}</dt><dd>${w.units[indicator.unit]} · ${indicator.unitLabel[lang]} <code>${indicator.unit}</code></dd>
<dt>${w.qualifier}</dt><dd>${w.qualifiers[indicator.qualifier]} <code>${indicator.qualifier}</code></dd>
<dt>${w.kind}</dt><dd>${w.kinds[indicator.kind]} <code>${indicator.kind}</code></dd>
<dt>${w.measure}</dt><dd>${w.measures[indicator.measure]} <code>${indicator.measure}</code></dd>
<dt>${w.period}</dt><dd>${periodHtml(indicator.period, lang)} <code>${indicator.period}</code></dd>
${indicator.asOf ? h`<dt>${w.asOf}</dt><dd>${periodHtml(indicator.asOf, lang)} <code>${indicator.asOf}</code></dd>\n` : ''}<dt>${w.originalFigure}</dt><dd lang="${LANG_TAGS.zh}">${indicator.figure}</dd>
</dl>
</details>
</section>
${relations(indicator, snapshot, lang)}<section aria-labelledby="source">
<h2 id="source">${w.source}</h2>
${sourceQuote(indicator.source, lang)}
</section>
<section aria-labelledby="get-data">
<h2 id="get-data">${w.getData}</h2>
<ul class="links">
<li><a href="${apiIndicator(indicator.id)}" type="application/json">${w.indicatorJson}</a></li>
<li><a href="${datasetPath(dataset.id, lang)}">${w.datasetPage}${colon(lang)}${dataset.title[lang]}</a></li>
<li>${w.feedIndicator}${colon(lang)}${ownFeeds.map((f, n) => h`${n ? ' · ' : ''}<a href="${f.href}" type="${f.type}">${f.format}</a>`)}</li>
</ul>
${formatLinks(lang, apiDataset(dataset.id), apiDatasetCsv(dataset.id), feeds)}
</section>
${embedBuilder(indicator, embed, embed.variants, lang)}`;
  return layout({
    lang,
    origin,
    meta,
    at,
    title: [`${label}${colon(lang)}${figureText(indicator, lang)}`, label],
    description: `${label}${colon(lang)}${figureText(indicator, lang)}${fullStop(lang)}${indicator.description?.[lang] ?? dataset.description[lang]}`,
    crumbs: [
      { href: homePath(lang), text: w.home },
      { href: datasetPath(dataset.id, lang), text: dataset.title[lang] },
      { text: label },
    ],
    feeds: [
      { title: `${label} · ${meta.title[lang]}`, links: ownFeeds },
      { title: `${dataset.title[lang]} · ${meta.title[lang]}`, links: feeds },
    ],
    head: h`<link rel="alternate" type="application/json+oembed" href="${oembed}" title="${label}">\n`,
    script: true,
    main,
  });
}
