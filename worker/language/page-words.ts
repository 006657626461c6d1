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
  /** The indicator page's link to its own feed (every revision of the figure). */
  feedIndicator: string;
  downloads: string;
  indicatorCount: (n: number) => string;
  tableCaption: (title: string, n: number) => string;
  /** After the first figures of a long dataset on a summary page: how many more, with a link to its page. */
  moreFigures: (n: number) => string;
  /** After the figures a very long dataset's page lists: how many more the API and CSV give. */
  moreFiguresData: (n: number) => string;
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
  /** Before the suggested id on a not-found page, and after it (`您要找的是不是 platforms-total？`). */
  didYouMean: readonly [before: string, after: string];
  footerSource: string;
  kinds: Record<Kind, string>;
  measures: Record<Indicator['measure'], string>;
  units: Record<Unit, string>;
  qualifiers: Record<Qualifier, string>;
  /** The data officers' publishing page (`/publish`). */
  publish: PublishWords;
  /** A news event's own page (`/news/:id`). */
  newsPage: NewsPageWords;
}

/** Words of a news event's page. */
export interface NewsPageWords {
  /** The crumb and back link to the list of events on the landing page. */
  allEvents: string;
  when: string;
  where: string;
  /** Heading of the figures the event reports. */
  figures: string;
  /** Heading of the datasets those figures belong to. */
  datasets: string;
  /** Heading of the verbatim sentence of the report. */
  source: string;
  /** Link to the event in the API. */
  json: string;
  /** The landing page's link from an event to its page. */
  more: string;
}

/**
 * Words of the publishing page. `messages` are the page script's: it reads them from the page, fills `{name}`
 * placeholders and says them in the form's live status.
 */
export interface PublishWords {
  nav: string;
  title: string;
  lede: string;
  needsJs: string;
  cli: string;
  tokenHeading: string;
  token: string;
  tokenHelp: string;
  forget: string;
  pickHeading: string;
  indicator: string;
  current: string;
  newHeading: string;
  period: string;
  periodHelp: string;
  value: string;
  valueHelp: string;
  qualifier: string;
  /** The select's options: the Chinese words 确数, 以上, 超过, 左右 (with the English meaning in English). */
  qualifiers: Record<Qualifier, string>;
  asOf: string;
  asOfHelp: string;
  figure: string;
  figureHelp: string;
  source: string;
  publisherZh: string;
  publisherEn: string;
  titleZh: string;
  titleEn: string;
  url: string;
  reason: string;
  reasonHelp: string;
  optional: string;
  check: string;
  publish: string;
  preview: string;
  previewHelp: string;
  listHeading: string;
  listHelp: string;
  /** A long catalog's list names the datasets only; their pages and CSV give the indicators' identifiers. */
  listLong: string;
  /** The default source of a figure the bureau publishes itself (the page's and the CLI's default). */
  bureau: { zh: string; en: string };
  messages: Readonly<Record<PublishMessage, string>>;
}

/** What the publishing page's script can say. */
export type PublishMessage =
  | 'loading'
  | 'loaded'
  | 'loadFailed'
  | 'noToken'
  | 'tokenForgotten'
  | 'checking'
  | 'valid'
  | 'invalid'
  | 'publishing'
  | 'published'
  | 'stale'
  | 'unauthorized'
  | 'forbidden'
  | 'tooMany'
  | 'notFound'
  | 'conflict'
  | 'failed'
  | 'network'
  | 'seriesCaption'
  | 'historyCaption'
  | 'colPeriod'
  | 'colValue'
  | 'colQualifier'
  | 'colAsOf'
  | 'colPublished'
  | 'colPublisher'
  | 'colReason'
  | 'colRevision'
  | 'currentValue'
  | 'none'
  | 'revisionLink'
  | 'indicatorLink';

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
    feedIndicator: '订阅此指标',
    downloads: '下载与订阅',
    indicatorCount: (n) => `${n}项指标`,
    tableCaption: (title, n) => `${title}：${n}项指标`,
    moreFigures: (n) => `另有${n}项指标，见数据集页面`,
    moreFiguresData: (n) => `另有${n}项指标未在本页列出，可通过 JSON 或 CSV 分页取得。`,
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
    didYouMean: ['您要找的是不是', '？标识符区分大小写。'],
    footerSource: '所有数字引自',
    kinds: { actual: '实际值', target: '目标', progress: '进度（截至目前）', forecast: '预计' },
    measures: { level: '总量', increase: '新增量', growth_yoy: '同比增长' },
    units: { count: '数量', percent: '百分比', CNY: '人民币元', rank: '位次' },
    qualifiers: { exact: '确数', at_least: '以上（不少于）', more_than: '多、余、超（多于）', about: '左右（约数）' },
    newsPage: {
      allEvents: '大事记',
      when: '时间',
      where: '地点',
      figures: '相关指标',
      datasets: '相关数据集',
      source: '报道原文',
      json: '本条大事记（JSON）',
      more: '详情',
    },
    publish: {
      nav: '发布数据',
      title: '发布数据',
      lede: '数据官在这里发布指标的新数值或更正旧数值。每次发布都记入修订记录，写明发布者和原因，旧数值不会被删除。',
      needsJs:
        '发布需要启用 JavaScript：令牌只保存在本标签页中，由页面脚本随请求发送。下面列出了可以发布的指标及其标识符；也可以使用命令行工具 npm run publish 发布。',
      cli: '批量发布（CSV）请使用命令行：npm run publish -- --csv 文件.csv。',
      tokenHeading: '发布令牌',
      token: '令牌',
      tokenHelp: '令牌只保存在本标签页（sessionStorage）中，关闭标签页即清除；不会写入 Cookie，也不会出现在网址中。',
      forget: '清除令牌',
      pickHeading: '选择指标',
      indicator: '指标',
      current: '当前数据',
      newHeading: '新数值',
      period: '统计期',
      periodHelp: 'ISO 8601 格式，如 2023、2023-06、2023-06-30。同一统计期再次发布即为更正。',
      value: '数值',
      valueHelp: '以基本单位填写：元而不是亿元（308亿元填 30800000000），百分比填 12 表示 12%。',
      qualifier: '限定词',
      qualifiers: { exact: '确数', at_least: '以上', more_than: '超过', about: '左右' },
      asOf: '截止日期',
      asOfHelp: 'YYYY-MM-DD，如来源写明“截至6月底”则填 2023-06-30。',
      figure: '原文数字',
      figureHelp: '来源中的原样写法，如 60家、12%以上、超30亿元；须与数值和限定词一致。',
      source: '来源',
      publisherZh: '发布机构（中文）',
      publisherEn: '发布机构（英文）',
      titleZh: '文件或报道标题（中文）',
      titleEn: '文件或报道标题（英文）',
      url: '来源网址',
      reason: '发布原因',
      reasonHelp: '写明为什么发布或更正，如“2023年上半年统计公报”。',
      optional: '（选填）',
      check: '检查并预览',
      publish: '发布',
      preview: '预览',
      previewHelp: '检查通过后，这里显示数据卡片发布后的样子。',
      listHeading: '可发布的指标',
      listHelp: '命令行和接口使用下列标识符。',
      listLong: '指标较多，这里只列出数据集；每个数据集的页面和 CSV 列出其指标及标识符。',
      bureau: { zh: '株洲市科学技术局', en: 'Zhuzhou Science and Technology Bureau' },
      messages: {
        loading: '正在读取当前数据……',
        loaded: '已读取当前数据：{value}（{period}）。',
        loadFailed: '无法读取当前数据：{detail}',
        noToken: '请先粘贴发布令牌。',
        tokenForgotten: '已清除令牌。',
        checking: '正在检查……',
        valid: '检查通过，下面是发布后的卡片预览。尚未发布。',
        invalid: '有{count}处需要修改，见各项下方的说明。',
        publishing: '正在发布……',
        published: '已发布：修订 {id}，数值 {value}。',
        stale:
          '别人刚刚先发布了这个指标，您的数值没有发布。现在的数值是 {value}（{period}）。请核对；如果仍要用您的数值替换，请再次点击“发布”。',
        unauthorized: '令牌无效：服务器不接受这个令牌。请确认完整粘贴了令牌，或向管理员申请新的令牌。',
        forbidden: '这台服务器目前不接受发布：{detail}',
        tooMany: '失败次数过多，已暂停接受这个网络的发布请求。请在 {seconds} 秒后再试。',
        notFound: '没有这个指标：{detail}',
        conflict: '无法发布到这个指标：{detail}',
        failed: '发布失败（{status}）：{detail}',
        network: '无法连接服务器，没有发布任何内容。请检查网络后重试。',
        seriesCaption: '各统计期的数值（最早的在前）',
        historyCaption: '修订记录（最新的在前）',
        colPeriod: '统计期',
        colValue: '数值',
        colQualifier: '限定词',
        colAsOf: '截止日期',
        colPublished: '发布时间',
        colPublisher: '发布者',
        colReason: '原因',
        colRevision: '修订',
        currentValue: '当前数值：',
        none: '暂无记录。',
        revisionLink: '查看这次修订（JSON）',
        indicatorLink: '查看指标页面',
      },
    },
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
    feedIndicator: 'Subscribe to this figure',
    downloads: 'Downloads and feeds',
    indicatorCount: (n) => `${n} indicator${n === 1 ? '' : 's'}`,
    tableCaption: (title, n) => `${title}: ${n} indicator${n === 1 ? '' : 's'}`,
    moreFigures: (n) => `${n} more indicator${n === 1 ? '' : 's'} on the dataset’s page`,
    moreFiguresData: (n) =>
      `${n} more indicator${n === 1 ? ' is' : 's are'} not listed here; the JSON and CSV give them, a page at a time.`,
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
    didYouMean: ['Did you mean ', '? Identifiers are case-sensitive.'],
    footerSource: 'Every figure is quoted from',
    kinds: { actual: 'Actual', target: 'Target', progress: 'Progress so far', forecast: 'Forecast' },
    measures: {
      level: 'Level (stock or total)',
      increase: 'Increase in the period',
      growth_yoy: 'Year-on-year growth',
    },
    units: { count: 'Count', percent: 'Percent', CNY: 'Chinese yuan (CNY)', rank: 'Rank' },
    qualifiers: { exact: 'Exact', at_least: 'At least', more_than: 'More than', about: 'About' },
    newsPage: {
      allEvents: 'Events',
      when: 'When',
      where: 'Where',
      figures: 'Figures reported',
      datasets: 'Datasets',
      source: 'What the report says',
      json: 'This event as JSON',
      more: 'Details',
    },
    publish: {
      nav: 'Publish',
      title: 'Publish a figure',
      lede: 'Data officers publish a new figure of an indicator here, or correct an old one. Every publication is recorded with its publisher and reason; earlier figures are never deleted.',
      needsJs:
        'Publishing needs JavaScript: the token stays in this tab and the page script sends it with each request. The indicators you can publish to and their identifiers are listed below; you can also publish with the command-line tool, npm run publish.',
      cli: 'To publish many rows (CSV), use the command line: npm run publish -- --csv file.csv.',
      tokenHeading: 'Publishing token',
      token: 'Token',
      tokenHelp:
        'The token is kept in this tab only (sessionStorage) and is gone when you close the tab; it is never stored in a cookie or put in an address.',
      forget: 'Forget token',
      pickHeading: 'Choose an indicator',
      indicator: 'Indicator',
      current: 'Current data',
      newHeading: 'New figure',
      period: 'Reference period',
      periodHelp: 'ISO 8601, such as 2023, 2023-06 or 2023-06-30. Publishing a period again corrects it.',
      value: 'Value',
      valueHelp: 'In base units: yuan, not 亿元 (308亿元 is 30800000000); 12 for 12%.',
      qualifier: 'Qualifier',
      qualifiers: {
        exact: 'Exact (确数)',
        at_least: 'At least (以上)',
        more_than: 'More than (超过)',
        about: 'About (左右)',
      },
      asOf: 'As of',
      asOfHelp: 'YYYY-MM-DD: if the source says “at the end of June”, 2023-06-30.',
      figure: 'Figure as printed',
      figureHelp:
        'As the source writes it, such as 60家, 12%以上 or 超30亿元; it must agree with the value and qualifier.',
      source: 'Source',
      publisherZh: 'Publisher (Chinese)',
      publisherEn: 'Publisher (English)',
      titleZh: 'Title of the document or report (Chinese)',
      titleEn: 'Title of the document or report (English)',
      url: 'Source address (URL)',
      reason: 'Reason',
      reasonHelp: 'Say why you publish or correct it, such as “statistical bulletin, first half of 2023”.',
      optional: ' (optional)',
      check: 'Check and preview',
      publish: 'Publish',
      preview: 'Preview',
      previewHelp: 'Once the check passes, the card appears here as it will look when published.',
      listHeading: 'Indicators you can publish to',
      listHelp: 'The command line and the API use these identifiers.',
      listLong:
        'There are many indicators, so this list names the datasets; each dataset’s page and CSV give its indicators and their identifiers.',
      bureau: { zh: '株洲市科学技术局', en: 'Zhuzhou Science and Technology Bureau' },
      messages: {
        loading: 'Reading the current data…',
        loaded: 'Current data read: {value} ({period}).',
        loadFailed: 'Could not read the current data: {detail}',
        noToken: 'Paste your publishing token first.',
        tokenForgotten: 'Token forgotten.',
        checking: 'Checking…',
        valid: 'The check passed; the card below is how it will look. Nothing is published yet.',
        invalid: '{count} field(s) need changes; see the notes under them.',
        publishing: 'Publishing…',
        published: 'Published: revision {id}, value {value}.',
        stale:
          'Someone else published this indicator first, so yours was not published. The figure is now {value} ({period}). Check it; if yours should still replace it, press Publish again.',
        unauthorized:
          'The token was not accepted. Check that you pasted all of it, or ask the administrator for a new one.',
        forbidden: 'This server does not accept publishing at the moment: {detail}',
        tooMany: 'Too many failed attempts from your network; publishing is paused. Try again in {seconds} seconds.',
        notFound: 'No such indicator: {detail}',
        conflict: 'This indicator cannot take new figures: {detail}',
        failed: 'Publishing failed ({status}): {detail}',
        network: 'Could not reach the server; nothing was published. Check your connection and try again.',
        seriesCaption: 'Figures by reference period (oldest first)',
        historyCaption: 'Revisions (newest first)',
        colPeriod: 'Period',
        colValue: 'Value',
        colQualifier: 'Qualifier',
        colAsOf: 'As of',
        colPublished: 'Published',
        colPublisher: 'Publisher',
        colReason: 'Reason',
        colRevision: 'Revision',
        currentValue: 'Current figure: ',
        none: 'Nothing recorded yet.',
        revisionLink: 'This revision (JSON)',
        indicatorLink: 'The indicator page',
      },
    },
  },
};
