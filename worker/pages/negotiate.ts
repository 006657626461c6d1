/**
 * Whether a client that hit a missing page wants to read an HTML page or a
 * problem document. Pages answer 200s as HTML whatever Accept says (HTML is
 * all they have), so only their 404s are negotiated.
 */

/** The weight `accept` gives `mediaType`: the most specific matching range wins (RFC 9110 §12.5.1). */
export function acceptQuality(accept: string, mediaType: string): number {
  const [type, subtype] = mediaType.toLowerCase().split('/');
  let specificity = -1;
  let quality = 0;
  for (const part of accept.split(',')) {
    const [range = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const [t, s] = range.split('/');
    const rank = t === type && s === subtype ? 2 : t === type && s === '*' ? 1 : t === '*' && s === '*' ? 0 : -1;
    if (rank <= specificity) continue;
    const q = params.find((p) => p.startsWith('q='));
    const value = q === undefined ? 1 : Number(q.slice(2));
    specificity = rank;
    quality = Number.isFinite(value) && value >= 0 && value <= 1 ? value : 1;
  }
  return quality;
}

/**
 * True when the client prefers HTML to JSON: `text/html` weighs strictly more
 * than `application/problem+json` (or plain JSON). Browsers send
 * `text/html,…,*\/*;q=0.8` and get a page; `curl` (`*\/*`), `fetch()` and API
 * clients, or no Accept at all, get problem+json, the API's error format.
 */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const html = acceptQuality(accept, 'text/html');
  const json = Math.max(acceptQuality(accept, 'application/problem+json'), acceptQuality(accept, 'application/json'));
  return html > 0 && html > json;
}
