/**
 * `/publish` and `/en/publish`: where data officers publish a new figure of an indicator or correct one, through the
 * write API (worker/api, see notes on the write contract). The server renders the lists and the form; the page script
 * (`publish-script.ts`) keeps the token in `sessionStorage`, reads the indicator's series and history, checks the
 * input with `?dry-run=true` (the API's own field messages, and the card as it will look) and publishes with
 * `If-Match`. Without JavaScript the page lists the indicators and says that publishing needs it.
 *
 * A catalog of more than {@link PUBLISH_LISTED} indicators is not listed in the page (10,000 made it 6.5 MB): the
 * script reads the chosen dataset's indicators from the API, a page at a time, and the list without JavaScript names
 * the datasets, whose pages and CSV give the identifiers.
 */
import type { Snapshot } from '../data-source';
import { LANG_TAGS, WORDS } from '../language';
import {
  apiDataset,
  apiDatasetCsv,
  apiHistory,
  apiIndicator,
  apiIndicatorRevisions,
  apiSeries,
  datasetPath,
  homePath,
  indicatorPath,
  publishPath,
} from '../links';
import { withQuery } from '../links/server';
import type { Lang } from '../schema';
import { QUALIFIERS } from '../schema';
import { PUBLISH_SCRIPT, PUBLISH_STYLESHEET } from './assets';
import { type Html, h } from './html';
import { layout, type PageOptions } from './layout';
import { PAGE_CSP } from './page-response';

/**
 * The page CSP plus `connect-src 'self'`: the page script reads and writes through this origin's API and nowhere
 * else. Everything else is as strict as on every page.
 */
export const PUBLISH_CSP = `${PAGE_CSP}; connect-src 'self'`;

/** One labelled field: label, control, hint, and the place for the API's message about it. */
function field(id: string, label: string, control: Html, hint?: string): Html {
  return h`<div class="field">
<label for="${id}">${label}</label>
${control}
${hint ? h`<p class="hint" id="${id}-hint">${hint}</p>\n` : ''}<p class="error" id="${id}-error" hidden></p>
</div>
`;
}

/** Ids of the described-by list of a field's control. */
const describedBy = (id: string, hint: boolean): string => (hint ? `${id}-hint ${id}-error` : `${id}-error`);

/** A text input bound to an API field path (`source.publisher.zh`). */
function input(
  id: string,
  name: string,
  label: string,
  options: { hint?: string; type?: string; value?: string; lang?: Lang; required?: boolean; inputmode?: string } = {},
): Html {
  const control = h`<input id="${id}" type="${options.type ?? 'text'}" data-field="${name}" aria-describedby="${describedBy(id, options.hint !== undefined)}"${
    options.value === undefined ? '' : h` value="${options.value}"`
  }${options.lang ? h` lang="${LANG_TAGS[options.lang]}"` : ''}${options.inputmode ? h` inputmode="${options.inputmode}"` : ''}${
    options.required ? h` required` : ''
  } autocomplete="${options.type === 'password' ? 'current-password' : 'off'}"${
    options.type === 'password' ? h` spellcheck="false"` : ''
  }>`;
  return field(id, label, control, options.hint);
}

/** Indicators the page lists at most; a longer catalog's indicators are read by the script, dataset by dataset. */
export const PUBLISH_LISTED = 1000;

/** Whether the page lists every indicator (a catalog of at most {@link PUBLISH_LISTED}). */
const listsAll = (snapshot: Snapshot): boolean => snapshot.indicators.length <= PUBLISH_LISTED;

/**
 * Where the script finds what an option carries, `{id}` standing for the indicator's (or dataset's) id: for a catalog
 * the page does not list, the chosen dataset's indicators (in the page's language; the API's `Link: rel="next"` names
 * each further page) and each indicator's API paths and page.
 */
const linkTemplates = (lang: Lang): Record<string, string> => ({
  dataset: withQuery(apiDataset('{id}'), { lang }),
  api: apiIndicator('{id}'),
  series: apiSeries('{id}'),
  history: apiHistory('{id}'),
  revisions: apiIndicatorRevisions('{id}'),
  page: indicatorPath('{id}', lang),
});

/** The indicators the officer can pick, grouped by dataset; each option carries the API paths the script uses. */
function indicatorSelect(snapshot: Snapshot, lang: Lang): Html {
  if (!listsAll(snapshot)) return h`<select id="indicator" aria-describedby="indicator-error"></select>`;
  return h`<select id="indicator" aria-describedby="indicator-error">
${snapshot.datasets.map(
  (d) => h`<optgroup label="${d.title[lang]}" data-dataset="${d.id}">
${d.indicators.map(
  (i) =>
    h`<option value="${i.id}" data-dataset="${d.id}" data-api="${apiIndicator(i.id)}" data-series="${apiSeries(i.id)}" data-history="${apiHistory(i.id)}" data-revisions="${apiIndicatorRevisions(i.id)}" data-page="${indicatorPath(i.id, lang)}" data-unit="${i.unitLabel[lang]}">${i.label[lang]}</option>
`,
)}</optgroup>
`,
)}</select>`;
}

/**
 * Every dataset and indicator with its identifier: readable without JavaScript, and what the CLI takes. For a long
 * catalog, the datasets, each with its page and CSV.
 */
function idList(snapshot: Snapshot, lang: Lang): Html {
  const p = WORDS[lang].publish;
  if (!listsAll(snapshot))
    return h`<section aria-labelledby="ids">
<h2 id="ids">${p.listHeading}</h2>
<p>${p.listHelp} ${p.listLong}</p>
<ul class="id-list">
${snapshot.datasets.map((d) => h`<li><a href="${datasetPath(d.id, lang)}">${d.title[lang]}</a> <code>${d.id}</code> · <a href="${apiDatasetCsv(d.id)}" type="text/csv">CSV</a></li>\n`)}</ul>
</section>
`;
  return h`<section aria-labelledby="ids">
<h2 id="ids">${p.listHeading}</h2>
<p>${p.listHelp}</p>
${snapshot.datasets.map(
  (d) => h`<h3>${d.title[lang]} <code>${d.id}</code></h3>
<ul class="id-list">
${d.indicators.map((i) => h`<li><a href="${indicatorPath(i.id, lang)}">${i.label[lang]}</a> <code>${i.id}</code></li>\n`)}</ul>
`,
)}</section>
`;
}

/** The publishing page. `cardCss` is the card stylesheet of the widget build, for the preview. */
export function publishPage(snapshot: Snapshot, { lang, origin }: PageOptions, cardCss?: string): Html {
  const w = WORDS[lang];
  const p = w.publish;
  const main = h`<h1>${p.title}</h1>
<p class="lede">${p.lede}</p>
<p class="notice" id="publish-nojs">${p.needsJs}</p>
<form id="publish-form" class="publish" novalidate hidden data-lang="${lang}" data-words="${JSON.stringify(p.messages)}" data-qualifiers="${JSON.stringify(p.qualifiers)}"${
    listsAll(snapshot) ? '' : h` data-links="${JSON.stringify(linkTemplates(lang))}"`
  }>
<section aria-labelledby="token-heading">
<h2 id="token-heading">${p.tokenHeading}</h2>
${input('token', 'token', p.token, { type: 'password', hint: p.tokenHelp })}<p><button type="button" id="forget-token">${p.forget}</button></p>
</section>
<section aria-labelledby="pick-heading">
<h2 id="pick-heading">${p.pickHeading}</h2>
<div class="field">
<label for="dataset">${w.dataset}</label>
<select id="dataset">
${snapshot.datasets.map((d) => h`<option value="${d.id}">${d.title[lang]}</option>\n`)}</select>
</div>
<div class="field">
<label for="indicator">${p.indicator}</label>
${indicatorSelect(snapshot, lang)}
<p class="error" id="indicator-error" hidden></p>
</div>
<section aria-labelledby="current-heading">
<h3 id="current-heading">${p.current}</h3>
<div id="current" class="tables"></div>
</section>
</section>
<section aria-labelledby="new-heading">
<h2 id="new-heading">${p.newHeading}</h2>
${input('f-period', 'period', p.period, { hint: p.periodHelp, required: true })}${input('f-value', 'value', p.value, {
  hint: p.valueHelp,
  inputmode: 'decimal',
  required: true,
})}<div class="field">
<label for="f-qualifier">${p.qualifier}</label>
<select id="f-qualifier" data-field="qualifier" aria-describedby="f-qualifier-error">
${QUALIFIERS.map((q) => h`<option value="${q}">${p.qualifiers[q]}</option>\n`)}</select>
<p class="error" id="f-qualifier-error" hidden></p>
</div>
${input('f-asOf', 'asOf', `${p.asOf}${p.optional}`, { hint: p.asOfHelp })}${input('f-figure', 'figure', `${p.figure}${p.optional}`, { hint: p.figureHelp, lang: 'zh' })}<fieldset>
<legend>${p.source}</legend>
${input('f-publisher-zh', 'source.publisher.zh', p.publisherZh, { value: p.bureau.zh, lang: 'zh', required: true })}${input(
  'f-publisher-en',
  'source.publisher.en',
  p.publisherEn,
  { value: p.bureau.en, lang: 'en', required: true },
)}${input('f-title-zh', 'source.title.zh', p.titleZh, { lang: 'zh', required: true })}${input(
  'f-title-en',
  'source.title.en',
  p.titleEn,
  { lang: 'en', required: true },
)}${input('f-url', 'source.url', `${p.url}${p.optional}`, { type: 'url' })}</fieldset>
<div class="field">
<label for="f-reason">${p.reason}</label>
<textarea id="f-reason" data-field="reason" aria-describedby="f-reason-hint f-reason-error" required></textarea>
<p class="hint" id="f-reason-hint">${p.reasonHelp}</p>
<p class="error" id="f-reason-error" hidden></p>
</div>
<div class="actions">
<button type="submit" id="check">${p.check}</button>
<button type="button" id="publish-button">${p.publish}</button>
</div>
<p id="publish-status" class="status" role="status" aria-live="polite"></p>
<p id="publish-result" class="result" hidden></p>
</section>
<section aria-labelledby="preview-heading">
<h2 id="preview-heading">${p.preview}</h2>
<p class="hint">${p.previewHelp}</p>
<div id="preview" class="preview"></div>
</section>
</form>
<p>${p.cli}</p>
${idList(snapshot, lang)}`;
  return layout({
    lang,
    origin,
    meta: snapshot.meta,
    at: (l) => publishPath(l),
    title: p.title,
    description: p.lede,
    crumbs: [{ href: homePath(lang), text: w.home }, { text: p.title }],
    head: h`<meta name="robots" content="noindex">
<link rel="stylesheet" href="${PUBLISH_STYLESHEET.path}">
${cardCss ? h`<link rel="stylesheet" href="${cardCss}">\n` : ''}<script src="${PUBLISH_SCRIPT.path}" defer></script>
`,
    main,
  });
}
