import type { Lang } from '../schema';

/**
 * The three feed formats: file name in the URL, media type (for `type`
 * attributes; responses add `; charset=utf-8`), and a name for links. Pages
 * import this for their `<link rel="alternate">` elements.
 */
export const FEED_FORMATS = {
  rss: { file: 'feed.xml', type: 'application/rss+xml', name: 'RSS 2.0' },
  atom: { file: 'feed.atom', type: 'application/atom+xml', name: 'Atom 1.0' },
  json: { file: 'feed.json', type: 'application/feed+json', name: 'JSON Feed 1.1' },
} as const;

/** One of {@link FEED_FORMATS}. */
export type FeedFormat = keyof typeof FEED_FORMATS;

/** The formats in the order they are listed. */
export const FEED_FORMAT_NAMES = Object.keys(FEED_FORMATS) as FeedFormat[];

/**
 * Path of a feed: the whole catalog (`/feed.xml`) or one dataset
 * (`/datasets/<id>/feed.xml`), optionally in one language (`?lang=en`).
 * Without `lang`, feeds are Chinese with English alongside.
 */
export function feedPath(format: FeedFormat, datasetId?: string, lang?: Lang): string {
  const base = datasetId === undefined ? '/' : `/datasets/${datasetId}/`;
  return `${base}${FEED_FORMATS[format].file}${lang ? `?lang=${lang}` : ''}`;
}
