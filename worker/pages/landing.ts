import type { Snapshot } from '../data-source';
import { formatPeriod } from '../format';
import { colon, listSeparator, paren, WORDS } from '../language';
import {
  apiDataset,
  apiDatasetCsv,
  apiDatasets,
  apiOpenApi,
  datasetPath,
  homePath,
  indicatorPath,
  newsAnchor,
  newsPath,
} from '../links';
import type { Dataset, Lang, NewsItem } from '../schema';
import { figureData, SUMMARY_FIGURES, timeText, whenHtml } from './figures';
import { headlineCards } from './headline';
import { type Html, h } from './html';
import { catalogJsonLd } from './json-ld';
import { type FeedLink, feedLinks, layout, type PageOptions, sourceLine } from './layout';

/** The data to download and the feeds to follow for the whole site or one dataset. */
export function formatLinks(lang: Lang, json: string, csv: string | undefined, feeds: FeedLink[]): Html {
  const w = WORDS[lang];
  return h`<p class="formats">${w.downloads}${colon(lang)}<a href="${json}" type="application/json">JSON</a>${
    csv ? h` · <a href="${csv}" type="text/csv">CSV</a>` : ''
  }${feeds.map((f) => h` · <a href="${f.href}" type="${f.type}">${f.format}</a>`)}</p>`;
}

/**
 * One dataset's figures as a table: label (linking the indicator page), figure with qualifier, when, kind. At most
 * `max` rows; a longer dataset is followed by a link to its page, which lists them all.
 */
export function figuresTable(dataset: Dataset, lang: Lang, max = Number.POSITIVE_INFINITY): Html {
  const w = WORDS[lang];
  const more = dataset.indicators.length - max;
  // Scrolls sideways inside its own focusable box when a phone is too narrow, never the page.
  return h`<div class="table-wrap" tabindex="0"><table>
<caption id="caption-${dataset.id}">${w.tableCaption(dataset.title[lang], dataset.indicators.length)}</caption>
<thead><tr><th scope="col">${w.colIndicator}</th><th scope="col">${w.colFigure}</th><th scope="col">${w.colWhen}</th><th scope="col">${w.colKind}</th></tr></thead>
<tbody>
${dataset.indicators.slice(0, max).map(
  (
    i,
  ) => h`<tr id="${dataset.id}--${i.id}"><th scope="row"><a href="${indicatorPath(i.id, lang)}">${i.label[lang]}</a></th><td class="num">${figureData(i, lang)}</td><td>${whenHtml(i, lang)}</td><td>${w.kinds[i.kind]}</td></tr>
`,
)}</tbody>
</table></div>${
    more > 0
      ? h`
<p><a href="${datasetPath(dataset.id, lang)}">${w.moreFigures(more)}</a></p>`
      : ''
  }`;
}

function datasetSection(dataset: Dataset, lang: Lang): Html {
  const id = `dataset-${dataset.id}`;
  return h`<section aria-labelledby="${id}">
<h3 id="${id}"><a href="${datasetPath(dataset.id, lang)}">${dataset.title[lang]}</a></h3>
<p>${dataset.description[lang]}</p>
${figuresTable(dataset, lang, SUMMARY_FIGURES)}
${formatLinks(lang, apiDataset(dataset.id), apiDatasetCsv(dataset.id), feedLinks(dataset.id, lang))}
</section>
`;
}

function newsItem(item: NewsItem, snapshot: Snapshot, lang: Lang): Html {
  const related = (item.indicators ?? []).map((id) => snapshot.indicator(id)).filter((i) => i !== undefined);
  // Each event has its own page (which feed items link to); the anchor keeps older links to the list working.
  return h`<li id="${newsAnchor(item.id)}">
<h3><a href="${newsPath(item.id, lang)}">${item.title[lang]}</a></h3>
<p class="muted">${timeText(item.date, formatPeriod(item.date, lang))}${item.place ? h` · ${item.place[lang]}` : ''}</p>
<p>${item.summary[lang]}</p>
${related.length ? h`<p>${WORDS[lang].related}${colon(lang)}${related.map((r, n) => h`${n ? listSeparator(lang) : ''}<a href="${indicatorPath(r.id, lang)}">${r.label[lang]}</a>`)}</p>\n` : ''}</li>
`;
}

/**
 * `/` and `/en/`: every dataset with its figures (the first {@link SUMMARY_FIGURES} of a longer one), the ways to get
 * them, and the dated events.
 */
export function landingPage(snapshot: Snapshot, { lang, origin }: PageOptions): Html {
  const w = WORDS[lang];
  const { meta } = snapshot;
  const count = snapshot.indicators.length;
  const main = h`<h1>${meta.title[lang]}</h1>
<p class="lede">${meta.description[lang]}</p>
<p>${w.lede}</p>
<p class="muted">${sourceLine(meta, lang)}</p>
${headlineCards(snapshot, lang)}<section aria-labelledby="get-data">
<h2 id="get-data">${w.getData}</h2>
<ul class="links">
<li><a href="${apiDatasets()}" type="application/json">${w.catalogJson}</a></li>
<li><a href="${apiOpenApi()}" type="application/json">${w.openapi}</a></li>
${feedLinks(undefined, lang).map((f) => h`<li><a href="${f.href}" type="${f.type}">${w.feedAll}${paren(lang, f.format)}</a></li>\n`)}</ul>
</section>
<section aria-labelledby="datasets">
<h2 id="datasets">${w.datasets}<span class="muted">${paren(lang, `${snapshot.datasets.length} · ${w.indicatorCount(count)}`)}</span></h2>
${snapshot.datasets.map((d) => datasetSection(d, lang))}</section>
${
  snapshot.news.length
    ? h`<section aria-labelledby="news">
<h2 id="news">${w.news}</h2>
<ol class="news">
${snapshot.news.map((n) => newsItem(n, snapshot, lang))}</ol>
</section>`
    : ''
}`;
  return layout({
    lang,
    origin,
    meta,
    at: homePath,
    home: true,
    title: meta.title[lang],
    description: meta.description[lang],
    jsonLd: catalogJsonLd(snapshot.datasets, meta, lang, origin, SUMMARY_FIGURES),
    main,
  });
}
