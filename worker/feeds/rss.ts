import { FEED_FORMATS } from '../links';
import { rfc822 } from './dates';
import type { Feed, FeedItem } from './model';
import { el, type Xml, xmlDocument } from './xml';

/** The Atom namespace, for `atom:link rel="self"` (the RSS Advisory Board's recommendation). */
const ATOM_NS = 'http://www.w3.org/2005/Atom';

function item(entry: FeedItem): Xml {
  return el(
    'item',
    {},
    el('title', {}, entry.title),
    el('link', {}, entry.url),
    el('description', {}, entry.html),
    el('guid', { isPermaLink: 'false' }, entry.id),
    el('pubDate', {}, rfc822(entry.published)),
    entry.categories.map((c) => el('category', {}, c.label)),
  );
}

/**
 * The feed as RSS 2.0: the required channel elements (title, link,
 * description), `atom:link rel="self"`, language, RFC 822 dates, and items
 * with a non-permalink `guid` (the `tag:` id) and the HTML body in `description`.
 */
export function renderRss(feed: Feed): string {
  const date = rfc822(feed.updated);
  return xmlDocument(
    el(
      'rss',
      { version: '2.0', 'xmlns:atom': ATOM_NS },
      el(
        'channel',
        {},
        el('title', {}, feed.title),
        el('link', {}, feed.homePage),
        el('description', {}, feed.description),
        el('atom:link', { href: feed.urls.rss, rel: 'self', type: FEED_FORMATS.rss.type }),
        el('language', {}, feed.language),
        el('copyright', {}, feed.rights),
        el('pubDate', {}, date),
        el('lastBuildDate', {}, date),
        el('docs', {}, 'https://www.rssboard.org/rss-specification'),
        feed.items.map(item),
      ),
    ),
  );
}
