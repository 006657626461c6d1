/**
 * The feed formats: file name in the URL, media type (for `type` attributes; responses add `; charset=utf-8`), the
 * format's full name and the short one pages show. Adding a format here adds its routes (`FEED_ROUTES`) and its links (`feedPath`); the feeds feature
 * then needs a writer for it, which the compiler asks for.
 */
export const FEED_FORMATS = {
  rss: { file: 'feed.xml', type: 'application/rss+xml', name: 'RSS 2.0', short: 'RSS' },
  atom: { file: 'feed.atom', type: 'application/atom+xml', name: 'Atom 1.0', short: 'Atom' },
  json: { file: 'feed.json', type: 'application/feed+json', name: 'JSON Feed 1.1', short: 'JSON Feed' },
} as const;

/** One of {@link FEED_FORMATS}. */
export type FeedFormat = keyof typeof FEED_FORMATS;

/** The formats in the order they are listed. */
export const FEED_FORMAT_NAMES = /* @__PURE__ */ Object.keys(FEED_FORMATS) as FeedFormat[];
