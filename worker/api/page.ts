/**
 * Pages of the API's lists: `limit` items after the item `after` names, and the `Link: <…>; rel="next"` to the next
 * page while there is one (the change log's way, for every list that can grow: datasets, indicators, a dataset's
 * indicators, and their CSV). A cursor is an id, and stays valid: an id the list had once keeps its place in the
 * list's order even after its item left the list (a withdrawn indicator), so a client paging across a publish misses
 * nothing and sees nothing twice.
 */
import type { Snapshot } from '../data-source';
import { Problem } from '../http';
import { absolute } from '../links';
import { withQuery } from '../links/server';
import type { LiveSnapshot } from '../store';
import { DEFAULT_LIMIT } from './params';

/** A page of a list, and the cursor of the next page (the last item's id) while there is more. */
export interface Page<T> {
  items: readonly T[];
  next?: string;
}

/** Where every id a list ever had stands in its order; `undefined` for an id it never had. */
export type Rank = (id: string) => number | undefined;

/**
 * The page of `items` (in list order, which `rank` follows) that starts after the item `after` names and holds at
 * most `limit` items.
 * @throws {Problem} 400 `invalid-parameter` when `after` names nothing the list ever had.
 *
 * @example
 * const page = pageOf(snapshot.datasets, (d) => d.id, datasetRank(snapshot), 'innovation-platforms', 2, 'dataset');
 * page.next; // 'targets-2023': the cursor of the page after
 */
export function pageOf<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  rank: Rank,
  after: string | undefined,
  limit: number,
  what: string,
): Page<T> {
  let start = 0;
  if (after !== undefined) {
    const at = rank(after);
    if (at === undefined)
      throw new Problem(
        400,
        'invalid-parameter',
        `Query parameter "after" names no ${what} of this list ("${after.slice(0, 100)}"). Give the id of the last ${what} of the page you have (the next page's link carries it), or leave it out to start at the beginning.`,
        { 'invalid-params': [{ name: 'after', reason: `no such ${what}` }] },
      );
    // The first item after the cursor's place: a binary search, the list being in rank order.
    let hi = items.length;
    while (start < hi) {
      const mid = (start + hi) >>> 1;
      if (rank(idOf(items[mid]!))! <= at) start = mid + 1;
      else hi = mid;
    }
  }
  const page = items.slice(start, start + limit);
  const last = page.at(-1);
  return start + limit < items.length && last !== undefined ? { items: page, next: idOf(last) } : { items: page };
}

const isLive = (snapshot: Snapshot): snapshot is LiveSnapshot =>
  typeof (snapshot as Partial<LiveSnapshot>).datasetIds === 'function';

/** Places in a list of ids, by id. */
const placesOf = (ids: readonly string[]): Rank => {
  const places = new Map(ids.map((id, n) => [id, n]));
  return (id) => places.get(id);
};

/** The order of datasets: the log's order of creation (listed or not), else the catalog's. */
export const datasetRank = (snapshot: Snapshot): Rank =>
  snapshot.memo('api:dataset-rank', () =>
    placesOf(isLive(snapshot) ? snapshot.datasetIds() : snapshot.datasets.map((d) => d.id)),
  );

/**
 * The order of indicators, as the catalog lists them: by dataset, then by creation within it. In the live log every
 * indicator ever created has its place (its dataset's, then its creation's), withdrawn ones too.
 */
export const indicatorRank = (snapshot: Snapshot): Rank =>
  snapshot.memo('api:indicator-rank', (): Rank => {
    if (!isLive(snapshot)) return placesOf(snapshot.indicators.map((i) => i.id));
    const datasets = datasetRank(snapshot);
    return (id) => {
      const created = snapshot.history(id)?.[0];
      if (created?.kind !== 'indicator') return undefined;
      const dataset = datasets(created.dataset);
      // 2^31 positions per dataset: more than D1 can hold revisions.
      return dataset === undefined ? undefined : dataset * 2 ** 31 + created.seq;
    };
  });

/** The query of a next page: the request's own parameters as the route read them, with the new cursor and the limit. */
export type PageQuery = Readonly<Record<string, string | number | undefined>>;

/**
 * The `Link` header value of a page's next page, if any: `<…?…&after=<id>&limit=<n>>; rel="next"`.
 *
 * @example nextLink(origin, apiIndicators(), { dataset: 'x', lang: 'en' }, page, 100) // ['<…>; rel="next"']
 */
export function nextLink(
  origin: string,
  path: string,
  query: PageQuery,
  page: Page<unknown>,
  limit: number | undefined,
): string[] {
  if (page.next === undefined) return [];
  return [
    `<${absolute(origin, withQuery(path, { ...query, after: page.next, limit: limit ?? DEFAULT_LIMIT }))}>; rel="next"`,
  ];
}
