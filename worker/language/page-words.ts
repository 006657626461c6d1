/**
 * The pages' interface words, by language. Cards, badges and feeds have their own short lists
 * (`card-words.ts`, the feed writers); punctuation is in `punctuation.ts`.
 */
import type { Indicator, Kind, Lang, Qualifier, Unit } from '../schema';

/** Interface words of one language. */
export interface Words {
  siteShort: string;
  skip: string;
  siteNav: string;
  breadcrumb: string;
  home: string;
  datasets: string;
  api: string;
  feeds: string;
  switchTo: string;
  switchLabel: string;
  lede: string;
  sourceNote: string;
  getData: string;
  catalogJson: string;
  openapi: string;
  feedAll: string;
  feedDataset: string;
  downloads: string;
  indicatorCount: (n: number) => string;
  tableCaption: (title: string, n: number) => string;
  colIndicator: string;
  colFigure: string;
  colWhen: string;
  colKind: string;
  news: string;
  newsCaption: string;
  related: string;
  details: string;
  issued: string;
  modified: string;
  license: string;
  source: string;
  publisher: string;
  indicators: string;
  datasetPage: string;
  when: string;
  kind: string;
  measure: string;
  originalFigure: string;
  quoteFrom: string;
  section: string;
  published: string;
  valueBase: string;
  unit: string;
  qualifier: string;
  period: string;
  asOf: string;
  identifier: string;
  dataset: string;
  relations: string;
  partOf: string;
  parts: string;
  towards: string;
  progress: string;
  ranks: string;
  rankedBy: string;
  scope: string;
  embed: string;
  embedHelp: string;
  copy: string;
  copied: string;
  copyFailed: string;
  indicatorJson: string;
  problems: string;
  problemType: string;
  problemStatus: string;
  problemWhen: string;
  problemFix: string;
  problemsLede: string;
  notFoundTitle: string;
  notFoundText: string;
  footerSource: string;
  kinds: Record<Kind, string>;
  measures: Record<Indicator['measure'], string>;
  units: Record<Unit, string>;
  qualifiers: Record<Qualifier, string>;
}

/** Interface words by language. */
export const WORDS: Readonly<Record<Lang, Words>> = {
  zh: {
    siteShort: '株洲科创开放数据',
    skip: '跳到正文',
    siteNav: '站点导航',
    breadcrumb: '当前位置',
    home: '首页',
    datasets: '数据集',
    api: '接口',
    feeds: '订阅',
    switchTo: 'English',
    switchLabel: 'English version',
    lede: '每个数字都附有单位、限定词（以上、左右、多）、时间和报道原文，可作为 JSON、CSV 和订阅源取用，也可嵌入其他网站。',
    sourceNote: '数据来源',
    getData: '获取数据',
    catalogJson: '数据集列表（JSON）',
    openapi: '接口说明（OpenAPI 3.1）',
    feedAll: '全部更新',
    feedDataset: '本数据集更新',
    downloads: '下载与订阅',
    indicatorCount: (n) => `${n}项指标`,
    tableCaption: (title, n) => `${title}：${n}项指标`,
    colIndicator: '指标',
    colFigure: '数值',
    colWhen: '时间',
    colKind: '类型',
    news: '大事记',
    newsCaption: '报道中记载的活动',
    related: '相关指标',
    details: '详细信息',
    issued: '发布日期',
    modified: '更新日期',
    license: '许可协议',
    source: '来源',
    publisher: '发布者',
    indicators: '指标',
    datasetPage: '数据集页面',
    when: '时间',
    kind: '类型',
    measure: '度量',
    originalFigure: '原文数字',
    quoteFrom: '原文',
    section: '小节',
    published: '报道日期',
    valueBase: '数值（基本单位）',
    unit: '单位',
    qualifier: '限定词',
    period: '统计期',
    asOf: '截止日期',
    identifier: '标识符',
    dataset: '数据集',
    relations: '关联',
    partOf: '属于总数',
    parts: '其中包括',
    towards: '对应目标',
    progress: '目标进度',
    ranks: '排名依据',
    rankedBy: '相关排名',
    scope: '排名范围',
    embed: '嵌入此数字',
    embedHelp: '把下面的代码粘贴到网页中即可显示这张数据卡片。脚本未加载时，标签内的文字照常显示。',
    copy: '复制代码',
    copied: '已复制到剪贴板。',
    copyFailed: '无法自动复制，代码已选中，请按 Ctrl+C 复制。',
    indicatorJson: '本指标（JSON）',
    problems: '错误类型',
    problemType: '类型标识',
    problemStatus: 'HTTP 状态码',
    problemWhen: '何时出现',
    problemFix: '如何处理',
    problemsLede: '接口出错时返回 RFC 9457 格式的 application/problem+json 文档，其中 type 指向下列页面之一。',
    notFoundTitle: '未找到',
    notFoundText: '这个地址没有发布任何内容。标识符一经发布不会重复使用，请从首页的数据集列表查找。',
    footerSource: '所有数字引自',
    kinds: { actual: '实际值', target: '目标', progress: '进度（截至目前）', forecast: '预计' },
    measures: { level: '总量', increase: '新增量', growth_yoy: '同比增长' },
    units: { count: '数量', percent: '百分比', CNY: '人民币元', rank: '位次' },
    qualifiers: { exact: '确数', at_least: '以上（不少于）', more_than: '多、余、超（多于）', about: '左右（约数）' },
  },
  en: {
    siteShort: 'Zhuzhou Innovation Open Data',
    skip: 'Skip to content',
    siteNav: 'Site',
    breadcrumb: 'Breadcrumb',
    home: 'Home',
    datasets: 'Datasets',
    api: 'API',
    feeds: 'Feeds',
    switchTo: '中文',
    switchLabel: '中文版',
    lede: 'Every figure comes with its unit, its qualifier (at least, about, more than), its date and the sentence of the report it stands in, as JSON, CSV and feeds, and as cards for other websites.',
    sourceNote: 'Source',
    getData: 'Get the data',
    catalogJson: 'List of datasets (JSON)',
    openapi: 'API description (OpenAPI 3.1)',
    feedAll: 'All updates',
    feedDataset: 'Updates to this dataset',
    downloads: 'Downloads and feeds',
    indicatorCount: (n) => `${n} indicator${n === 1 ? '' : 's'}`,
    tableCaption: (title, n) => `${title}: ${n} indicator${n === 1 ? '' : 's'}`,
    colIndicator: 'Indicator',
    colFigure: 'Figure',
    colWhen: 'When',
    colKind: 'Kind',
    news: 'Events',
    newsCaption: 'Events the report records',
    related: 'Related indicators',
    details: 'Details',
    issued: 'Issued',
    modified: 'Modified',
    license: 'Licence',
    source: 'Source',
    publisher: 'Publisher',
    indicators: 'Indicators',
    datasetPage: 'Dataset page',
    when: 'When',
    kind: 'Kind',
    measure: 'Measure',
    originalFigure: 'Figure as printed',
    quoteFrom: 'Quotation',
    section: 'Section',
    published: 'Published',
    valueBase: 'Value (base units)',
    unit: 'Unit',
    qualifier: 'Qualifier',
    period: 'Reference period',
    asOf: 'As of',
    identifier: 'Identifier',
    dataset: 'Dataset',
    relations: 'Relations',
    partOf: 'Part of',
    parts: 'Parts',
    towards: 'Towards target',
    progress: 'Progress towards it',
    ranks: 'Ranks',
    rankedBy: 'Ranked by',
    scope: 'Ranking scope',
    embed: 'Embed this figure',
    embedHelp:
      'Paste this code into a web page to show the figure as a card. Until the script loads, the text inside the tag shows as it is.',
    copy: 'Copy code',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Could not copy automatically; the code is selected, press Ctrl+C to copy it.',
    indicatorJson: 'This indicator (JSON)',
    problems: 'Problem types',
    problemType: 'Type',
    problemStatus: 'HTTP status',
    problemWhen: 'When it happens',
    problemFix: 'What to do',
    problemsLede:
      'When a request fails, the API answers with an RFC 9457 application/problem+json document whose type points to one of these pages.',
    notFoundTitle: 'Not found',
    notFoundText:
      'Nothing is published at this address. Identifiers are never reused; find what you are looking for in the list of datasets on the home page.',
    footerSource: 'Every figure is quoted from',
    kinds: { actual: 'Actual', target: 'Target', progress: 'Progress so far', forecast: 'Forecast' },
    measures: {
      level: 'Level (stock or total)',
      increase: 'Increase in the period',
      growth_yoy: 'Year-on-year growth',
    },
    units: { count: 'Count', percent: 'Percent', CNY: 'Chinese yuan (CNY)', rank: 'Rank' },
    qualifiers: { exact: 'Exact', at_least: 'At least', more_than: 'More than', about: 'About' },
  },
};
