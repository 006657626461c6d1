/**
 * Proactive content negotiation (RFC 9110 §12.5.1) on the `Accept` header,
 * shared by the API (JSON or CSV) and the pages (HTML or a problem document).
 */

/** One media range of an `Accept` header, lower-cased. */
interface Range {
  type: string;
  subtype: string;
  q: number;
}

const TOKEN = "[a-z0-9!#$%&'*+.^_`|~-]+";
const MEDIA_RANGE = new RegExp(`^(${TOKEN})/(${TOKEN})$`);

/** The readable media ranges of `header`; unreadable ones are skipped. */
function parseAccept(header: string): Range[] {
  const ranges: Range[] = [];
  for (const part of header.split(',')) {
    const [media = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const match = MEDIA_RANGE.exec(media);
    if (!match) continue;
    const qParam = params.find((p) => /^q\s*=/.test(p));
    const q = qParam === undefined ? 1 : Number(qParam.replace(/^q\s*=\s*/, ''));
    // An unreadable weight counts as 1: the client did list the type.
    ranges.push({ type: match[1]!, subtype: match[2]!, q: Number.isFinite(q) && q >= 0 && q <= 1 ? q : 1 });
  }
  return ranges;
}

/** The weight `ranges` give `mediaType`: the most specific matching range wins (`text/csv` over `text/*` over `*` + `/*`); 0 if none matches. */
function quality(ranges: readonly Range[], mediaType: string): number {
  const [type, subtype] = mediaType.toLowerCase().split('/');
  let specificity = -1;
  let q = 0;
  for (const r of ranges) {
    const s =
      r.type === type && r.subtype === subtype
        ? 2
        : r.type === type && r.subtype === '*'
          ? 1
          : r.type === '*' && r.subtype === '*'
            ? 0
            : -1;
    if (s > specificity) [specificity, q] = [s, r.q];
  }
  return q;
}

/** The weight `accept` gives `mediaType`: the most specific matching range wins; 0 when no range matches. */
export function acceptQuality(accept: string, mediaType: string): number {
  return quality(parseAccept(accept), mediaType);
}

/**
 * The first of `available` media types with the highest weight in `accept`.
 * No header, or one with no readable range, accepts anything: the first
 * available type. Returns `undefined` when nothing available is acceptable.
 */
export function negotiate(accept: string | undefined | null, available: readonly string[]): string | undefined {
  const ranges = accept ? parseAccept(accept) : [];
  if (ranges.length === 0) return available[0];
  let best: string | undefined;
  let bestQ = 0;
  for (const candidate of available) {
    const q = quality(ranges, candidate);
    if (q > bestQ) [best, bestQ] = [candidate, q];
  }
  return best;
}

/**
 * True when the client prefers HTML to JSON: `text/html` weighs strictly more
 * than `application/problem+json` (or plain JSON). Browsers send
 * `text/html,…,*\/*;q=0.8` and get a page; `curl` (`*\/*`), `fetch()` and API
 * clients, or no Accept at all, get problem+json, the API's error format.
 * Used to negotiate 404s, the one answer that exists as both.
 */
export function prefersHtml(accept: string | undefined | null): boolean {
  if (!accept) return false;
  const ranges = parseAccept(accept);
  const html = quality(ranges, 'text/html');
  const json = Math.max(quality(ranges, 'application/problem+json'), quality(ranges, 'application/json'));
  return html > 0 && html > json;
}
