/**
 * `apiReferencePath(lang)`: the API reference for people, rendered on the server from the OpenAPI document the API
 * serves (`buildOpenApiDocument`, passed in by the app: features do not import each other). Every operation with its
 * method, path, parameters, responses and an example URL; the descriptions are the document's own (English).
 */
import type { Snapshot } from '../data-source';
import { colon, LANG_TAGS, SITE_WORDS, WORDS } from '../language';
import { API_BASE, absolute, apiOpenApi, apiReferencePath, homePath } from '../links';
import type { Lang } from '../schema';
import { type Html, h } from './html';
import { layout, type PageOptions } from './layout';

/** The parts of an OpenAPI 3.1 document this page reads. */
export interface OpenApiDocument {
  info: { title: string; description?: string };
  tags?: { name: string; description?: string }[];
  paths: Record<string, Partial<Record<Method, OpenApiOperation>>>;
  components?: {
    parameters?: Record<string, OpenApiParameter>;
    responses?: Record<string, OpenApiResponse>;
  };
}

type Method = 'get' | 'head' | 'post' | 'put' | 'patch' | 'delete';
const METHODS: Method[] = ['get', 'post', 'put', 'patch', 'delete'];

interface Ref {
  $ref: string;
}

export interface OpenApiOperation {
  operationId: string;
  tags?: string[];
  summary?: string;
  description?: string;
  security?: unknown[];
  parameters?: (OpenApiParameter | Ref)[];
  requestBody?: { content?: Record<string, { schema?: JsonSchemaLike }> };
  responses: Record<string, OpenApiResponse | Ref>;
}

export interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchemaLike;
}

export interface OpenApiResponse {
  description: string;
  content?: Record<string, unknown>;
}

interface JsonSchemaLike {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  items?: JsonSchemaLike;
  anyOf?: JsonSchemaLike[];
  maxLength?: number;
}

/** An operation as listed: where it is, and its `HEAD` twin if it is a read. */
export interface ListedOperation {
  method: Method;
  path: string;
  operation: OpenApiOperation;
  head?: OpenApiOperation;
}

/** Every operation of the document, grouped under its first tag, in the document's tag and path order. */
export function listOperations(doc: OpenApiDocument): ListedOperation[] {
  const out: ListedOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation)
        out.push({ method, path, operation, ...(method === 'get' && item.head ? { head: item.head } : {}) });
    }
  }
  const order = (doc.tags ?? []).map((t) => t.name);
  const rank = (o: ListedOperation) => {
    const n = order.indexOf(o.operation.tags?.[0] ?? '');
    return n < 0 ? order.length : n;
  };
  return out
    .map((o, n) => ({ o, n }))
    .sort((a, b) => rank(a.o) - rank(b.o) || a.n - b.n)
    .map(({ o }) => o);
}

/** The language of the document's own text. */
const EN = LANG_TAGS.en;

const lastPart = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1);

function resolve<T>(value: T | Ref, table: Record<string, T> | undefined): T | undefined {
  return value && typeof value === 'object' && '$ref' in value ? table?.[lastPart(value.$ref)] : (value as T);
}

/** Text of the document with its Markdown code spans (`x`) as `<code>`. */
function prose(text: string | undefined): Html {
  if (!text) return h``;
  return h`${text.split('`').map((part, n) => (n % 2 ? h`<code>${part}</code>` : part))}`;
}

/** The values a schema allows, briefly: `zh | en`, `Id`, `string`. */
function schemaText(schema: JsonSchemaLike | undefined, lang: Lang): Html {
  if (!schema) return h``;
  if (schema.$ref) return h`<code>${lastPart(schema.$ref)}</code>`;
  if (schema.enum)
    return h`${SITE_WORDS[lang].apiReference.oneOf}${colon(lang)}${schema.enum.map((v, n) => h`${n ? ', ' : ''}<code>${String(v)}</code>`)}`;
  if (schema.anyOf) return h`${schema.anyOf.map((s, n) => h`${n ? ' | ' : ''}${schemaText(s, lang)}`)}`;
  if (schema.type === 'array' && schema.items) return h`<code>array</code> (${schemaText(schema.items, lang)})`;
  return h`<code>${[schema.type ?? 'any'].flat().join(' | ')}</code>`;
}

/**
 * A URL to try an operation with: path parameters filled with an id that exists (the first dataset, indicator or news
 * item; the newest revision of a live log), and `lang` in the page's language where the operation takes it.
 */
export function exampleUrl(listed: ListedOperation, snapshot: Snapshot, lang: Lang, doc: OpenApiDocument): string {
  const collection = listed.path.split('/')[1];
  const revisions = (snapshot as Partial<{ revisions: readonly { id: string }[] }>).revisions;
  const id =
    collection === 'datasets'
      ? snapshot.datasets[0]?.id
      : collection === 'indicators'
        ? snapshot.indicators[0]?.id
        : collection === 'news'
          ? snapshot.news[0]?.id
          : collection === 'revisions'
            ? revisions?.at(-1)?.id
            : undefined;
  const path = listed.path.replace('{id}', id ?? '{id}');
  const params = (listed.operation.parameters ?? []).map((p) => resolve(p, doc.components?.parameters));
  const takesLang = listed.method === 'get' && params.some((p) => p?.name === 'lang' && p.in === 'query');
  return API_BASE + (path === '/' ? '' : path) + (takesLang ? `?lang=${lang}` : '');
}

function parametersTable(listed: ListedOperation, doc: OpenApiDocument, lang: Lang): Html {
  const w = SITE_WORDS[lang].apiReference;
  const params = (listed.operation.parameters ?? []).flatMap((p) => resolve(p, doc.components?.parameters) ?? []);
  if (!params.length) return h`<p>${w.noParameters}</p>`;
  const id = `op-${listed.operation.operationId}-parameters`;
  return h`<div class="table-wrap" tabindex="0"><table class="api-table">
<caption id="${id}">${w.parameters}</caption>
<thead><tr><th scope="col">${w.colName}</th><th scope="col">${w.colIn}</th><th scope="col">${w.colRequired}</th><th scope="col">${w.colDescription}</th><th scope="col">${w.colSchema}</th></tr></thead>
<tbody>
${params.map(
  (p) =>
    h`<tr><th scope="row"><code>${p.name}</code></th><td class="nowrap">${w.locations[p.in] ?? p.in}</td><td class="nowrap">${p.required ? w.yes : w.no}</td><td lang="${EN}">${prose(p.description)}</td><td>${schemaText(p.schema, lang)}</td></tr>\n`,
)}</tbody>
</table></div>`;
}

function responsesTable(listed: ListedOperation, doc: OpenApiDocument, lang: Lang): Html {
  const w = SITE_WORDS[lang].apiReference;
  const rows = Object.entries(listed.operation.responses).map(
    ([status, r]) => [status, resolve(r, doc.components?.responses)] as const,
  );
  const id = `op-${listed.operation.operationId}-responses`;
  return h`<div class="table-wrap" tabindex="0"><table class="api-table">
<caption id="${id}">${w.responses}</caption>
<thead><tr><th scope="col">${w.colStatus}</th><th scope="col">${w.colDescription}</th><th scope="col">${w.colMedia}</th></tr></thead>
<tbody>
${rows.map(
  ([status, r]) =>
    h`<tr><th scope="row" class="num">${status}</th><td lang="${EN}">${prose(r?.description)}</td><td>${Object.keys(r?.content ?? {}).map((m, n) => h`${n ? h`<br>` : ''}<code>${m}</code>`)}</td></tr>\n`,
)}</tbody>
</table></div>`;
}

function operationSection(listed: ListedOperation, doc: OpenApiDocument, snapshot: Snapshot, options: PageOptions) {
  const { lang, origin } = options;
  const w = SITE_WORDS[lang].apiReference;
  const { operation } = listed;
  const id = `op-${operation.operationId}`;
  const method = listed.method.toUpperCase();
  const example = absolute(origin, exampleUrl(listed, snapshot, lang, doc));
  return h`<section class="api-op" id="${id}" aria-labelledby="${id}-title">
<h3 id="${id}-title"><code class="method">${method}</code> <code>${API_BASE}${listed.path}</code></h3>
<p lang="${EN}"><strong>${operation.summary ?? ''}</strong>${operation.description ? h` ${prose(operation.description)}` : ''}</p>
${listed.head ? h`<p id="op-${listed.head.operationId}">${w.alsoHead}<span class="muted"> · <code>${listed.head.operationId}</code></span></p>\n` : ''}${operation.security?.length ? h`<p>${w.auth}</p>\n` : ''}<p class="muted"><code>operationId</code>${colon(lang)}<code>${operation.operationId}</code></p>
${parametersTable(listed, doc, lang)}
${responsesTable(listed, doc, lang)}
<p>${w.example}${colon(lang)}${
    listed.method === 'get' && !example.includes('{')
      ? h`<a href="${example}"><code>${method} ${example}</code></a>`
      : h`<code>${method} ${example}</code>`
  }</p>
</section>
`;
}

/** The page: every operation of `doc`, grouped by tag, with a table of contents. */
export function apiReferencePage(snapshot: Snapshot, doc: OpenApiDocument, options: PageOptions): Html {
  const { lang, origin } = options;
  const w = SITE_WORDS[lang].apiReference;
  const listed = listOperations(doc);
  const tags = [...(doc.tags ?? [])];
  for (const o of listed) {
    const tag = o.operation.tags?.[0] ?? '';
    if (!tags.some((t) => t.name === tag)) tags.push({ name: tag });
  }
  const under = (tag: string) => listed.filter((o) => (o.operation.tags?.[0] ?? '') === tag);
  const main = h`<h1>${w.title}</h1>
<p class="lede">${w.lede}</p>
<dl class="facts">
<dt>${w.base}</dt><dd><code>${absolute(origin, API_BASE)}</code></dd>
<dt>OpenAPI</dt><dd><a href="${apiOpenApi()}" type="application/json">${w.openapi}</a></dd>
</dl>
${lang === 'en' ? '' : h`<p class="muted">${w.englishNote}</p>\n`}<nav class="toc" aria-label="${w.operations}"><ul>
${listed.map(
  (o) =>
    h`<li><a href="#op-${o.operation.operationId}"><code>${o.method.toUpperCase()} ${o.path}</code></a> <span lang="${EN}">${o.operation.summary ?? ''}</span></li>\n`,
)}</ul></nav>
${tags.map((tag) => {
  const ops = under(tag.name);
  if (!ops.length) return '';
  return h`<section aria-labelledby="tag-${tag.name}">
<h2 id="tag-${tag.name}"><code>${tag.name}</code></h2>
${tag.description ? h`<p lang="${EN}">${prose(tag.description)}</p>\n` : ''}${ops.map((o) => operationSection(o, doc, snapshot, options))}</section>
`;
})}`;
  return layout({
    lang,
    origin,
    meta: snapshot.meta,
    at: apiReferencePath,
    title: w.title,
    description: w.lede,
    crumbs: [{ href: homePath(lang), text: WORDS[lang].home }, { text: w.title }],
    main,
  });
}
