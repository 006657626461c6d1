/**
 * The write API (live publishing): six POST routes that append revisions to the store through the live source, so
 * this isolate's next read sees them. Each checks, in order: the query (`?dry-run=`), the token (403/429/401), that
 * the store is writable (403), the body (415, 413, 400), the `If-Match` of an indicator write (412), then writes (or,
 * with `?dry-run=true`, answers what it would write) and maps the store's answer to 201, 404, 409 or 422.
 */
import type { Context } from 'hono';
import * as v from 'valibot';
import { indicatorCard } from '../card';
import type { AppEnv } from '../env';
import { etagOf, fnv1a, Problem, parseQuery, publicOrigin, requirePublisher } from '../http';
import { absolute, apiDatasets, apiIndicator, apiIndicators, apiRevision } from '../links';
import { renderCard } from '../markup';
import { ID_MAX_LENGTH, ID_PATTERN, LANGS } from '../schema';
import {
  type FieldIssue,
  isLiveSource,
  type LiveSnapshot,
  type LiveSource,
  parseRevisionInput,
  previewRevisions,
  type Revision,
  type RevisionInput,
  type RowIssue,
  versionOf,
} from '../store';
import { representationKey } from './format-response';
import { lookup } from './lookup';
import { entriesFor } from './params';
import { presentIndicator, presentRevision } from './present';
import {
  BatchBodySchema,
  DatasetBodySchema,
  IndicatorBodySchema,
  NewsBodySchema,
  ObservationBodySchema,
  WithdrawalBodySchema,
} from './schema';

/** Largest request body the write API reads, in bytes. */
export const MAX_BODY_BYTES = 64 * 1024;

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };

/** What every write has once the request is accepted. */
interface Accepted {
  publisher: string;
  source: LiveSource;
  /** The current data, as the write is checked against it. */
  snapshot: LiveSnapshot;
  dryRun: boolean;
  idempotencyKey: string | undefined;
  body: unknown;
}

/** The live source, or a 403 that says what is missing. */
async function writableSource(c: Context<AppEnv>): Promise<{ source: LiveSource; snapshot: LiveSnapshot }> {
  const source = c.var.source;
  if (!isLiveSource(source))
    throw new Problem(
      403,
      'writes-disabled',
      'This deployment serves the bundled data only and has no live store to write to.',
    );
  const read = await source.read();
  if (read.problem === 'no-binding')
    throw new Problem(
      403,
      'writes-disabled',
      'Publishing needs the D1 database, and this deployment has no DB binding. An operator adds the [[d1_databases]] binding "DB" in wrangler.toml and applies the migrations (wrangler d1 migrations apply zhuzhou-open-data --remote).',
    );
  if (read.problem === 'not-migrated')
    throw new Problem(
      403,
      'writes-disabled',
      'Publishing needs the D1 revision log, and its tables are missing. An operator applies the migrations: wrangler d1 migrations apply zhuzhou-open-data --remote (or --local for wrangler dev).',
    );
  return { source, snapshot: read.snapshot };
}

/** `Idempotency-Key`: visible ASCII without `#`, at most 200 characters; an RFC 8941 string's quotes are dropped. */
function idempotencyKeyOf(c: Context<AppEnv>): string | undefined {
  const raw = c.req.header('Idempotency-Key');
  if (raw === undefined) return undefined;
  const key = raw.trim().replace(/^"(.*)"$/, '$1');
  if (!/^[\x21-\x22\x24-\x7e]{1,200}$/.test(key))
    throw new Problem(
      400,
      'bad-request',
      'The Idempotency-Key header must be 1 to 200 visible ASCII characters without "#" (a random UUID is a good key).',
      { 'invalid-params': [{ name: 'Idempotency-Key', reason: 'malformed' }] },
    );
  return key;
}

const tooLarge = () =>
  new Problem(
    413,
    'payload-too-large',
    `The body is larger than ${MAX_BODY_BYTES / 1024} KiB. Split the revisions over several requests.`,
  );

/** The request body as JSON: 415 for another media type, 413 past the limit, 400 for bytes that are not JSON. */
async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/json[ \t]*(;.*)?$/i.test(type.trim()))
    throw new Problem(
      415,
      'unsupported-media-type',
      `Send the body as JSON with Content-Type: application/json${type ? ` (this request says ${type.slice(0, 100)})` : ''}.`,
    );
  const declared = Number(c.req.header('Content-Length'));
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = c.req.raw.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new Problem(400, 'bad-request', 'The body is not valid UTF-8. Send JSON in UTF-8.');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Problem(
      400,
      'bad-request',
      `The body is not valid JSON (${String((error as Error).message).slice(0, 200)}). Send one JSON object.`,
    );
  }
}

/** Checks the query, the token, the store and the body, in that order. */
async function accept(c: Context<AppEnv>): Promise<Accepted> {
  const { 'dry-run': dryRun } = parseQuery(c, entriesFor(c.var.snapshot, ['dry-run']));
  const publisher = await requirePublisher(c);
  const { source, snapshot } = await writableSource(c);
  const idempotencyKey = idempotencyKeyOf(c);
  const body = await readJson(c);
  return { publisher, source, snapshot, dryRun: dryRun === 'true', idempotencyKey, body };
}

/** 400 `invalid-body` naming every bad field. */
function invalidBody(issues: readonly FieldIssue[]): Problem {
  const params = issues.map((i) => ({ name: i.field || 'body', reason: i.message }));
  const names = [...new Set(params.map((p) => p.name))];
  return new Problem(
    400,
    'invalid-body',
    `The body has ${params.length === 1 ? 'an invalid field' : `${params.length} problems`}: ${names.slice(0, 10).join(', ')}${names.length > 10 ? ', …' : ''}. invalid-params says what is wrong with each; correct them all and retry.`,
    { 'invalid-params': params },
  );
}

const PUBLISHER_REASON = 'is never in the body: a revision records the name of the token that publishes it';

/** The body checked against a route's schema; every bad field is named by its dotted path. */
function parseBody<S extends v.GenericSchema>(schema: S, body: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, body);
  if (result.success) return result.output;
  throw invalidBody(
    result.issues.map((issue) => {
      const field = issue.path?.map((p) => String(p.key)).join('.') ?? '';
      return {
        field,
        message: /(^|\.)publisher$/.test(field) && issue.type === 'strict_object' ? PUBLISHER_REASON : issue.message,
      };
    }),
  );
}

/** A store input validated (with the store's own checks: figure against value and qualifier, quote). */
function storeInput(input: Record<string, unknown>, prefix = ''): RevisionInput {
  const parsed = parseRevisionInput(input);
  if (parsed.success) return parsed.output;
  throw invalidBody(parsed.issues.map((i) => ({ ...i, field: prefix + i.field })));
}

/** 404 when rows name unknown subjects, 409 when ids are taken or an indicator is withdrawn; every row named. */
function rejected(issues: readonly RowIssue[]): Problem {
  const params = issues.map((i) => ({ name: i.field, reason: i.message }));
  const conflict = issues.some((i) => i.reason !== 'not-found');
  const what = issues.map((i) => i.message).join('; ');
  return conflict
    ? new Problem(
        409,
        'conflict',
        `This cannot be published: ${what}. Ids are never reused, and a withdrawn indicator takes no new figures.`,
        { 'invalid-params': params },
      )
    : new Problem(404, 'not-found', `This cannot be published: ${what}. See ${apiDatasets()} for what exists.`, {
        'invalid-params': params,
      });
}

/** A path id that is not an id of anything: the usual 404, with near misses. */
function checkPathId(what: 'indicator' | 'dataset', id: string, snapshot: LiveSnapshot): void {
  if (id.length <= ID_MAX_LENGTH && ID_PATTERN.test(id)) return;
  const known = what === 'indicator' ? snapshot.indicators.map((i) => i.id) : snapshot.datasets.map((d) => d.id);
  lookup(what, id, () => undefined, known, what === 'indicator' ? apiIndicators() : apiDatasets());
}

/** The ETag `GET /api/v1/indicators/{id}` answers with in `snapshot` (no language: both). */
const indicatorEtag = (snapshot: LiveSnapshot, id: string, origin: string): string =>
  etagOf(snapshot.version, representationKey(`indicator:${id}`, 'json', undefined, origin));

/** A strong ETag of a live data version: 12 hex digits of the log position, 8 of the revision's id, then the key's. */
const ETAG = /^"(([0-9a-f]{12})[0-9a-f]{8})-([0-9a-f]{8})"$/;

/**
 * The log position an `If-Match` names for indicator `id`: the newest of its entity tags that is an ETag of that
 * indicator's resource (any language), `'any'` for `*`, `undefined` when none is. A tag whose position this isolate
 * knows must carry that position's version (the same log); a newer one is checked by the store.
 */
function ifMatchPosition(
  header: string,
  id: string,
  origin: string,
  snapshot: LiveSnapshot,
): number | 'any' | undefined {
  const tags = header.split(',').map((t) => t.trim());
  if (tags.includes('*')) return 'any';
  const hashes = new Set(
    [undefined, ...LANGS].map((lang) => fnv1a(representationKey(`indicator:${id}`, 'json', lang, origin))),
  );
  let best: number | undefined;
  for (const tag of tags) {
    const match = ETAG.exec(tag);
    if (!match || !hashes.has(match[3]!)) continue;
    const seq = Number.parseInt(match[2]!, 16);
    const known = snapshot.revisionAt(seq);
    if (known && versionOf(known) !== match[1]) continue;
    if (best === undefined || seq > best) best = seq;
  }
  return best;
}

/** 412 with the indicator's current ETag. */
async function preconditionFailed(c: Context<AppEnv>, source: LiveSource, id: string): Promise<Problem> {
  const { snapshot } = await source.read();
  const current = snapshot.indicator(id) ? indicatorEtag(snapshot, id, publicOrigin(c)) : undefined;
  return new Problem(
    412,
    'precondition-failed',
    `The indicator "${id}" has changed since the version your If-Match names, so nothing was written. Read it again (GET ${apiIndicator(id)}), check what changed, and retry with its ETag${current ? ` (now ${current})` : ''} as If-Match.`,
    {},
    current ? { ETag: current } : {},
  );
}

/** A write's preconditions from `If-Match`: the position to compare-and-set at, or a 412. */
async function ifMatchOf(c: Context<AppEnv>, accepted: Accepted, id: string): Promise<{ ifMatchAt?: number }> {
  const header = c.req.header('If-Match');
  if (header === undefined) return {};
  const at = ifMatchPosition(header, id, publicOrigin(c), accepted.snapshot);
  if (at === 'any') return {};
  if (at === undefined) throw await preconditionFailed(c, accepted.source, id);
  if (accepted.dryRun) {
    // A dry run checks against the data at hand: stale if the indicator has a revision after that position.
    if (accepted.snapshot.indicatorVersion(id) > at) throw await preconditionFailed(c, accepted.source, id);
  }
  return { ifMatchAt: at };
}

/** The answer to a dry run: what would be published, and the card of the indicator as it would be. */
async function dryRun(
  c: Context<AppEnv>,
  accepted: Accepted,
  inputs: RevisionInput[],
  indicatorId?: string,
  at?: (n: number, field: string) => string,
): Promise<Response> {
  const preview = await previewRevisions(accepted.snapshot, inputs, at);
  if (!preview.ok) throw rejected(preview.issues);
  const origin = publicOrigin(c);
  const indicator = indicatorId ? preview.snapshot.indicator(indicatorId) : undefined;
  const body = {
    valid: true,
    revisions: preview.revisions.map((r) => presentRevision(r, origin)),
    ...(indicator
      ? {
          indicator: presentIndicator(indicator, origin),
          card: Object.fromEntries(
            LANGS.map((lang) => [lang, renderCard(indicatorCard(indicator, lang, preview.snapshot, origin))]),
          ),
        }
      : {}),
  };
  return new Response(JSON.stringify(body), { status: 200, headers: JSON_HEADERS });
}

/** 201: the revision, the indicator as it stood right after it, its permalink and the indicator's new ETag. */
async function created(
  c: Context<AppEnv>,
  source: LiveSource,
  revision: Revision,
  indicatorId?: string,
): Promise<Response> {
  const origin = publicOrigin(c);
  const snapshot = await source.at(revision.seq);
  const indicator = indicatorId ? snapshot.indicator(indicatorId) : undefined;
  const body = {
    revision: presentRevision(revision, origin),
    ...(indicator ? { indicator: presentIndicator(indicator, origin) } : {}),
  };
  const headers: Record<string, string> = { ...JSON_HEADERS, Location: absolute(origin, apiRevision(revision.id)) };
  if (indicator) headers.ETag = indicatorEtag(snapshot, indicator.id, origin);
  return new Response(JSON.stringify(body), { status: 201, headers });
}

const keyReused = () =>
  new Problem(
    422,
    'idempotency-key-reused',
    'This Idempotency-Key was used before for a request with other content, and nothing was written. Use a new key for a new write; resend exactly the same content to retry.',
  );

/** Writes one input (or previews it) and answers. */
async function writeOne(
  c: Context<AppEnv>,
  accepted: Accepted,
  input: Record<string, unknown>,
  indicatorId?: string,
): Promise<Response> {
  const parsed = storeInput(input);
  const conditions = indicatorId && input.kind !== 'indicator' ? await ifMatchOf(c, accepted, indicatorId) : {};
  if (accepted.dryRun) return dryRun(c, accepted, [parsed], indicatorId, (_, field) => field);
  const result = await accepted.source.append(parsed, {
    ...conditions,
    ...(accepted.idempotencyKey === undefined ? {} : { idempotencyKey: accepted.idempotencyKey }),
  });
  if (result.ok) return created(c, accepted.source, result.revision, indicatorId);
  switch (result.reason) {
    case 'invalid':
      throw invalidBody(result.issues);
    case 'not-found':
      throw rejected(result.issues.map((i) => ({ ...i, reason: 'not-found' })));
    case 'exists':
    case 'withdrawn':
      throw rejected([
        {
          field: input.kind === 'dataset' ? 'dataset.id' : input.kind === 'indicator' ? 'indicator.id' : 'indicator',
          message:
            result.reason === 'withdrawn'
              ? `indicator "${indicatorId}" is withdrawn`
              : 'the id is taken (ids are never reused)',
          reason: result.reason,
        },
      ]);
    case 'version-mismatch':
      throw await preconditionFailed(c, accepted.source, indicatorId ?? '');
    case 'idempotency-key-reused':
      throw keyReused();
  }
}

/** A JSON object body, as the routes' schemas expect (the schema names what is wrong with anything else). */
const fields = (body: unknown): Record<string, unknown> => body as Record<string, unknown>;

/** `POST /api/v1/indicators/{id}/revisions`: a new observation, or a correction of a period. */
export async function postObservation(c: Context<AppEnv>): Promise<Response> {
  const accepted = await accept(c);
  const id = c.req.param('id') ?? '';
  checkPathId('indicator', id, accepted.snapshot);
  const body = parseBody(ObservationBodySchema, accepted.body);
  return writeOne(
    c,
    accepted,
    { ...fields(body), kind: 'observation', indicator: id, publisher: accepted.publisher },
    id,
  );
}

/** `POST /api/v1/indicators/{id}/withdrawal`: takes the indicator out of the current data. */
export async function postWithdrawal(c: Context<AppEnv>): Promise<Response> {
  const accepted = await accept(c);
  const id = c.req.param('id') ?? '';
  checkPathId('indicator', id, accepted.snapshot);
  const body = parseBody(WithdrawalBodySchema, accepted.body);
  return writeOne(
    c,
    accepted,
    { ...fields(body), kind: 'withdrawal', indicator: id, publisher: accepted.publisher },
    id,
  );
}

/** `POST /api/v1/datasets/{id}/indicators`: a new indicator with its first observation. */
export async function postIndicator(c: Context<AppEnv>): Promise<Response> {
  const accepted = await accept(c);
  const dataset = c.req.param('id') ?? '';
  checkPathId('dataset', dataset, accepted.snapshot);
  const body = parseBody(IndicatorBodySchema, accepted.body);
  const input = { ...fields(body), kind: 'indicator', dataset, publisher: accepted.publisher };
  return writeOne(c, accepted, input, (body as { indicator: { id: string } }).indicator.id);
}

/** `POST /api/v1/datasets`: a new dataset. */
export async function postDataset(c: Context<AppEnv>): Promise<Response> {
  const accepted = await accept(c);
  const body = parseBody(DatasetBodySchema, accepted.body);
  return writeOne(c, accepted, { ...fields(body), kind: 'dataset', publisher: accepted.publisher });
}

/** `POST /api/v1/news`: a news item, or a correction of one. */
export async function postNews(c: Context<AppEnv>): Promise<Response> {
  const accepted = await accept(c);
  const body = parseBody(NewsBodySchema, accepted.body);
  return writeOne(c, accepted, { ...fields(body), kind: 'news', publisher: accepted.publisher });
}

/** `POST /api/v1/revisions`: several revisions in one transaction, all or none. */
export async function postRevisions(c: Context<AppEnv>): Promise<Response> {
  const accepted = await accept(c);
  const body = parseBody(BatchBodySchema, accepted.body);
  const rows = body.revisions.map((row) => ({ ...fields(row), publisher: accepted.publisher }));
  const issues: FieldIssue[] = [];
  const inputs: RevisionInput[] = [];
  rows.forEach((row, n) => {
    const parsed = parseRevisionInput(row);
    if (parsed.success) inputs.push(parsed.output);
    else issues.push(...parsed.issues.map((i) => ({ ...i, field: `revisions.${n}.${i.field}` })));
  });
  if (issues.length) throw invalidBody(issues);
  if (accepted.dryRun) return dryRun(c, accepted, inputs);
  const result = await accepted.source.appendBatch(
    inputs,
    accepted.idempotencyKey === undefined ? {} : { idempotencyKey: accepted.idempotencyKey },
  );
  if (!result.ok) {
    if (result.reason === 'invalid') throw invalidBody(result.issues);
    if (result.reason === 'rejected') throw rejected(result.issues);
    throw keyReused();
  }
  const origin = publicOrigin(c);
  const first = result.revisions[0]!;
  return new Response(JSON.stringify({ revisions: result.revisions.map((r) => presentRevision(r, origin)) }), {
    status: 201,
    headers: { ...JSON_HEADERS, Location: absolute(origin, apiRevision(first.id)) },
  });
}
