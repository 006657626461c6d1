import type { Snapshot } from '../data-source';
import { MAX_URL_LENGTH, PROBLEM_TITLES, type ProblemType } from '../http';
import { WORDS } from '../language';
import { apiDatasets, apiOpenApi, homePath, problemPath, problemsPath } from '../links';
import type { Lang } from '../schema';
import { type Html, h } from './html';
import { layout, type PageOptions } from './layout';

/** What a problem type means and what a client should do, in both languages. */
interface ProblemDoc {
  /** The statuses it comes with. */
  status: number[];
  /** Chinese title (the English one is `PROBLEM_TITLES`, which problem documents carry). */
  title: string;
  when: Record<Lang, string>;
  fix: Record<Lang, string>;
}

/**
 * Documentation of every problem type in `worker/http/problem.ts`. Typed as
 * a record over `ProblemType`, so a new type does not compile until it is
 * documented here.
 */
export const PROBLEM_DOCS: Readonly<Record<ProblemType, ProblemDoc>> = {
  'invalid-parameter': {
    status: [400],
    title: '查询参数无效',
    when: {
      zh: '某个查询参数的值不被允许，或同一参数出现了不止一次。',
      en: 'A query parameter has a value that is not allowed, or is given more than once.',
    },
    fix: {
      zh: `文档的 detail 和 invalid-params 成员写明了是哪个参数、允许哪些值。改正后重试；各参数的取值见 ${apiOpenApi()}。`,
      en: `The detail and invalid-params members name the parameter and the values it allows. Correct it and retry; ${apiOpenApi()} lists every parameter.`,
    },
  },
  'unknown-parameter': {
    status: [400],
    title: '未知的查询参数',
    when: {
      zh: '请求带有该资源不接受的查询参数，多半是拼写错误。接口拒绝未知参数，以免悄悄忽略它们。',
      en: 'The request has a query parameter this resource does not take, most often a typo. Unknown parameters are rejected rather than silently ignored.',
    },
    fix: {
      zh: '文档的 allowed 成员列出了该资源接受的参数。删去或改正该参数。',
      en: 'The allowed member lists the parameters this resource takes. Remove or correct the parameter.',
    },
  },
  'not-found': {
    status: [404],
    title: '未找到',
    when: {
      zh: '该地址没有发布任何内容，例如数据集或指标的标识符不存在。',
      en: 'Nothing is published at the URL, for example because no dataset or indicator has that identifier.',
    },
    fix: {
      zh: `标识符一经发布不会重复使用。从 ${apiDatasets()} 查看现有的数据集和指标。`,
      en: `Identifiers are never reused. See ${apiDatasets()} for the datasets and indicators that exist.`,
    },
  },
  'method-not-allowed': {
    status: [405],
    title: '不允许的请求方法',
    when: {
      zh: '请求使用了 GET、HEAD、OPTIONS 以外的方法。本服务只读。',
      en: 'The request used a method other than GET, HEAD or OPTIONS. The service is read-only.',
    },
    fix: {
      zh: '响应的 Allow 头列出了可用的方法。改用 GET 读取数据。',
      en: 'The Allow header of the response lists the methods that work. Use GET to read the data.',
    },
  },
  'not-acceptable': {
    status: [406],
    title: '无法提供所要求的格式',
    when: {
      zh: 'Accept 请求头只接受该资源没有的格式。',
      en: 'The Accept header accepts only formats this resource does not have.',
    },
    fix: {
      zh: '在 Accept 中加入资源提供的格式（如 application/json 或 text/csv），或不发送 Accept。',
      en: 'Accept a format the resource has (such as application/json or text/csv), or send no Accept header.',
    },
  },
  'uri-too-long': {
    status: [414],
    title: '网址过长',
    when: {
      zh: `请求的网址超过 ${MAX_URL_LENGTH} 个字符。`,
      en: `The URL is longer than ${MAX_URL_LENGTH} characters.`,
    },
    fix: {
      zh: '一次请求很多指标时，把 ids 分成几次请求。',
      en: 'When asking for many indicators, split the ids over several requests.',
    },
  },
  'bad-request': {
    status: [400],
    title: '请求有误',
    when: {
      zh: '网址本身有误：百分号编码不完整或不是有效的 UTF-8，或含有 NUL 等控制字符。',
      en: 'The URL itself is malformed: incomplete percent-encoding or invalid UTF-8, or control characters such as NUL.',
    },
    fix: {
      zh: '按 RFC 3986 正确编码网址后重试。',
      en: 'Encode the URL correctly (RFC 3986) and retry.',
    },
  },
  'not-implemented': {
    status: [501],
    title: '尚未提供',
    when: {
      zh: '请求了本服务没有实现的功能，例如 format=xml 的 oEmbed 响应。',
      en: 'The request asks for something the service does not implement, such as an oEmbed response with format=xml.',
    },
    fix: {
      zh: 'detail 成员写明了可用的替代方式，例如 oEmbed 请使用 format=json。',
      en: 'The detail member names what works instead; for oEmbed, use format=json.',
    },
  },
  'internal-error': {
    status: [500],
    title: '服务器内部错误',
    when: {
      zh: '服务器端出了问题，与请求内容无关。',
      en: 'Something went wrong on our side; the request itself was fine.',
    },
    fix: {
      zh: '稍后重试。如果一直出现，请连同网址一起报告。',
      en: 'Try again later. If it persists, report it with the URL.',
    },
  },
};

/** The documented types, in the order of `PROBLEM_TITLES`. */
export const PROBLEM_TYPES = Object.keys(PROBLEM_TITLES) as ProblemType[];

/** True when `type` is a documented problem type. */
export const isProblemType = (type: string): type is ProblemType => Object.hasOwn(PROBLEM_DOCS, type);

const problemTitle = (type: ProblemType, lang: Lang) =>
  lang === 'zh' ? PROBLEM_DOCS[type].title : PROBLEM_TITLES[type];

/** `/problems/:type`: what one problem type means and what to do about it. */
export function problemPage(snapshot: Snapshot, type: ProblemType, { lang, origin }: PageOptions): Html {
  const w = WORDS[lang];
  const doc = PROBLEM_DOCS[type];
  const title = problemTitle(type, lang);
  const main = h`<h1>${title}</h1>
<dl class="facts">
<dt>${w.problemType}</dt><dd><code>${problemPath(type)}</code></dd>
<dt>${w.problemStatus}</dt><dd>${doc.status.join(', ')}</dd>
${lang === 'zh' ? h`<dt><code>title</code></dt><dd lang="en">${PROBLEM_TITLES[type]}</dd>\n` : ''}</dl>
<h2>${w.problemWhen}</h2>
<p>${doc.when[lang]}</p>
<h2>${w.problemFix}</h2>
<p>${doc.fix[lang]}</p>
<p><a href="${problemsPath(lang)}">${w.problems}</a></p>`;
  return layout({
    lang,
    origin,
    meta: snapshot.meta,
    at: (l) => problemPath(type, l),
    title,
    description: doc.when[lang],
    crumbs: [{ href: homePath(lang), text: w.home }, { href: problemsPath(lang), text: w.problems }, { text: title }],
    main,
  });
}

/** `/problems`: every problem type the API answers with. */
export function problemsIndexPage(snapshot: Snapshot, { lang, origin }: PageOptions): Html {
  const w = WORDS[lang];
  const main = h`<h1>${w.problems}</h1>
<p>${w.problemsLede}</p>
<table>
<caption>${w.problems}</caption>
<thead><tr><th scope="col">${w.problemType}</th><th scope="col">${w.problemStatus}</th><th scope="col">${w.problemWhen}</th></tr></thead>
<tbody>
${PROBLEM_TYPES.map(
  (
    type,
  ) => h`<tr><th scope="row"><a href="${problemPath(type, lang)}">${problemTitle(type, lang)}</a></th><td>${PROBLEM_DOCS[type].status.join(', ')}</td><td>${PROBLEM_DOCS[type].when[lang]}</td></tr>
`,
)}</tbody>
</table>`;
  return layout({
    lang,
    origin,
    meta: snapshot.meta,
    at: problemsPath,
    title: w.problems,
    description: w.problemsLede,
    crumbs: [{ href: homePath(lang), text: w.home }, { text: w.problems }],
    main,
  });
}
