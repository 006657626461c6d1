/**
 * Permanent ids of feeds and items: `tag:` URIs (RFC 4151). The authority is
 * a fixed name, not the host serving the request, so ids stay the same when
 * the service moves to another domain or is reached under several; feed
 * readers then never show an item twice. Never change these two constants:
 * every id ever published would change with them.
 */

/** The tagging authority: the project's name (the Worker is deployed under it). */
export const TAG_AUTHORITY = 'zhuzhou-innovation-open-data';

/** The year the service started minting ids under {@link TAG_AUTHORITY}. */
export const TAG_DATE = '2026';

/** `tag:zhuzhou-innovation-open-data,2026:<specific>`; `specific` mirrors the resource's URL path. */
export const tagUri = (specific: string): string => `tag:${TAG_AUTHORITY},${TAG_DATE}:${specific}`;

/** Id of a dataset's release item: the same in every feed and language that carries it. */
export const datasetItemId = (datasetId: string): string => tagUri(`datasets/${datasetId}`);

/** Id of a news event's item: the same in every feed and language that carries it. */
export const newsItemId = (newsId: string): string => tagUri(`news/${newsId}`);

/**
 * Id of a published revision's item (`revisions/<revision id>`, as its permalink in the API): the same in the
 * catalog's, the dataset's and the indicator's feed, in every language. Revision ids never change, so neither does it.
 */
export const revisionItemId = (revisionId: string): string => tagUri(`revisions/${revisionId}`);

const variant = (path: string, lang: string | undefined) => tagUri(lang === undefined ? path : `${path}?lang=${lang}`);

/** Id of a feed: the catalog's or one dataset's, per language variant (each is its own document). */
export function feedId(datasetId: string | undefined, lang: string | undefined): string {
  return variant(datasetId === undefined ? 'feed' : `datasets/${datasetId}/feed`, lang);
}

/** Id of an indicator's feed, per language variant. */
export const indicatorFeedId = (indicatorId: string, lang: string | undefined): string =>
  variant(`indicators/${indicatorId}/feed`, lang);
