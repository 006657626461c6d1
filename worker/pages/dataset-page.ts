import type { Snapshot } from '../data-source';
import { colon, LANG_TAGS, SITE_WORDS, WORDS } from '../language';
import { apiDataset, apiDatasetCsv, datasetPath, homePath, indicatorPath } from '../links';
import type { Dataset, Indicator, Lang } from '../schema';
import { embedBuilder } from './embed-builder';
import type { PageEmbed } from './embed-code';
import { DATASET_PAGE_FIGURES, figureData, periodHtml, whenHtml } from './figures';
import { type Html, h } from './html';
import { datasetPageJsonLd } from './json-ld';
import { formatLinks } from './landing';
import { feedLinks, layout, type PageOptions, sourceLine } from './layout';
import { sourceQuote } from './quote';

/**
 * One figure of the dataset. `quotedBy` is the figure above that already shows the same sentence: the quote is then
 * shown once, and this figure points to it.
 */
function figureItem(indicator: Indicator, lang: Lang, quotedBy?: Indicator): Html {
  const w = WORDS[lang];
  const s = SITE_WORDS[lang].sentence;
  return h`<li id="${indicator.id}">
<h3><a href="${indicatorPath(indicator.id, lang)}">${indicator.label[lang]}</a></h3>
<p class="figure">${figureData(indicator, lang)}</p>
<dl class="facts">
<dt>${w.when}</dt><dd>${whenHtml(indicator, lang)}</dd>
<dt>${w.kind}</dt><dd>${w.kinds[indicator.kind]} · ${w.measures[indicator.measure]}</dd>
<dt>${w.originalFigure}</dt><dd lang="${LANG_TAGS.zh}">${indicator.figure}</dd>
</dl>
${
  quotedBy
    ? h`<p class="same-quote">${s.sameQuote}${colon(lang)}<a href="#${quotedBy.id}">${s.sameQuoteLink(quotedBy.label[lang])}</a></p>`
    : sourceQuote(indicator.source, lang)
}
</li>
`;
}

/** Each figure with the first figure above it that has the same quote (same sentence and source), if any. */
export function withQuotesOnce(indicators: readonly Indicator[]): [Indicator, Indicator | undefined][] {
  const first = new Map<string, Indicator>();
  return indicators.map((i) => {
    const key = JSON.stringify([i.source.quote, i.source.publisher.zh, i.source.title.zh, i.source.section?.zh]);
    const earlier = first.get(key);
    if (!earlier) first.set(key, i);
    return [i, earlier];
  });
}

/**
 * `/datasets/:id`: the dataset's permalink. Every figure with its qualifier,
 * date and the verbatim sentence it comes from (the first {@link DATASET_PAGE_FIGURES}), and where to download it.
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
  const feeds = feedLinks(dataset.id, lang);
  const more = dataset.indicators.length - DATASET_PAGE_FIGURES;
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
${withQuotesOnce(dataset.indicators.slice(0, DATASET_PAGE_FIGURES)).map(([i, quotedBy]) => figureItem(i, lang, quotedBy))}</ol>
${
  more > 0
    ? h`<p>${w.moreFiguresData(more)}</p>
`
    : ''
}</section>
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
    jsonLd: datasetPageJsonLd(dataset, meta, lang, origin, DATASET_PAGE_FIGURES),
    script: embed !== undefined,
    main,
  });
}
