import type { Snapshot } from '../data-source';
import { LANG_TAGS, WORDS } from '../language';
import { apiDataset, apiDatasetCsv, datasetPath, homePath, indicatorPath } from '../links';
import type { Dataset, Indicator, Lang } from '../schema';
import { embedBuilder } from './embed-builder';
import type { PageEmbed } from './embed-code';
import { figureData, periodHtml, whenHtml } from './figures';
import { type Html, h } from './html';
import { datasetPageJsonLd } from './json-ld';
import { formatLinks } from './landing';
import { feedLinks, layout, type PageOptions, sourceLine } from './layout';
import { sourceQuote } from './quote';

function figureItem(indicator: Indicator, lang: Lang): Html {
  const w = WORDS[lang];
  return h`<li id="${indicator.id}">
<h3><a href="${indicatorPath(indicator.id, lang)}">${indicator.label[lang]}</a></h3>
<p class="figure">${figureData(indicator, lang)}</p>
<dl class="facts">
<dt>${w.when}</dt><dd>${whenHtml(indicator, lang)}</dd>
<dt>${w.kind}</dt><dd>${w.kinds[indicator.kind]} · ${w.measures[indicator.measure]}</dd>
<dt>${w.originalFigure}</dt><dd lang="${LANG_TAGS.zh}">${indicator.figure}</dd>
</dl>
${sourceQuote(indicator.source, lang)}
</li>
`;
}

/**
 * `/datasets/:id`: the dataset's permalink. Every figure with its qualifier,
 * date and the verbatim sentence it comes from, and where to download it.
 */
export function datasetPage(
  snapshot: Snapshot,
  dataset: Dataset,
  { lang, origin }: PageOptions,
  embed?: PageEmbed,
): Html {
  const w = WORDS[lang];
  const { meta } = snapshot;
  const title = dataset.title[lang];
  const feeds = feedLinks(dataset.id);
  const main = h`<h1>${title}</h1>
<p class="lede">${dataset.description[lang]}</p>
<dl class="facts">
<dt>${w.identifier}</dt><dd><code>${dataset.id}</code></dd>
<dt>${w.indicators}</dt><dd>${w.indicatorCount(dataset.indicators.length)}</dd>
<dt>${w.issued}</dt><dd>${periodHtml(dataset.issued, lang)}</dd>
<dt>${w.modified}</dt><dd>${periodHtml(dataset.modified, lang)}</dd>
<dt>${w.source}</dt><dd>${sourceLine(meta, lang)}</dd>
<dt>${w.license}</dt><dd><a rel="license" href="${meta.license.url}">${meta.license.name}</a></dd>
</dl>
<section aria-labelledby="get-data">
<h2 id="get-data">${w.getData}</h2>
${formatLinks(lang, apiDataset(dataset.id), apiDatasetCsv(dataset.id), feeds)}
</section>
<section aria-labelledby="figures">
<h2 id="figures">${w.indicators}</h2>
<ol class="figures">
${dataset.indicators.map((i) => figureItem(i, lang))}</ol>
</section>
${embed ? embedBuilder(dataset, embed, embed.variants, lang) : ''}`;
  return layout({
    lang,
    origin,
    meta,
    at: (l) => datasetPath(dataset.id, l),
    title,
    description: dataset.description[lang],
    crumbs: [{ href: homePath(lang), text: w.home }, { text: title }],
    feeds: [{ title: `${title} · ${meta.title[lang]}`, links: feeds }],
    jsonLd: datasetPageJsonLd(dataset, meta, lang, origin),
    script: embed !== undefined,
    main,
  });
}
