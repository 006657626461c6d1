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
      zh: '向数据接口发出的请求带有该资源不接受的查询参数，多半是拼写错误。接口拒绝未知参数，以免悄悄忽略它们；只有 jQuery 的 _ 和统计用的 utm_* 参数会被忽略。页面、订阅源、徽章、iframe 卡片、oEmbed 和挂件脚本忽略一切未知参数。',
      en: "A request to the data API has a query parameter this resource does not take, most often a typo. Unknown parameters are rejected rather than silently ignored; only jQuery's _ and analytics' utm_* are ignored. Pages, feeds, badges, iframe cards, oEmbed and the widget script ignore every unknown parameter.",
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
      zh: '请求使用了该资源不支持的方法。读取用 GET、HEAD、OPTIONS；只有写入接口接受 POST。',
      en: 'The request used a method the resource does not support. Reads take GET, HEAD and OPTIONS; only the write API takes POST.',
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
      zh: '网址本身有误：百分号编码不完整或不是有效的 UTF-8，或含有 NUL 等控制字符；或者写入请求的请求体不是合法的 JSON，或请求头（如 Idempotency-Key）格式不对。',
      en: 'The URL itself is malformed: incomplete percent-encoding or invalid UTF-8, or control characters such as NUL; or the body of a write request is not valid JSON, or a header (such as Idempotency-Key) is malformed.',
    },
    fix: {
      zh: '按 RFC 3986 正确编码网址，或发送合法的 UTF-8 JSON，然后重试。',
      en: 'Encode the URL correctly (RFC 3986), or send valid UTF-8 JSON, and retry.',
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
  unauthorized: {
    status: [401],
    title: '未授权',
    when: {
      zh: '写入请求没有带发布令牌，或令牌不对。写入接口只接受 Authorization: Bearer 令牌。',
      en: 'A write request carries no publishing token, or a wrong one. The write API takes only Authorization: Bearer tokens.',
    },
    fix: {
      zh: '带上数据管理员发给你的令牌（Authorization: Bearer <令牌>）后重试。连续失败过多会被暂时拒绝。',
      en: 'Send the token your data administrator gave you (Authorization: Bearer <token>) and retry. Too many failures get you refused for a while.',
    },
  },
  'writes-disabled': {
    status: [403],
    title: '未开放写入',
    when: {
      zh: '本部署没有开放写入：没有配置发布令牌（PUBLISH_TOKENS），或者没有可写的 D1 数据库（绑定缺失或尚未应用迁移）。',
      en: 'Writing is not enabled on this deployment: no publishing tokens are configured (PUBLISH_TOKENS), or there is no writable D1 database (no binding, or its migrations are not applied).',
    },
    fix: {
      zh: '请运维人员设置 PUBLISH_TOKENS 密钥，绑定 D1 数据库并应用迁移（wrangler d1 migrations apply）。读取接口不受影响。',
      en: 'An operator sets the PUBLISH_TOKENS secret, binds the D1 database and applies its migrations (wrangler d1 migrations apply). Reads are not affected.',
    },
  },
  'too-many-requests': {
    status: [429],
    title: '请求过多',
    when: {
      zh: '该客户端的令牌验证失败次数过多，写入请求暂时一律被拒绝。',
      en: 'This client failed authentication too often; its write requests are refused for a while.',
    },
    fix: {
      zh: '等待 Retry-After 响应头给出的秒数，再用正确的令牌重试。',
      en: 'Wait the number of seconds the Retry-After header gives, then retry with a valid token.',
    },
  },
  'precondition-failed': {
    status: [412],
    title: '前提条件不成立',
    when: {
      zh: '请求带有 If-Match，但该指标在你读取之后已经被改过（或 ETag 不属于该指标）。写入没有发生。',
      en: 'The request has an If-Match, but the indicator changed after you read it (or the ETag is not one of this indicator). Nothing was written.',
    },
    fix: {
      zh: '响应的 ETag 头是当前版本。重新读取该指标，核对改动，再用新的 ETag 作为 If-Match 重试。',
      en: 'The ETag header of the response is the current version. Read the indicator again, check the change, and retry with the new ETag as If-Match.',
    },
  },
  'idempotency-key-reused': {
    status: [422],
    title: '幂等键已被使用',
    when: {
      zh: '这个 Idempotency-Key 已用于另一个不同内容的请求。相同的键和相同的内容只会得到第一次的结果。',
      en: 'This Idempotency-Key was already used for a request with other content. The same key with the same content only gets the first answer again.',
    },
    fix: {
      zh: '每个不同的写入请用新的键（例如随机 UUID）；重试时原样重发同一内容。',
      en: 'Use a new key (a random UUID, say) for every different write; when retrying, resend exactly the same content.',
    },
  },
  'payload-too-large': {
    status: [413],
    title: '请求体过大',
    when: {
      zh: '请求体超过 64 KiB。',
      en: 'The request body is larger than 64 KiB.',
    },
    fix: {
      zh: '把修订拆成几批提交。',
      en: 'Split the revisions over several requests.',
    },
  },
  'unsupported-media-type': {
    status: [415],
    title: '不支持的媒体类型',
    when: {
      zh: '写入请求的 Content-Type 不是 application/json。',
      en: 'The Content-Type of a write request is not application/json.',
    },
    fix: {
      zh: '以 JSON 发送请求体，并带上 Content-Type: application/json。',
      en: 'Send the body as JSON with Content-Type: application/json.',
    },
  },
  'invalid-body': {
    status: [400],
    title: '请求体无效',
    when: {
      zh: '请求体是 JSON，但有字段缺失、多余或取值不对，例如数字与原文写法不符。',
      en: 'The body is JSON, but fields are missing, unknown or invalid, for example a value that disagrees with the figure as written.',
    },
    fix: {
      zh: 'invalid-params 成员逐一列出出错字段的路径（如 source.publisher.zh，批量时为 revisions.2.value）和原因。全部改正后重试。',
      en: 'The invalid-params member lists the path of each bad field (such as source.publisher.zh, or revisions.2.value in a batch) and why. Correct them all and retry.',
    },
  },
  conflict: {
    status: [409],
    title: '冲突',
    when: {
      zh: '要新建的数据集或指标的标识符已被占用（标识符永不重复使用），或要修订的指标已被撤回。',
      en: 'The id of the dataset or indicator to create is taken (ids are never reused), or the indicator to revise has been withdrawn.',
    },
    fix: {
      zh: '新建时换一个标识符；已撤回的指标不能再修订，可以新建一个指标。',
      en: 'Choose another id for something new; a withdrawn indicator cannot be revised, but a new one can be created.',
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
