/**
 * Who may write: bearer tokens from the `PUBLISH_TOKENS` secret (`name:token` pairs), compared in constant time, and a
 * limit on failed attempts per client, so tokens cannot be guessed at speed.
 *
 * The limit counts failures with the Workers Rate Limiting binding (`PUBLISH_AUTH_LIMITER`, `[[ratelimits]]` in
 * wrangler.toml: per Cloudflare location, shared by its isolates) when there is one, else in this isolate alone. Once
 * a client is over the limit, the isolate that saw it refuses every write from that client, with any token, until the
 * period ends: a blocked client learns nothing more about the tokens. (An attacker spread over many isolates gets at
 * most one more guess per isolate and period.)
 */
import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { Problem } from './problem';

/** The realm of the write API's bearer tokens, in `WWW-Authenticate`. */
export const AUTH_CHALLENGE = 'Bearer realm="publish"';

/** Failed authentications a client may make per period before it is refused (the binding's `simple.limit`). */
export const AUTH_FAILURE_LIMIT = 10;
/** The period, in seconds (the binding's `simple.period`: 10 or 60). */
export const AUTH_FAILURE_PERIOD = 60;

/** A publishing token and the name revisions record for it. */
export interface PublishToken {
  name: string;
  token: string;
}

/**
 * The tokens of a `PUBLISH_TOKENS` value: `name:token` pairs, comma-separated; blanks and malformed pairs (no name, no
 * token) are skipped.
 *
 * @example
 * parseTokens('officer-a:s3cret, officer-b:0ther'); // [{ name: 'officer-a', token: 's3cret' }, ...]
 */
export function parseTokens(value: string | undefined): PublishToken[] {
  return (value ?? '')
    .split(',')
    .map((pair) => pair.trim())
    .flatMap((pair) => {
      const colon = pair.indexOf(':');
      const name = pair.slice(0, colon).trim();
      const token = pair.slice(colon + 1).trim();
      return colon > 0 && name && token ? [{ name, token }] : [];
    });
}

const digest = async (text: string): Promise<ArrayBuffer> =>
  crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));

/**
 * The name of the token an `Authorization` header carries, or `undefined`. Every configured token is compared, each
 * by the SHA-256 of both sides with `timingSafeEqual`, so the time taken says nothing about how close a guess was or
 * which token it was near.
 */
export async function authenticate(
  authorization: string | undefined,
  tokens: readonly PublishToken[],
): Promise<string | undefined> {
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
  const given = await digest(match?.[1] ?? '');
  let found: string | undefined;
  for (const { name, token } of tokens) {
    const equal = crypto.subtle.timingSafeEqual(given, await digest(token));
    if (equal && match && found === undefined) found = name;
  }
  return found;
}

/** The client a failure counts against: Cloudflare's `CF-Connecting-IP`, else `local` (wrangler dev, tests). */
export const clientKey = (request: Request): string => request.headers.get('CF-Connecting-IP') ?? 'local';

/** Most clients tracked per isolate; past it the oldest entries go (a bound on memory, not a policy). */
const MAX_TRACKED = 10_000;

/** Failed authentications per client, in this isolate, with the binding's count when there is one. */
export class FailureLimiter {
  readonly #blocked = new Map<string, number>();
  readonly #failures = new Map<string, number[]>();
  constructor(
    readonly limit = AUTH_FAILURE_LIMIT,
    readonly periodMs = AUTH_FAILURE_PERIOD * 1000,
  ) {}

  /** Seconds until `key` may try again, or `undefined` if it may now. */
  retryAfter(key: string, now = Date.now()): number | undefined {
    const until = this.#blocked.get(key);
    if (until === undefined) return undefined;
    if (until <= now) {
      this.#blocked.delete(key);
      return undefined;
    }
    return Math.ceil((until - now) / 1000);
  }

  /** Counts a failure of `key`; returns the seconds it must now wait if that put it over the limit. */
  async fail(key: string, binding: RateLimit | undefined, now = Date.now()): Promise<number | undefined> {
    let over: boolean;
    if (binding) over = !(await binding.limit({ key: `publish-auth:${key}` })).success;
    else {
      const recent = (this.#failures.get(key) ?? []).filter((t) => t > now - this.periodMs);
      recent.push(now);
      this.#failures.delete(key);
      this.#failures.set(key, recent);
      if (this.#failures.size > MAX_TRACKED) this.#failures.delete(this.#failures.keys().next().value!);
      over = recent.length > this.limit;
    }
    if (!over) return undefined;
    this.#blocked.set(key, now + this.periodMs);
    if (this.#blocked.size > MAX_TRACKED) this.#blocked.delete(this.#blocked.keys().next().value!);
    return this.retryAfter(key, now);
  }
}

/** The isolate's limiter. */
export const authFailures = new FailureLimiter();

const tooMany = (seconds: number) =>
  new Problem(
    429,
    'too-many-requests',
    `Too many failed authentications from this client. Wait ${seconds} seconds, then retry with a valid token.`,
    {},
    { 'Retry-After': String(seconds) },
  );

/**
 * The publisher name of a write request's bearer token.
 * @throws {Problem} 403 `writes-disabled` when no tokens are configured, 429 `too-many-requests` when the client
 *   failed too often, 401 `unauthorized` (with `WWW-Authenticate`) for a missing or wrong token.
 */
export async function requirePublisher(c: Context<AppEnv>): Promise<string> {
  const tokens = parseTokens(c.env?.PUBLISH_TOKENS);
  if (!tokens.length)
    throw new Problem(
      403,
      'writes-disabled',
      'Publishing is not enabled on this deployment: no publishing tokens are configured. An operator sets the PUBLISH_TOKENS secret ("name:token" pairs, comma-separated) to enable it.',
    );
  const key = clientKey(c.req.raw);
  const wait = authFailures.retryAfter(key);
  if (wait !== undefined) throw tooMany(wait);
  const authorization = c.req.header('Authorization');
  const name = await authenticate(authorization, tokens);
  if (name !== undefined) return name;
  const blocked = await authFailures.fail(key, c.env?.PUBLISH_AUTH_LIMITER);
  if (blocked !== undefined) throw tooMany(blocked);
  throw new Problem(
    401,
    'unauthorized',
    authorization
      ? 'The bearer token is not valid for publishing. Check the token you were given (Authorization: Bearer <token>).'
      : 'Writing needs a publishing token: send Authorization: Bearer <token>.',
    {},
    { 'WWW-Authenticate': AUTH_CHALLENGE },
  );
}
