import { exports } from 'cloudflare:workers';

/** What browsers send: HTML first, anything else at lower weight. */
export const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** The origin the tests call the Worker at; pages put it in canonical and `hreflang` URLs. */
export const ORIGIN = 'http://example.com';

/** Calls the real Worker (all middleware included) as a browser would. */
export function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Response> {
  // `manual`: a redirect is an answer to test, not to follow.
  return exports.default.fetch(`${ORIGIN}${path}`, { method, redirect: 'manual', headers: { Accept: BROWSER_ACCEPT, ...headers } });
}

/** Fetches a page and returns the response with its body read. */
export async function page(path: string, headers: Record<string, string> = {}): Promise<{ res: Response; html: string }> {
  const res = await get(path, headers);
  return { res, html: await res.text() };
}
