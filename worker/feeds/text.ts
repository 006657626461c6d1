/**
 * The words of feed items, in one language at a time. Every figure is written
 * by `worker/format` with its qualifier (以上, 左右, 超过 / at least, about,
 * more than), unit and the period or date it stands for, so a feed never
 * states a bare number. Bodies are built once as blocks and written both as
 * HTML (Atom, RSS, JSON Feed `content_html`) and as plain text.
 */
import type { CatalogMeta } from '../data-source';
import { formatPeriod, formatValue, formatWhen, unitWord } from '../format';
import { colon, fullStop, LANG_TAGS, listSeparator, paren, workTitle } from '../language';
import { absolute, apiDataset, apiDatasetCsv, datasetPath, homePath, indicatorPath, newsPath } from '../links';
import type { Dataset, Indicator, Kind, Lang, NewsItem, Source } from '../schema';
import { el, type Xml } from './xml';

/** Words for kinds other than `actual`, so a target is never read as a result. */
const KIND_WORDS: Record<Lang, Partial<Record<Kind, string>>> = {
  zh: { target: '目标', progress: '进展', forecast: '预计' },
  en: { target: 'target', progress: 'so far', forecast: 'projected' },
};

/** Fixed phrases of item bodies. */
const WORDS = {
  zh: {
    when: '时间：',
    where: '地点：',
    datasets: '相关数据集：',
    quote: '原文：',
    source: '来源：',
    section: '小标题：',
    license: '许可：',
    data: '数据：',
    release: '数据发布',
    update: '数据更新',
    more: (n: number) => `另有${n}项指标，见数据集页面`,
    /** Between two facts of one line (time and place; publisher and figure). */
    and: '；',
    /** Between a feed's subject and the site's name (破折号). */
    dash: '——',
  },
  en: {
    when: 'When: ',
    where: 'Where: ',
    datasets: 'Datasets: ',
    quote: 'Original text: ',
    source: 'Source: ',
    section: 'section: ',
    license: 'Licence: ',
    data: 'Data: ',
    release: 'Data release',
    update: 'Data update',
    more: (n: number) => `${n} more ${n === 1 ? 'figure' : 'figures'} on the dataset’s page`,
    and: ' · ',
    dash: ' — ',
  },
} as const;

/** Fixed phrases of revision items (worker/feeds/revisions.ts): what kind of change, and who made it. */
export const REVISION_WORDS = {
  zh: {
    reason: '说明：',
    publisher: '发布者：',
    indicator: '指标：',
    dataset: '数据集：',
    correction: '更正',
    newIndicator: '新指标',
    firstPublished: '首次发布',
    withdrawn: '停止发布',
    newDataset: '新数据集',
    news: '新闻',
    newsCorrection: '新闻更正',
  },
  en: {
    reason: 'Reason: ',
    publisher: 'Published by: ',
    indicator: 'Figure: ',
    dataset: 'Dataset: ',
    correction: 'Correction',
    newIndicator: 'New figure',
    firstPublished: 'First published',
    withdrawn: 'Withdrawn',
    newDataset: 'New dataset',
    news: 'News',
    newsCorrection: 'News correction',
  },
} as const;

/** Between two facts of one line: `；` in Chinese (full-width, our own text), ` · ` in English. */
export const factSeparator = (lang: Lang): string => WORDS[lang].and;

/** A feed's subject, then the site: `科技创新平台——株洲科创开放数据` / `… — Zhuzhou Innovation Open Data`. */
export const feedTitle = (subject: string, site: string, lang: Lang): string => subject + WORDS[lang].dash + site;

/** Text, or a link (`showUrl`: plain text also prints the address). */
export type Inline = string | { text: string; href: string; showUrl?: boolean };

/** A paragraph, a list of lines, or a quotation in another language. */
export type Block = { p: Inline[] } | { ul: Inline[][] } | { quote: string; lang: Lang };

/** Where links point: absolute, on the public origin, to the page in the text's language. */
export interface Urls {
  origin: string;
  /** The landing page, optionally at an anchor. */
  home(lang: Lang, anchor?: string): string;
  dataset(id: string, lang: Lang): string;
  indicator(id: string, lang: Lang): string;
  /** A news event's own page. */
  news(id: string, lang: Lang): string;
}

/** Builds absolute URLs under `origin` from the link module. */
export function urlsFor(origin: string): Urls {
  return {
    origin,
    home: (lang, anchor) => absolute(origin, homePath(lang, anchor)),
    dataset: (id, lang) => absolute(origin, datasetPath(id, lang)),
    indicator: (id, lang) => absolute(origin, indicatorPath(id, lang)),
    news: (id, lang) => absolute(origin, newsPath(id, lang)),
  };
}

/**
 * An indicator's label, with its kind when that is not `actual`, so a target is never read as a result:
 * `全年研发经费同比增长（目标）` / `R&D spending, year-on-year growth (target)`.
 */
export function labelWithKind(indicator: Pick<Indicator, 'label' | 'kind'>, lang: Lang): string {
  const kind = KIND_WORDS[lang][indicator.kind];
  // Said once: a label such as 预计总产值 / Projected total output already names its kind.
  const show = kind && !indicator.label[lang].toLowerCase().includes(kind.toLowerCase());
  return indicator.label[lang] + (show ? paren(lang, kind) : '');
}

/**
 * One figure as a line: label (and kind) linking to the indicator's page,
 * then value with qualifier and unit, then its date:
 * `全年研发经费同比增长(目标):12%以上(2023年)`,
 * `R&D spending, year-on-year growth (target): at least 12% (2023)`.
 */
export function figureLine(indicator: Indicator, lang: Lang, urls: Urls): Inline[] {
  const label = labelWithKind(indicator, lang);
  const word = unitWord(indicator, lang);
  const value = formatValue(indicator, lang) + (word ? ` ${word}` : '');
  const when = formatWhen(indicator, lang);
  return [{ text: label, href: urls.indicator(indicator.id, lang) }, colon(lang) + value + paren(lang, when)];
}

/** Whether a dataset has changed since this service first published it (its item is then an update). */
const isUpdated = (dataset: Pick<Dataset, 'issued' | 'modified'>): boolean => dataset.modified > dataset.issued;

/**
 * Title of a dataset's item, saying what it is, so the figures it lists are not read as news of the day:
 * `数据发布：科技创新平台` / `Data release: Science and technology innovation platforms` when the service first
 * published the dataset, `数据更新：…` / `Data update: …` once it has been modified since.
 */
export const datasetItemTitle = (dataset: Dataset, lang: Lang): string =>
  (isUpdated(dataset) ? WORDS[lang].update : WORDS[lang].release) + colon(lang) + dataset.title[lang];

/**
 * What a dataset's item is, in a sentence: when this service published (or last updated) the dataset, and that its
 * figures are the report's, of the periods they name.
 * `本站于2026年11月27日发布数据集“科技创新平台”，共3项指标；数字引自株洲日报《…》，各注明所属时间。`
 */
export function datasetItemSummary(dataset: Dataset, meta: CatalogMeta, lang: Lang): string {
  const issued = formatPeriod(dataset.issued, lang);
  const modified = formatPeriod(dataset.modified, lang);
  const n = dataset.indicators.length;
  const work = workTitle(lang, meta.article.publisher[lang], meta.article.title[lang]);
  const month = formatPeriod(meta.article.published.slice(0, 7), lang);
  if (lang === 'zh') {
    const what = isUpdated(dataset)
      ? `本站于${modified}更新数据集“${dataset.title.zh}”（${issued}首次发布），现有${n}项指标`
      : `本站于${issued}发布数据集“${dataset.title.zh}”，共${n}项指标`;
    return `${what}；数字引自${work}（${month}），各注明所属时间。`;
  }
  const what = isUpdated(dataset)
    ? `This site updated the dataset “${dataset.title.en}” on ${modified} (first published on ${issued}); it now has ${n} ${n === 1 ? 'figure' : 'figures'}`
    : `This site published the dataset “${dataset.title.en}” on ${issued}, with ${n} ${n === 1 ? 'figure' : 'figures'}`;
  return `${what}. The figures are quoted from ${work} (${month}), each with the period it stands for.`;
}

/**
 * `来源：株洲日报《…》（小标题：…）` / `Source: Zhuzhou Daily, “…” (section: …)`; with a `url` the work links to it
 * (and plain text prints it).
 */
export function sourceLine(
  source: Pick<Source, 'publisher' | 'title' | 'section'> & { url?: string },
  lang: Lang,
): Inline[] {
  const w = WORDS[lang];
  const work = workTitle(lang, source.publisher[lang], source.title[lang]);
  const section = source.section ? paren(lang, w.section + source.section[lang]) : '';
  return source.url
    ? [w.source, { text: work, href: source.url, showUrl: true }, section]
    : [w.source + work + section];
}

/**
 * Figures a dataset's item lists at most: a feed reader shows an item whole, and a feed of 100 datasets of 100
 * figures would be megabytes. The item links its dataset's page for the rest.
 */
export const ITEM_FIGURES = 25;

/**
 * Body of a dataset's release item: description, its figures (the first {@link ITEM_FIGURES}), provenance, licence and
 * data links.
 */
export function datasetBlocks(dataset: Dataset, meta: CatalogMeta, lang: Lang, urls: Urls): Block[] {
  const w = WORDS[lang];
  const more = dataset.indicators.length - ITEM_FIGURES;

  return [
    { p: [datasetItemSummary(dataset, meta, lang)] },
    { p: [dataset.description[lang]] },
    { ul: dataset.indicators.slice(0, ITEM_FIGURES).map((indicator) => figureLine(indicator, lang, urls)) },
    ...(more > 0 ? [{ p: [{ text: w.more(more), href: urls.dataset(dataset.id, lang) }] }] : []),
    {
      p: [
        ...sourceLine(meta.article, lang),
        fullStop(lang),
        w.license,
        { text: meta.license.name, href: meta.license.url },
        fullStop(lang),
        w.data,
        { text: 'JSON', href: absolute(urls.origin, apiDataset(dataset.id)), showUrl: true },
        listSeparator(lang),
        { text: 'CSV', href: absolute(urls.origin, apiDatasetCsv(dataset.id)), showUrl: true },
      ],
    },
  ];
}

/** Body of a news event's item: when and where, what happened, its figures and datasets, the quote it rests on. */
export function newsBlocks(
  news: NewsItem,
  indicators: readonly Indicator[],
  datasets: readonly Dataset[],
  lang: Lang,
  urls: Urls,
): Block[] {
  const w = WORDS[lang];
  const blocks: Block[] = [
    { p: [w.when + formatPeriod(news.date, lang), news.place ? w.and + w.where + news.place[lang] : ''] },
    { p: [news.summary[lang]] },
  ];
  if (indicators.length) blocks.push({ ul: indicators.map((indicator) => figureLine(indicator, lang, urls)) });
  if (datasets.length) {
    blocks.push({
      p: [
        w.datasets,
        ...datasets.flatMap((d, n) => [
          n ? listSeparator(lang) : '',
          { text: d.title[lang], href: urls.dataset(d.id, lang) },
        ]),
      ],
    });
  }
  // The quote is the article's own Chinese sentence: it goes with the Chinese text only.
  if (lang === 'zh') blocks.push({ quote: news.source.quote, lang: 'zh' });
  blocks.push({ p: sourceLine(news.source, lang) });
  return blocks;
}

function inlineHtml(parts: Inline[]): (Xml | string)[] {
  return parts.map((part) => (typeof part === 'string' ? part : el('a', { href: part.href }, part.text)));
}

/** The blocks of one language as HTML, in an element that says which language it is. */
export function blocksHtml(blocks: Block[], lang: Lang): Xml {
  return el(
    'div',
    { lang: LANG_TAGS[lang] },
    blocks.map((block) => {
      if ('p' in block) return el('p', {}, inlineHtml(block.p));
      if ('ul' in block)
        return el(
          'ul',
          {},
          block.ul.map((line) => el('li', {}, inlineHtml(line))),
        );
      return el('blockquote', { lang: LANG_TAGS[block.lang] }, el('p', {}, WORDS[block.lang].quote, block.quote));
    }),
  );
}

const inlineText = (parts: Inline[]) =>
  parts
    .map((part) => (typeof part === 'string' ? part : part.showUrl ? `${part.text} ${part.href}` : part.text))
    .join('');

/** The blocks of one language as plain text: paragraphs apart, list lines with a bullet. */
export function blocksText(blocks: Block[]): string {
  return blocks
    .map((block) => {
      if ('p' in block) return inlineText(block.p);
      if ('ul' in block) return block.ul.map((line) => `• ${inlineText(line)}`).join('\n');
      return WORDS[block.lang].quote + block.quote;
    })
    .join('\n\n');
}
