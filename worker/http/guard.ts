import type { MiddlewareHandler } from 'hono';
import { Problem } from './problem';

/** Longest request target we read; longer ones get 414. */
export const MAX_URL_LENGTH = 2048;

/**
 * Rejects hostile request targets before any route sees them: overlong URLs,
 * malformed percent-encoding and NUL or other control characters.
 */
export const guard: MiddlewareHandler = async (c, next) => {
  const url = c.req.url;
  if (url.length > MAX_URL_LENGTH) {
    throw new Problem(
      414,
      'uri-too-long',
      `The URL is ${url.length} characters long; the limit is ${MAX_URL_LENGTH}. For many indicators, split the ids over several requests.`,
    );
  }
  const { pathname, search } = new URL(url);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname) + decodeURIComponent(search.replace(/\+/g, ' '));
  } catch {
    throw new Problem(
      400,
      'bad-request',
      'The URL has malformed percent-encoding (a % not followed by two hex digits of valid UTF-8). Encode the URL correctly.',
    );
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this rejects
  if (/[\u0000-\u001f\u007f]/.test(decoded)) {
    throw new Problem(
      400,
      'bad-request',
      'The URL contains NUL or other control characters, which no resource here has. Remove them.',
    );
  }
  await next();
};
