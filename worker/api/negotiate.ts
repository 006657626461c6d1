/** One media range of an `Accept` header. */
interface Range {
  type: string;
  subtype: string;
  q: number;
}

function parseAccept(header: string): Range[] {
  const ranges: Range[] = [];
  for (const part of header.split(',')) {
    const [media = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const match = /^([a-z0-9!#$%&'*+.^_`|~-]+)\/([a-z0-9!#$%&'*+.^_`|~-]+)$/.exec(media);
    if (!match) continue;
    const qParam = params.find((p) => /^q\s*=/.test(p));
    const q = qParam === undefined ? 1 : Number(qParam.replace(/^q\s*=\s*/, ''));
    // An unreadable weight counts as 1: the client did list the type.
    ranges.push({ type: match[1]!, subtype: match[2]!, q: Number.isFinite(q) && q >= 0 && q <= 1 ? q : 1 });
  }
  return ranges;
}

/**
 * Proactive negotiation (RFC 9110 §12.5.1): the first of `available` media
 * types with the highest weight in `accept`, where the most specific matching
 * range sets a type's weight (`text/csv` over `text/*` over `*` + `/*`).
 * No header, or one with no readable range, accepts anything: the first
 * available type. Returns `undefined` when nothing available is acceptable.
 */
export function negotiate(accept: string | undefined | null, available: readonly string[]): string | undefined {
  const ranges = accept ? parseAccept(accept) : [];
  if (ranges.length === 0) return available[0];
  let best: string | undefined;
  let bestQ = 0;
  for (const candidate of available) {
    const [type, subtype] = candidate.toLowerCase().split('/') as [string, string];
    let specificity = -1;
    let q = 0;
    for (const r of ranges) {
      const s = r.type === type && r.subtype === subtype ? 2 : r.type === type && r.subtype === '*' ? 1 : r.type === '*' && r.subtype === '*' ? 0 : -1;
      if (s > specificity) [specificity, q] = [s, r.q];
    }
    if (q > bestQ) [best, bestQ] = [candidate, q];
  }
  return best;
}
