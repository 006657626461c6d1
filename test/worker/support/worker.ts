/** Shared helpers of the workerd tests: the real Worker (every middleware and route), called as a client would. */
import { env, exports } from 'cloudflare:workers';
import type { Snapshot } from '../../../worker/data-source';
import { d1Source } from '../../../worker/store';

/** The origin the tests call the Worker at; absolute links in responses (feeds, pages, embed code) are on it. */
export const ORIGIN = 'http://example.com';

/**
 * The snapshot the Worker serves: the D1 revision log of this test file's database, read as the Worker reads it (the
 * first read writes the seed, as the Worker's would). Its figures are the bundled ones; its version is the log's.
 */
export const servedSnapshot = (): Promise<Snapshot> => d1Source(env.DB).current();

/** Fetches a path from the Worker. `redirect: manual`: a redirect is an answer to test, not to follow. */
export function get(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(`${ORIGIN}${path}`, { redirect: 'manual', ...init });
}

/** Fetches and parses a 200 JSON response, failing loudly on anything else. */
export async function getJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await get(path, init);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json<T>();
}
