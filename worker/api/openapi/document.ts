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
  BatchBodySchema,
  BatchResultSchema,
  ChangeLogSchema,
  DatasetBodySchema,
  DatasetDetailSchema,
  DatasetLinksSchema,
  DatasetListSchema,
  DatasetSummarySchema,
  DryRunSchema,
  HistorySchema,
  IndicatorBodySchema,
  IndicatorLinksSchema,
  IndicatorListSchema,
  NewsBodySchema,
  NewsListSchema,
  ObservationBodySchema,
  ProblemSchema,
  RevisionLinksSchema,
  RevisionSchema,
  SeriesObservationSchema,
  SeriesSchema,
  WithdrawalBodySchema,
  WriteResultSchema,
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
  Revision: RevisionSchema,
  RevisionLinks: RevisionLinksSchema,
  ChangeLog: ChangeLogSchema,
  Series: SeriesSchema,
  SeriesObservation: SeriesObservationSchema,
  History: HistorySchema,
  WriteResult: WriteResultSchema,
  BatchResult: BatchResultSchema,
  DryRun: DryRunSchema,
  ObservationBody: ObservationBodySchema,
  IndicatorBody: IndicatorBodySchema,
  DatasetBody: DatasetBodySchema,
  WithdrawalBody: WithdrawalBodySchema,
  NewsBody: NewsBodySchema,
  BatchBody: BatchBodySchema,
};

/** Request bodies: in both languages only (`lang` is a read's parameter). */
const REQUEST_BODIES: ReadonlySet<string> = new Set([
  'ObservationBody',
  'IndicatorBody',
  'DatasetBody',
  'WithdrawalBody',
  'NewsBody',
  'BatchBody',
  'WriteResult',
  'BatchResult',
  'DryRun',
]);

/** `?lang=` forms of the named schemas that hold bilingual text: `IndicatorOneLanguage`… */
const ONE_LANGUAGE: Record<string, v.GenericSchema> = Object.fromEntries(
  Object.entries(NAMED)
    .filter(
      ([name, schema]) => name !== 'Localized' && !REQUEST_BODIES.has(name) && oneLanguageSchema(schema) !== schema,
    )
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
  Link: {
    description:
      'This document, as `rel="service-desc"` (RFC 8631); on a page of a list (the change log, datasets, indicators, a dataset\'s indicators and their CSV), also the next page as `<…?…&after=<id>&limit=<n>>; rel="next"` (RFC 8288) while there is more. The last page has none.',
    schema: { type: 'string' },
  },
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
  IfMatch: {
    name: 'If-Match',
    in: 'header',
    required: false,
    description:
      'The ETag of the indicator as you read it (a `GET` of the indicator, any `lang`). The write happens only if the indicator has not changed since; otherwise `412` with the current `ETag`. Of racing writers sending the same ETag, exactly one wins. `*`: any version. Without it, every write appends.',
    schema: { type: 'string' },
  },
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'A key of your choosing (1 to 200 visible ASCII characters, no `#`; a random UUID is good). A retry with the same key and the same body gets the first answer again (same status and body) and writes nothing; the same key with another body is a `422`.',
    schema: { type: 'string', maxLength: 200 },
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
  InvalidBody: problem(
    '`invalid-body`: fields missing, unknown or invalid; `invalid-params` names each by its path (`source.publisher.zh`, `revisions.2.value`). `bad-request`: the body is not JSON, or `Idempotency-Key` is malformed. Also an unknown query parameter.',
  ),
  Unauthorized: {
    ...problem('`unauthorized`: no bearer token, or a wrong one.'),
    headers: {
      'WWW-Authenticate': { description: '`Bearer realm="publish"`', schema: { type: 'string' } },
      'Cache-Control': ref('headers', 'CacheControl'),
    },
  },
  WritesDisabled: problem(
    '`writes-disabled`: this deployment takes no writes (no `PUBLISH_TOKENS` configured, or no migrated D1 store).',
  ),
  WriteNotFound: problem("`not-found`: no such indicator or dataset (the URL's, or one a row names)."),
  Conflict: problem('`conflict`: the id to create is taken (ids are never reused), or the indicator is withdrawn.'),
  PreconditionFailed: {
    ...problem('`precondition-failed`: the indicator changed since the `If-Match` ETag. Nothing was written.'),
    headers: { ETag: ref('headers', 'ETag'), 'Cache-Control': ref('headers', 'CacheControl') },
  },
  PayloadTooLarge: problem('`payload-too-large`: the body is larger than 64 KiB.'),
  UnsupportedMediaType: problem('`unsupported-media-type`: the body is not sent as `application/json`.'),
  IdempotencyKeyReused: problem('`idempotency-key-reused`: the `Idempotency-Key` was used for another body.'),
  TooManyRequests: {
    ...problem('`too-many-requests`: too many failed authentications from this client.'),
    headers: {
      'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } },
      'Cache-Control': ref('headers', 'CacheControl'),
    },
  },
};

/** The `POST` operation object of a write. */
function writeItem(op: Operation): Json {
  const parameters: Json[] = [];
  if (op.pathId)
    parameters.push({
      name: 'id',
      in: 'path',
      required: true,
      description: `The ${op.pathId}'s id (lowercase kebab-case).`,
      schema: ref('schemas', 'Id'),
    });
  for (const name of op.params) parameters.push(ref('parameters', name));
  if (op.ifMatch) parameters.push(ref('parameters', 'IfMatch'));
  parameters.push(ref('parameters', 'IdempotencyKey'));
  const json = (schema: v.GenericSchema) => ({ 'application/json': { schema: ref('schemas', nameOf.get(schema)!) } });
  const responses: Json = {
    '200': {
      description: '`?dry-run=true`: valid; what it would publish. Nothing was written.',
      content: json(DryRunSchema),
    },
    '201': {
      description:
        'Published. A retry with the same `Idempotency-Key` and body gets this answer again. For an indicator, `ETag` is what a `GET` of the indicator now answers with (the next `If-Match`).',
      headers: {
        Location: { description: 'The absolute permalink of the (first) revision.', schema: { type: 'string' } },
        ...(op.created === WriteResultSchema ? { ETag: ref('headers', 'ETag') } : {}),
      },
      content: json(op.created!),
    },
    '400': ref('responses', 'InvalidBody'),
    '401': ref('responses', 'Unauthorized'),
    '403': ref('responses', 'WritesDisabled'),
    '404': ref('responses', 'WriteNotFound'),
    '409': ref('responses', 'Conflict'),
    ...(op.ifMatch ? { '412': ref('responses', 'PreconditionFailed') } : {}),
    '413': ref('responses', 'PayloadTooLarge'),
    '414': ref('responses', 'UriTooLong'),
    '415': ref('responses', 'UnsupportedMediaType'),
    '422': ref('responses', 'IdempotencyKeyReused'),
    '429': ref('responses', 'TooManyRequests'),
  };
  return {
    post: {
      operationId: op.id,
      tags: [op.tag],
      summary: op.summary,
      description: op.description,
      security: [{ publishToken: [] }],
      parameters,
      requestBody: { required: true, content: json(op.body!) },
      responses,
    },
  };
}

const PROBLEM_LIST = (Object.keys(PROBLEM_TITLES) as ProblemType[])
  .map((t) => `\`${problemPath(t)}\` (${PROBLEM_TITLES[t]})`)
  .join(', ');

/** The `GET` and `HEAD` operation objects of one read. */
function readItem(op: Operation, csvColumns: string): Json {
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
          '. Reads take GET, HEAD and OPTIONS; the publishing operations take POST with a bearer token (`Authorization: Bearer <token>`, one per data officer), `If-Match` and `Idempotency-Key`; any other method gets `405` with `Allow`. ' +
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
      {
        name: 'revisions',
        description: 'The append-only log behind the data: series, history, the change log and permalinks.',
      },
      { name: 'publishing', description: 'Writes of the data officers: figures, indicators, datasets, news.' },
    ],
    paths: OPERATIONS.reduce<Record<string, Json>>((paths, op) => {
      const item = op.method === 'post' ? writeItem(op) : readItem(op, csvColumns);
      paths[op.path] = { ...paths[op.path], ...item };
      return paths;
    }, {}),
    components: {
      securitySchemes: {
        publishToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A publishing token (`PUBLISH_TOKENS` secret, one per data officer); revisions record its name as `publisher`.',
        },
      },
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
