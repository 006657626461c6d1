import { get as fetchPath } from '../../support/worker';

export { ORIGIN } from '../../support/worker';

/** What browsers send: HTML first, anything else at lower weight. */
export const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** Calls the real Worker (all middleware included) as a browser would. */
export function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Response> {
  return fetchPath(path, { method, headers: { Accept: BROWSER_ACCEPT, ...headers } });
}

/** Fetches a page and returns the response with its body read. */
export async function page(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ res: Response; html: string }> {
  const res = await get(path, headers);
  return { res, html: await res.text() };
}
