/**
 * The OpenAPI 3.1 document of the JSON API, generated from the operation
 * table (`worker/api/operations.ts`), the query parameter definitions
 * (`worker/api/params.ts`) and the valibot schemas, never written by hand.
 */

import { type ConversionConfig, type JsonSchema, toJsonSchema, toJsonSchemaDefs } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { columnsOf } from '../../csv';
import type { Snapshot } from '../../data-source';
import { PROBLEM_TITLES, type ProblemType } from '../../http';
import { API_BASE, problemPath } from '../../links';
import { IdSchema, IndicatorSchema, LocalizedSchema, PeriodSchema, unwrapSchema } from '../../schema';
import { oneLanguageSchema } from '../localize';
import { OPERATIONS, type Operation } from '../operations';
import { MAX_IDS, type ParamName, type ParamSpec, queryParams } from '../params';
import {
  ApiIndexSchema,
  ApiIndicatorSchema,
  ApiNewsItemSchema,
  DatasetDetailSchema,
  DatasetLinksSchema,
  DatasetListSchema,
  DatasetSummarySchema,
  IndicatorLinksSchema,
  IndicatorListSchema,
  NewsListSchema,
  ProblemSchema,
} from '../schema';

type Json = Record<string, unknown>;

/** Schemas shown by name under `components.schemas`; nested uses become `$ref`s. */
const NAMED: Record<string, v.GenericSchema> = {
  Id: IdSchema,
  Period: PeriodSchema,
  Localized: LocalizedSchema,
  Index: ApiIndexSchema,
  DatasetList: DatasetListSchema,
  DatasetSummary: DatasetSummarySchema,
  DatasetDetail: DatasetDetailSchema,
  DatasetLinks: DatasetLinksSchema,
  IndicatorList: IndicatorListSchema,
  Indicator: ApiIndicatorSchema,
  IndicatorLinks: IndicatorLinksSchema,
  NewsList: NewsListSchema,
  NewsItem: ApiNewsItemSchema,
  Problem: ProblemSchema,
};

/** `?lang=` forms of the named schemas that hold bilingual text: `IndicatorOneLanguage`… */
const ONE_LANGUAGE: Record<string, v.GenericSchema> = Object.fromEntries(
  Object.entries(NAMED)
    .filter(([name, schema]) => name !== 'Localized' && oneLanguageSchema(schema) !== schema)
    .map(([name, schema]) => [`${name}OneLanguage`, oneLanguageSchema(schema)]),
);

const DEFINITIONS = { ...NAMED, ...ONE_LANGUAGE };
const nameOf = new Map<v.GenericSchema, string>(Object.entries(DEFINITIONS).map(([n, s]) => [s, n]));

const CONVERSION: ConversionConfig = {
  target: 'draft-2020-12',
  // `trim` only normalises input and `finite` holds for every JSON number.
  ignoreActions: ['trim', 'finite'],
  overrideRef: ({ referenceId }) => `#/components/schemas/${referenceId}`,
};

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });

/** A schema as JSON Schema, naming definitions by `$ref` into `components.schemas` (so without its own `$defs`). */
const jsonSchema = (schema: v.GenericSchema): JsonSchema => {
  const {
    $schema: _dialect,
    $defs: _defs,
    ...rest
  } = toJsonSchema(schema, { ...CONVERSION, definitions: DEFINITIONS });
  return rest;
};

/** The schema of a 200 JSON body: both-language form, or one-language form under `?lang=`. */
function bodySchema(schema: v.GenericSchema): Json {
  const name = nameOf.get(schema)!;
  const one = nameOf.get(oneLanguageSchema(schema));
  return one && one !== name ? { anyOf: [ref('schemas', name), ref('schemas', one)] } : ref('schemas', name);
}

/** A query parameter object: the schema it is validated with, minus the `optional` wrapper (`required` says that). */
function queryParameter(name: string, spec: ParamSpec): Json {
  const shown = spec.doc ?? unwrapSchema(spec.schema).schema;
  return {
    name,
    in: 'query',
    required: false,
    description: spec.description,
    schema: jsonSchema(shown),
    style: 'form',
    explode: spec.explode ?? true,
  };
}

const HEADERS: Record<string, Json> = {
  ETag: {
    description: 'Strong validator of this representation: the data version plus a hash of the representation.',
    schema: { type: 'string' },
  },
  LastModified: { description: 'When the data last changed (HTTP-date).', schema: { type: 'string' } },
  CacheControl: {
    description:
      'Public; short `max-age` for browsers, longer `s-maxage` for shared caches, `stale-while-revalidate` and `stale-if-error`. Errors: `no-store` (404: one minute).',
    schema: { type: 'string' },
  },
  Vary: {
    description: '`Accept` where the format is negotiated, always `Accept-Encoding`.',
    schema: { type: 'string' },
  },
  ContentLanguage: { description: '`zh, en`, or the one language asked for with `lang`.', schema: { type: 'string' } },
  ContentDisposition: { description: 'CSV downloads: `attachment` with a file name.', schema: { type: 'string' } },
  Link: { description: 'This document, as `rel="service-desc"` (RFC 8631).', schema: { type: 'string' } },
  Allow: { description: 'The methods the resource supports.', schema: { type: 'string' } },
};

const PARAMETERS: Record<string, Json> = {
  IfNoneMatch: {
    name: 'If-None-Match',
    in: 'header',
    required: false,
    description:
      'ETags of copies you hold (a list, weak tags and `*` are understood); a match gives `304 Not Modified`.',
    schema: { type: 'string' },
  },
  IfModifiedSince: {
    name: 'If-Modified-Since',
    in: 'header',
    required: false,
    description: 'HTTP-date of your copy; ignored when `If-None-Match` is sent.',
    schema: { type: 'string' },
  },
};

const problem = (description: string) => ({
  description,
  headers: { 'Cache-Control': ref('headers', 'CacheControl') },
  content: { 'application/problem+json': { schema: ref('schemas', 'Problem') } },
});

const RESPONSES: Record<string, Json> = {
  NotModified: {
    description: 'Your copy is current (`If-None-Match` or `If-Modified-Since` matched). No body.',
    headers: {
      ETag: ref('headers', 'ETag'),
      'Last-Modified': ref('headers', 'LastModified'),
      'Cache-Control': ref('headers', 'CacheControl'),
      Vary: ref('headers', 'Vary'),
    },
  },
  BadRequest: problem(
    'An unknown, repeated or invalid query parameter (the problem names it and what is allowed), or a malformed URL (bad percent-encoding, NUL or control characters).',
  ),
  NotFound: problem('No such id. The problem says what ids look like and suggests near misses.'),
  NotAcceptable: problem(
    'The `Accept` header allows none of the media types this resource has; `available` lists them.',
  ),
  UriTooLong: problem('The URL is longer than the service reads; split a long `ids` batch over several requests.'),
};

const PROBLEM_LIST = (Object.keys(PROBLEM_TITLES) as ProblemType[])
  .map((t) => `\`${problemPath(t)}\` (${PROBLEM_TITLES[t]})`)
  .join(', ');

/** The `GET` and `HEAD` operation objects of one API operation. */
function pathItem(op: Operation, csvColumns: string): Json {
  const parameters: Json[] = [];
  if (op.pathId) {
    parameters.push({
      name: 'id',
      in: 'path',
      required: true,
      description: `The ${op.pathId}'s id (lowercase kebab-case).`,
      schema: ref('schemas', 'Id'),
    });
  }
  for (const name of op.params) parameters.push(ref('parameters', name));
  parameters.push(ref('parameters', 'IfNoneMatch'), ref('parameters', 'IfModifiedSince'));

  const content: Json = {};
  if (op.plain) content['application/json'] = { schema: { type: 'object', description: 'An OpenAPI 3.1 document.' } };
  else if (op.json) content['application/json'] = { schema: bodySchema(op.json) };
  if (op.csv)
    content['text/csv'] = {
      schema: { type: 'string', description: `UTF-8 with BOM, CRLF line ends, RFC 4180 quoting. ${csvColumns}` },
    };
  const headers: Json = {
    ETag: ref('headers', 'ETag'),
    'Last-Modified': ref('headers', 'LastModified'),
    'Cache-Control': ref('headers', 'CacheControl'),
    Vary: ref('headers', 'Vary'),
    'Content-Language': ref('headers', 'ContentLanguage'),
    Link: ref('headers', 'Link'),
    ...(op.csv ? { 'Content-Disposition': ref('headers', 'ContentDisposition') } : {}),
  };
  const errors: Json = { '400': ref('responses', 'BadRequest') };
  if (op.pathId) errors['404'] = ref('responses', 'NotFound');
  if (!op.path.endsWith('.csv')) errors['406'] = ref('responses', 'NotAcceptable');
  errors['414'] = ref('responses', 'UriTooLong');

  const get = {
    operationId: op.id,
    tags: [op.tag],
    summary: op.summary,
    description: op.description,
    parameters,
    responses: {
      '200': { description: op.summary, headers, content },
      '304': ref('responses', 'NotModified'),
      ...errors,
    },
  };
  const head = {
    operationId: `${op.id}Head`,
    tags: [op.tag],
    summary: `${op.summary} (headers only)`,
    description: 'As `GET`, without a body: for checking validators and freshness.',
    parameters,
    responses: {
      '200': { description: `${op.summary} (headers only)`, headers },
      '304': ref('responses', 'NotModified'),
      ...errors,
    },
  };
  return { get, head };
}

/** Builds the OpenAPI 3.1 document for this data version (the `dataset` filter's enum comes from the data). */
export function buildOpenApiDocument(snapshot: Snapshot): Json {
  const params = queryParams(snapshot) as Record<ParamName, ParamSpec>;
  const columns = (schema: v.GenericSchema) =>
    columnsOf(schema)
      .map((c) => `\`${c.name}\``)
      .join(', ');
  const csvColumns = `Columns follow the Indicator schema: ${columns(IndicatorSchema)}; with \`lang\`: ${columns(oneLanguageSchema(IndicatorSchema))}. Text cells that start with = + - @ get a leading apostrophe (formula-injection guard); numbers never do.`;
  const { meta } = snapshot;
  return {
    openapi: '3.1.0',
    info: {
      title: `${meta.title.en} API`,
      version: '1.0.0',
      summary: `${meta.title.zh}: science and technology indicators of Zhuzhou as JSON and CSV.`,
      description: [
        meta.description.en,
        '',
        'Every response carries a strong `ETag` and `Last-Modified`; send them back for a `304`. CORS is open (`*`) for reads. ' +
          'Errors are RFC 9457 `application/problem+json`; their `type` is one of ' +
          PROBLEM_LIST +
          '. Other methods than GET, HEAD and OPTIONS get `405` with `Allow`. ' +
          `A batch (\`ids\`) names at most ${MAX_IDS} indicators. Bilingual text is \`{ zh, en }\`; \`lang\` flattens it to one string.`,
      ].join('\n'),
      license: { name: meta.license.name, url: meta.license.url },
      'x-data-version': snapshot.version,
    },
    servers: [{ url: API_BASE, description: 'This service (relative to the document).' }],
    tags: [
      { name: 'meta', description: 'Entry point and this document.' },
      { name: 'datasets', description: 'Groups of related indicators.' },
      {
        name: 'indicators',
        description: 'Figures of the article, each with unit, qualifier, period and source sentence.',
      },
      { name: 'news', description: 'Dated events the article reports.' },
    ],
    paths: Object.fromEntries(OPERATIONS.map((op) => [op.path, pathItem(op, csvColumns)])),
    components: {
      schemas: toJsonSchemaDefs(DEFINITIONS, CONVERSION),
      parameters: {
        ...Object.fromEntries(
          (Object.keys(params) as ParamName[]).map((name) => [name, queryParameter(name, params[name])]),
        ),
        ...PARAMETERS,
      },
      responses: RESPONSES,
      headers: HEADERS,
    },
  };
}
