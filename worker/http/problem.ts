import type { Context } from 'hono';
import { problemPath } from '../links';
import { CACHE_NOT_FOUND } from './cache-control';

/** Extra members of a problem document (RFC 9457 §3.2). */
export type ProblemExtensions = Record<string, unknown>;

/** Short, stable problem types; each is documented at `/problems/<type>`. */
export type ProblemType =
  | 'invalid-parameter'
  | 'unknown-parameter'
  | 'not-found'
  | 'method-not-allowed'
  | 'not-acceptable'
  | 'uri-too-long'
  | 'bad-request'
  | 'not-implemented'
  | 'internal-error'
  | 'unauthorized'
  | 'writes-disabled'
  | 'too-many-requests'
  | 'precondition-failed'
  | 'idempotency-key-reused'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'invalid-body'
  | 'conflict';

const TITLES: Record<ProblemType, string> = {
  'invalid-parameter': 'Invalid query parameter',
  'unknown-parameter': 'Unknown query parameter',
  'not-found': 'Not found',
  'method-not-allowed': 'Method not allowed',
  'not-acceptable': 'Not acceptable',
  'uri-too-long': 'URI too long',
  'bad-request': 'Bad request',
  'not-implemented': 'Not implemented',
  'internal-error': 'Internal error',
  unauthorized: 'Unauthorized',
  'writes-disabled': 'Writes disabled',
  'too-many-requests': 'Too many requests',
  'precondition-failed': 'Precondition failed',
  'idempotency-key-reused': 'Idempotency key reused',
  'payload-too-large': 'Payload too large',
  'unsupported-media-type': 'Unsupported media type',
  'invalid-body': 'Invalid request body',
  conflict: 'Conflict',
};

/**
 * A client error that becomes an RFC 9457 `application/problem+json`
 * response. Throw it anywhere in a handler; the app's error handler renders it.
 */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly type: ProblemType,
    /** What went wrong with this request and what to do about it. */
    readonly detail: string,
    readonly extensions: ProblemExtensions = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'Problem';
  }
}

/** Renders a problem document. Errors are cached briefly or not at all. */
export function problemResponse(c: Context, problem: Problem): Response {
  const body = {
    type: problemPath(problem.type),
    title: TITLES[problem.type],
    status: problem.status,
    detail: problem.detail,
    instance: c.req.path,
    ...problem.extensions,
  };
  // A 404 may be cached for a minute (ids are never reused, but data may grow); nothing else is.
  const cacheControl = problem.status === 404 ? CACHE_NOT_FOUND : 'no-store';
  return new Response(JSON.stringify(body, null, 2), {
    status: problem.status,
    headers: {
      'Content-Type': 'application/problem+json; charset=utf-8',
      'Cache-Control': cacheControl,
      ...problem.headers,
    },
  });
}

/** The documented problem types, for `/problems/:type` pages and the OpenAPI document. */
export const PROBLEM_TITLES: Readonly<Record<ProblemType, string>> = TITLES;
