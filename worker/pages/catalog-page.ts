import type { Snapshot } from '../data-source';
import { WEBMASTER_WORDS, WORDS } from '../language';
import {
  apiIndicators,
  apiIndicatorsCsv,
  datasetPath,
  demoPath,
  homePath,
  indicatorPath,
  indicatorsPath,
} from '../links';
import { type Dataset, type Indicator, LANGS, type Lang } from '../schema';
import { figureData, figureText, SUMMARY_FIGURES, whenHtml } from './figures';
import { type Html, h } from './html';
import { formatLinks } from './landing';
import { feedLinks, layout, type PageOptions } from './layout';

/** What the filter matches a row against: names in both languages, id, dataset and figure, lower-cased. */
const filterText = (indicator: Indicator, dataset: Dataset): string =>
  [
    ...LANGS.flatMap((l) => [indicator.label[l], dataset.title[l], figureText(indicator, l)]),
    indicator.id,
    dataset.id,
    indicator.figure,
  ]
    .join(' ')
    .toLowerCase();

function group(dataset: Dataset, lang: Lang): Html {
  const w = WORDS[lang];
  const id = `group-${dataset.id}`;
  const more = dataset.indicators.length - SUMMARY_FIGURES;
  return h`<section class="catalog-group" aria-labelledby="${id}" data-filter-group>
<h2 id="${id}"><a href="${datasetPath(dataset.id, lang)}">${dataset.title[lang]}</a></h2>
<table>
<caption>${w.tableCaption(dataset.title[lang], dataset.indicators.length)}</caption>
<thead><tr><th scope="col">${w.colIndicator}</th><th scope="col">${w.colFigure}</th><th scope="col">${w.colWhen}</th></tr></thead>
<tbody>
${dataset.indicators.slice(0, SUMMARY_FIGURES).map(
  (
    i,
  ) => h`<tr data-filter-text="${filterText(i, dataset)}"><th scope="row"><a href="${indicatorPath(i.id, lang)}">${i.label[lang]}</a> <code class="id">${i.id}</code></th><td class="num">${figureData(i, lang)}</td><td class="when">${whenHtml(i, lang)}</td></tr>
`,
)}</tbody>
</table>
${
  more > 0
    ? h`<p><a href="${datasetPath(dataset.id, lang)}">${w.moreFigures(more)}</a></p>
`
    : ''
}</section>
`;
}

/**
 * `/indicators`: every indicator, grouped by dataset, with its current figure (qualifier kept) and a link to its page;
 * of a dataset with more than {@link SUMMARY_FIGURES}, the first ones and a link to its page, which lists them all.
 * A filter box narrows the list as one types; it is the page script's (`webmaster-script.ts`), starts `hidden` and is
 * shown only by it, so without JavaScript the page is the whole list and no dead control.
 */
export function catalogPage(snapshot: Snapshot, { lang, origin }: PageOptions): Html {
  const w = WORDS[lang];
  const c = WEBMASTER_WORDS[lang].catalog;
  const { meta } = snapshot;
  const all = snapshot.indicators.length;
  // A long catalog lists the first figures of each dataset; the counts then say how many are listed of how many.
  const total = snapshot.datasets.reduce((n, d) => n + Math.min(d.indicators.length, SUMMARY_FIGURES), 0);
  const capped = total < all;
  const countAll = capped ? c.countListed.replace('{all}', String(all)) : c.countAll;
  const main = h`<h1>${c.title}</h1>
<p class="lede">${c.lede}</p>
${
  capped
    ? h`<p>${c.listedNote.replace('{max}', String(SUMMARY_FIGURES))}</p>
`
    : ''
}<p>${c.embedNote} <a href="${demoPath()}">${c.demo}</a></p>
${formatLinks(lang, apiIndicators(), apiIndicatorsCsv(), feedLinks(undefined, lang))}
<div class="filter" data-filter hidden>
<label for="filter">${c.filter}</label>
<input id="filter" type="search" autocomplete="off" spellcheck="false" aria-describedby="filter-hint" aria-controls="catalog">
<p id="filter-hint" class="muted">${c.filterHint}</p>
</div>
<p id="filter-count" class="filter-count" role="status" data-total="${total}" data-all="${countAll}" data-some="${c.countSome}" data-none="${c.none}">${countAll.replace('{total}', String(total))}</p>
<div id="catalog" class="catalog">
${snapshot.datasets.map((d) => group(d, lang))}</div>`;
  return layout({
    lang,
    origin,
    meta,
    at: indicatorsPath,
    title: c.title,
    description: c.lede,
    crumbs: [{ href: homePath(lang), text: w.home }, { text: c.title }],
    script: true,
    main,
  });
}
