/**
 * `/news/:id` and `/en/news/:id`: one dated event of the report on its own page, which its feed items and the
 * landing page's list of events link to. Date and place, what happened, the figures it reports with their datasets,
 * and the verbatim sentence of the report with its source; schema.org `Event` for search engines.
 */
import type { Snapshot } from '../data-source';
import { formatPeriod, formatWhen } from '../format';
import { colon, LANG_TAGS, listSeparator, paren, WORDS } from '../language';
import { absolute, apiNewsItem, datasetPath, homePath, indicatorPath, newsPath } from '../links';
import type { Dataset, Indicator, Lang, NewsItem } from '../schema';
import { figureData, timeText } from './figures';
import { type Html, h } from './html';
import { feedLinks, layout, type PageOptions } from './layout';
import { sourceQuote } from './quote';

/** The figures an event reports (those still served) and the datasets they belong to, in catalog order. */
export function newsRelations(news: NewsItem, snapshot: Snapshot): { indicators: Indicator[]; datasets: Dataset[] } {
  const indicators = (news.indicators ?? [])
    .map((id) => snapshot.indicator(id))
    .filter((i): i is Indicator => i !== undefined);
  const datasets = snapshot.datasets.filter((d) => indicators.some((i) => i.dataset === d.id));
  return { indicators, datasets };
}

/** First and last day of an event's date (`2023-04-19/2023-04-21`), each `YYYY-MM-DD` or shorter as given. */
const eventDays = (date: string): [string, string] => {
  const [start, end = start] = date.split('/') as [string, string?];
  return [start, end];
};

/** schema.org `Event`: what, when, where, the page, and the report it is recorded in. */
export function newsJsonLd(news: NewsItem, snapshot: Snapshot, lang: Lang, origin: string): Record<string, unknown> {
  const [startDate, endDate] = eventDays(news.date);
  const { meta } = snapshot;
  const { datasets } = newsRelations(news, snapshot);
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': absolute(origin, newsPath(news.id, 'zh')),
    identifier: news.id,
    name: news.title[lang],
    description: news.summary[lang],
    url: absolute(origin, newsPath(news.id, lang)),
    inLanguage: LANG_TAGS[lang],
    startDate,
    endDate,
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    ...(news.place ? { location: { '@type': 'Place', name: news.place[lang] } } : {}),
    subjectOf: {
      '@type': 'NewsArticle',
      headline: news.source.title[lang],
      inLanguage: LANG_TAGS.zh,
      datePublished: meta.article.published,
      publisher: { '@type': 'Organization', name: news.source.publisher[lang] },
      ...(news.source.quote ? { citation: news.source.quote } : {}),
    },
    ...(datasets.length
      ? {
          about: datasets.map((d) => ({
            '@type': 'Dataset',
            '@id': absolute(origin, datasetPath(d.id, 'zh')),
            name: d.title[lang],
            url: absolute(origin, datasetPath(d.id, lang)),
          })),
        }
      : {}),
  };
}

/** The event's page. */
export function newsPage(snapshot: Snapshot, news: NewsItem, { lang, origin }: PageOptions): Html {
  const w = WORDS[lang];
  const n = w.newsPage;
  const { meta } = snapshot;
  const { indicators, datasets } = newsRelations(news, snapshot);
  const title = news.title[lang];
  const events = homePath(lang, 'news');
  const main = h`<h1>${title}</h1>
<dl class="facts">
<dt>${n.when}</dt><dd>${timeText(news.date, formatPeriod(news.date, lang))}</dd>
${news.place ? h`<dt>${n.where}</dt><dd>${news.place[lang]}</dd>\n` : ''}</dl>
<p class="lede">${news.summary[lang]}</p>
${
  indicators.length
    ? h`<section aria-labelledby="figures">
<h2 id="figures">${n.figures}</h2>
<ul class="links">
${indicators.map((i) => h`<li><a href="${indicatorPath(i.id, lang)}">${i.label[lang]}</a>${colon(lang)}${figureData(i, lang)}${paren(lang, formatWhen(i, lang))}</li>\n`)}</ul>
</section>
`
    : ''
}${
  datasets.length
    ? h`<section aria-labelledby="datasets">
<h2 id="datasets">${n.datasets}</h2>
<p>${datasets.map((d, k) => h`${k ? listSeparator(lang) : ''}<a href="${datasetPath(d.id, lang)}">${d.title[lang]}</a>`)}</p>
</section>
`
    : ''
}<section aria-labelledby="source">
<h2 id="source">${n.source}</h2>
${sourceQuote(news.source, lang)}
</section>
<ul class="links">
<li><a href="${events}">${n.allEvents}</a></li>
<li><a href="${apiNewsItem(news.id)}" type="application/json">${n.json}</a></li>
</ul>`;
  return layout({
    lang,
    origin,
    meta,
    at: (l) => newsPath(news.id, l),
    title: [`${title}${paren(lang, formatPeriod(news.date, lang))}`, title],
    description: news.summary[lang],
    crumbs: [{ href: homePath(lang), text: w.home }, { href: events, text: n.allEvents }, { text: title }],
    // The feeds that carry this event: each dataset's it reports on (the site's are always added).
    feeds: datasets.map((d) => ({ title: `${d.title[lang]} · ${meta.title[lang]}`, links: feedLinks(d.id, lang) })),
    jsonLd: newsJsonLd(news, snapshot, lang, origin),
    main,
  });
}
