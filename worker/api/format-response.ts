import type { Context } from 'hono';
import { CSV_TYPE } from '../csv';
import type { AppEnv } from '../env';
import { etagFor, isNotModified, negotiate, Problem, publicOrigin, type Rendered, render, send } from '../http';
import { contentLanguage } from '../language';
import { absolute, apiOpenApi } from '../links';
import type { Lang } from '../schema';
import type { Format } from './params';

/** `Content-Type` of each format. JSON is compact: smaller and faster; browsers and `jq` pretty-print it. */
export const CONTENT_TYPES: Record<Format, string> = { json: 'application/json; charset=utf-8', csv: CSV_TYPE };

/** The media type a client names in `Accept` for each format. */
export const MEDIA_TYPES: Record<Format, string> = { json: 'application/json', csv: 'text/csv' };

/** How one resource can be represented; each maker runs once per data version, language and origin. */
export type Makers = Partial<Record<Format, () => string>>;

/** What a route knows about the request besides the resource itself. */
export interface ReplyOptions {
  /** The resource, and everything besides format, language and origin that its body depends on. */
  key: string;
  /** The format the URL asks for (`?format=` or a `.csv` path). Without it, `Accept` decides. */
  format?: Format | undefined;
  lang?: Lang | undefined;
  /** Download name of the CSV, without `.csv`. */
  filename?: string;
  /** More `Link` header values besides the OpenAPI document (`<…>; rel="next"`). */
  links?: string[];
}

/**
 * The key a representation is rendered and tagged under: resource, format, language, origin. The ETag of a resource
 * is `etagOf(version, representationKey(…))`, so a write can name the ETag a following read returns.
 */
export const representationKey = (key: string, format: Format, lang: Lang | undefined, origin: string): string =>
  `${key}|${format}|${lang ?? '*'}|${origin}`;

/**
 * The format to send: the URL's choice, else the best `Accept` match among
 * `available`, else a 406 that lists what there is.
 */
export function chooseFormat(
  c: Context<AppEnv>,
  available: readonly Format[],
  explicit?: Format,
): { format: Format; negotiated: boolean } {
  if (explicit) return { format: explicit, negotiated: false };
  const type = negotiate(
    c.req.header('Accept'),
    available.map((f) => MEDIA_TYPES[f]),
  );
  const format = available.find((f) => MEDIA_TYPES[f] === type);
  if (!format) {
    const offered = available.map((f) => MEDIA_TYPES[f]);
    throw new Problem(
      406,
      'not-acceptable',
      `This resource is available as ${offered.join(' or ')}, and the Accept header allows neither. Send Accept: ${offered.join(', ')} (or */*)${
        available.includes('csv') ? ', or ask for a format with ?format=' : ''
      }.`,
      { available: offered },
      { Vary: 'Accept' },
    );
  }
  return { format, negotiated: true };
}

const headersFor = (c: Context<AppEnv>, format: Format, options: ReplyOptions): Record<string, string> => {
  const headers: Record<string, string> = {
    'Content-Language': contentLanguage(options.lang),
    Link: [`<${absolute(publicOrigin(c), apiOpenApi())}>; rel="service-desc"`, ...(options.links ?? [])].join(', '),
  };
  if (format === 'csv') {
    headers['Content-Disposition'] =
      `attachment; filename="${options.filename ?? 'data'}${options.lang ? `-${options.lang}` : ''}.csv"`;
  }
  return headers;
};

/**
 * The format the request asks for among those `makers` can make, and its maker.
 * @throws {Problem} 400 when the format asked for is not one of them.
 */
function chooseMaker(c: Context<AppEnv>, makers: Makers, options: ReplyOptions) {
  const available = (Object.keys(makers) as Format[]).filter((f) => makers[f]);
  const { format, negotiated } = chooseFormat(c, available, options.format);
  const make = makers[format];
  if (!make)
    throw new Problem(
      400,
      'invalid-parameter',
      `This resource is not available as ${format}; use ${available.join(' or ')}.`,
    );
  return { format, negotiated, make };
}

/**
 * Sends one resource in the format the request asks for, rendered once per
 * data version (strong ETag, `304`, `Last-Modified`, `Cache-Control`), with
 * `Vary: Accept` when the format was negotiated.
 */
export function reply(c: Context<AppEnv>, makers: Makers, options: ReplyOptions): Response {
  const { format, negotiated, make } = chooseMaker(c, makers, options);
  const snapshot = c.var.snapshot;
  const rendered = render(
    snapshot,
    representationKey(options.key, format, options.lang, publicOrigin(c)),
    CONTENT_TYPES[format],
    make,
  );
  return send(c, snapshot, rendered, { vary: negotiated ? ['Accept'] : [], headers: headersFor(c, format, options) });
}

/**
 * Sends one page of a list in the format the request asks for, as {@link reply} does, except that the body is not kept
 * per data version: a list has as many pages as cursors and limits, far too many to keep, so the body is assembled per
 * request from parts that are kept (each indicator's JSON, each CSV row), and only when the client's copy is not
 * current. The ETag is formed as `render()` forms it, so the edge cache keeps the response like any other.
 */
export function replyPage(c: Context<AppEnv>, makers: Makers, options: ReplyOptions): Response {
  const { format, negotiated, make } = chooseMaker(c, makers, options);
  const snapshot = c.var.snapshot;
  const etag = etagFor(snapshot, representationKey(options.key, format, options.lang, publicOrigin(c)));
  const body = isNotModified(c.req.raw.headers, etag, snapshot.modified) ? '' : make();
  return send(
    c,
    snapshot,
    { body, type: CONTENT_TYPES[format], etag },
    { vary: negotiated ? ['Accept'] : [], headers: headersFor(c, format, options) },
  );
}

/**
 * Sends a body assembled per request from parts rendered once per version
 * (the batch endpoint, whose id lists are too many to keep). The ETag is
 * formed as `render()` forms it (`etagFor`), so the edge cache keeps the response.
 */
export function replyAssembled(
  c: Context<AppEnv>,
  body: string,
  options: ReplyOptions & { negotiated: boolean },
): Response {
  const snapshot = c.var.snapshot;
  const key = representationKey(options.key, 'json', options.lang, publicOrigin(c));
  const rendered: Rendered = { body, type: CONTENT_TYPES.json, etag: etagFor(snapshot, key) };
  return send(c, snapshot, rendered, {
    vary: options.negotiated ? ['Accept'] : [],
    headers: headersFor(c, 'json', options),
  });
}
