/**
 * Words of the pages' charts, headline cards, sentences and the API reference, by language (kept apart from
 * `page-words.ts` so each page family's words stay in one place). Chinese punctuation is full-width.
 */
import type { Indicator, Lang, Unit } from '../schema';

/** What the chart and sentence words need to know of an indicator. */
type Subject = Pick<Indicator, 'unit' | 'unitLabel'>;

export interface SiteWords {
  /** The site's mark, for its `<title>` (the mark itself is decorative in the header). */
  mark: string;
  headline: string;
  headlineLede: string;
  /** Caption of a series chart. */
  chartCaption: (label: string) => string;
  /** One sentence summing a series up for the chart's accessible name. */
  chartSummary: (
    count: number,
    first: [period: string, figure: string],
    last: [period: string, figure: string],
  ) => string;
  /** The y axis title. */
  axisValue: (i: Subject) => string;
  axisPeriod: string;
  /** Legend of open markers: the figure is qualified, not exact. */
  qualifiedNote: string;
  /** Caption of the chart's data table. */
  tableCaption: (label: string) => string;
  colPeriod: string;
  colValue: string;
  colAsOf: string;
  /** The single-value display of an indicator with one observation. */
  singleNote: string;
  progressCaption: (label: string) => string;
  /** `已完成27项，为目标100项的27%。` */
  progressText: (soFar: string, target: string, share: string) => string;
  /** Beside a target that cannot be compared with its so-far figure (an amount against a growth rate). */
  progressApart: (soFar: string, label: string, when: string) => string;
  progressNotComparable: string;
  target: string;
  soFar: string;
  rankCaption: string;
  /** `全国排名第17位` with what is ranked. */
  rankText: (scope: string | undefined, rank: string) => string;
  rankOf: string;
  /** Machine codes of the indicator page, collapsed. */
  codes: string;
  /** Heading of the indicator page's chart section. */
  seriesHeading: string;
  /** Sentences of the details: the figure, qualifier, base units, kind. */
  sentence: {
    /** The figure in a sentence; `value` is the number with its qualifier, `unit` the English measure word or ''. */
    figure: (i: Indicator, value: string, unit: string, when: WhenWords) => string;
    qualifier: Record<Exclude<Indicator['qualifier'], 'exact'>, string>;
    base: (value: string, unit: string) => string;
    kind: Record<Indicator['kind'], string>;
    /** Between two sentences: nothing after `。`, a space after `.`. */
    gap: string;
    /** The same quote as another figure of the dataset page. */
    sameQuote: string;
    sameQuoteLink: (label: string) => string;
  };
  apiReference: {
    nav: string;
    title: string;
    lede: string;
    openapi: string;
    base: string;
    operations: string;
    method: string;
    path: string;
    parameters: string;
    noParameters: string;
    colName: string;
    colIn: string;
    colRequired: string;
    colDescription: string;
    colSchema: string;
    responses: string;
    colStatus: string;
    colMedia: string;
    example: string;
    alsoHead: string;
    auth: string;
    yes: string;
    no: string;
    oneOf: string;
    /** The descriptions come from the OpenAPI document, in English. */
    englishNote: string;
    locations: Record<string, string>;
  };
}

/** A date phrase in the forms a sentence needs. */
export interface WhenWords {
  /** `截至2023年3月31日` / `as of 31 March 2023` (as-of date), else the period in words. */
  text: string;
  /** Whether `text` is an as-of date. */
  asOf: boolean;
  /** The period in words (`2023年` / `2023`). */
  period: string;
  /** How precise the period is: 1 year, 2 month, 3 day, 0 an interval. */
  precision: number;
}

const ZH_UNIT_TITLE: Record<Unit, (i: Subject) => string> = {
  count: (i) => `单位：${i.unitLabel.zh}`,
  percent: () => '单位：%',
  CNY: () => '单位：元',
  rank: () => '位次',
};

const EN_UNIT_TITLE: Record<Unit, (i: Subject) => string> = {
  count: (i) => `Number of ${i.unitLabel.en}`,
  percent: () => 'Percent',
  CNY: () => 'Chinese yuan (CNY)',
  rank: () => 'Rank',
};

/** An English label inside a sentence: lower-cased first letter unless it starts an acronym (R&D). */
const inSentence = (label: string): string =>
  /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** `In 2022` / `In April 2023` / `On 30 June 2023` / `As of 31 March 2023`. */
function enWhen(when: WhenWords): string {
  if (when.asOf) return capitalise(when.text);
  return `${when.precision === 3 ? 'On' : 'In'} ${when.period}`;
}

export const SITE_WORDS: Readonly<Record<Lang, SiteWords>> = {
  zh: {
    mark: '株洲科创开放数据标志',
    headline: '主要数字',
    headlineLede: '来访者最常查找的几个数字；点击卡片查看出处、走势和嵌入代码。',
    chartCaption: (label) => `${label}：各统计期的数值`,
    chartSummary: (count, [p0, f0], [p1, f1]) => `共${count}个统计期，从${p0}的${f0}到${p1}的${f1}。`,
    axisValue: (i) => ZH_UNIT_TITLE[i.unit](i),
    axisPeriod: '统计期',
    qualifiedNote: '空心标记表示数值带有“以上”“左右”或“超过”，不是确数。',
    tableCaption: (label) => `${label}：数据表`,
    colPeriod: '统计期',
    colValue: '数值',
    colAsOf: '截止日期',
    singleNote: '目前只有这一个统计期的数据；发布新的统计期后，这里会显示走势图。',
    progressCaption: (label) => `${label}：目标完成进度`,
    progressText: (soFar, target, share) => `已完成${soFar}，为目标${target}的${share}。`,
    progressApart: (soFar, label, when) => `已完成：${label}${soFar}（${when}）。`,
    progressNotComparable: '进度与目标的度量不同（如金额与增长率），因此不画进度条。',
    target: '目标',
    soFar: '已完成',
    rankCaption: '排名',
    rankText: (scope, rank) => `${scope ?? ''}排名${rank}`,
    rankOf: '排名依据',
    codes: '机器可读字段（接口和 CSV 使用）',
    seriesHeading: '数据走势',
    sentence: {
      figure: (i, figure, _unit, when) => {
        const label = i.label.zh;
        if (i.kind === 'target') return `${when.period}目标：${label}${figure}。`;
        if (i.kind === 'progress') return `${when.period}以来，${label}${figure}（${when.text}）。`;
        if (i.kind === 'forecast') return `${when.text}，${label}预计为${figure}。`;
        if (i.measure === 'level' && i.unit === 'count') return `${when.text}，${label}共${figure}。`;
        if (i.measure === 'level') return `${when.text}，${label}为${figure}。`;
        return `${when.text}，${label}${figure}。`;
      },
      qualifier: {
        at_least: '“以上”表示实际数不少于这个数。',
        more_than: '原文写作“多”“余”或“超”，表示实际数多于这个数。',
        about: '“左右”表示这是一个约数。',
      },
      base: (value, unit) => `以基本单位计为${value}${unit}。`,
      kind: {
        actual: '这是已经发生的实际数。',
        target: '这是计划达到的目标，不是实际数。',
        progress: '这是向目标推进的阶段性数字，全年尚未结束。',
        forecast: '这是预计数，不是实际数。',
      },
      gap: '',
      sameQuote: '原文与上文相同',
      sameQuoteLink: (label) => `见“${label}”的原文`,
    },
    apiReference: {
      nav: '接口文档',
      title: '接口文档',
      lede: '开放数据接口的每一个操作：方法、路径、参数、响应和示例地址。本页由 OpenAPI 文档生成，与接口同步。',
      openapi: 'OpenAPI 3.1 文档（JSON）',
      base: '基础路径',
      operations: '操作',
      method: '方法',
      path: '路径',
      parameters: '参数',
      noParameters: '无参数。',
      colName: '名称',
      colIn: '位置',
      colRequired: '必填',
      colDescription: '说明',
      colSchema: '取值',
      responses: '响应',
      colStatus: '状态码',
      colMedia: '媒体类型',
      example: '示例',
      alsoHead: '同样支持 HEAD（只返回响应头）',
      auth: '需要发布令牌（Authorization: Bearer）。',
      yes: '是',
      no: '否',
      oneOf: '可选值',
      englishNote: '参数和响应的说明取自 OpenAPI 文档，为英文。',
      locations: { path: '路径', query: '查询', header: '请求头' },
    },
  },
  en: {
    mark: 'Zhuzhou Innovation Open Data mark',
    headline: 'Headline figures',
    headlineLede:
      'The figures visitors look for most; open a card for its source, its series and the code to embed it.',
    chartCaption: (label) => `${label}: the figure for each reference period`,
    chartSummary: (count, [p0, f0], [p1, f1]) => `${count} reference periods, from ${f0} (${p0}) to ${f1} (${p1}).`,
    axisValue: (i) => EN_UNIT_TITLE[i.unit](i),
    axisPeriod: 'Reference period',
    qualifiedNote: 'Open markers: the figure is qualified (at least, about, more than), not exact.',
    tableCaption: (label) => `${label}: data table`,
    colPeriod: 'Reference period',
    colValue: 'Figure',
    colAsOf: 'As of',
    singleNote: 'There is one reference period so far; a chart of the series appears here once another is published.',
    progressCaption: (label) => `${label}: progress towards the target`,
    progressText: (soFar, target, share) => `${capitalise(soFar)} so far: ${share} of the target of ${target}.`,
    progressApart: (soFar, label, when) => `So far: ${label}, ${soFar} (${when}).`,
    progressNotComparable:
      'The so-far figure measures something else than the target (an amount against a growth rate), so no bar is drawn.',
    target: 'Target',
    soFar: 'So far',
    rankCaption: 'Rank',
    rankText: (scope, rank) => `${rank}${scope ? ` ${scope.toLowerCase()}` : ''}`,
    rankOf: 'What is ranked',
    codes: 'Machine-readable fields (as the API and CSV use them)',
    seriesHeading: 'Over time',
    sentence: {
      figure: (i, value, unit, when) => {
        const label = inSentence(i.label.en);
        const figure = unit ? `${value} ${unit}` : value;
        if (i.kind === 'target') return `The target for ${when.period}: ${label}, ${figure}.`;
        if (i.kind === 'progress') return `So far in ${when.period}: ${label}, ${figure}.`;
        const at = enWhen(when);
        if (i.kind === 'forecast') return `${at}, ${label} is expected to be ${figure}.`;
        if (i.measure === 'level' && i.unit === 'count') return `${at}, the number of ${label} was ${value}.`;
        return `${at}, ${label} was ${figure}.`;
      },
      qualifier: {
        at_least: '“At least” (以上): the actual figure is this or more.',
        more_than: 'The report writes 多, 余 or 超: the actual figure is more than this.',
        about: '“About” (左右): the figure is approximate.',
      },
      base: (value, unit) => `In base units: ${value}${unit ? ` ${unit}` : ''}.`,
      kind: {
        actual: 'This is an actual figure.',
        target: 'This is a target, not an actual figure.',
        progress: 'This is progress towards a target, with the year not yet over.',
        forecast: 'This is a forecast, not an actual figure.',
      },
      gap: ' ',
      sameQuote: 'Same quotation as above',
      sameQuoteLink: (label) => `see the quotation of “${label}”`,
    },
    apiReference: {
      nav: 'API reference',
      title: 'API reference',
      lede: 'Every operation of the open-data API: method, path, parameters, responses and an example URL. This page is generated from the OpenAPI document, so it always matches the API.',
      openapi: 'OpenAPI 3.1 document (JSON)',
      base: 'Base path',
      operations: 'Operations',
      method: 'Method',
      path: 'Path',
      parameters: 'Parameters',
      noParameters: 'No parameters.',
      colName: 'Name',
      colIn: 'In',
      colRequired: 'Required',
      colDescription: 'Description',
      colSchema: 'Values',
      responses: 'Responses',
      colStatus: 'Status',
      colMedia: 'Media types',
      example: 'Example',
      alsoHead: 'HEAD is answered too (headers only)',
      auth: 'Needs a publishing token (Authorization: Bearer).',
      yes: 'yes',
      no: 'no',
      oneOf: 'One of',
      englishNote: 'Descriptions of parameters and responses come from the OpenAPI document.',
      locations: { path: 'path', query: 'query', header: 'header' },
    },
  },
};
