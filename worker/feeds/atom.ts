import { FEED_FORMATS } from '../links';
import { rfc3339 } from './dates';
import type { Feed, FeedItem } from './model';
import { el, type Xml, xmlDocument } from './xml';

const ATOM_NS = 'http://www.w3.org/2005/Atom';

function entry(item: FeedItem): Xml {
  return el(
    'entry',
    {},
    // The alternate link comes first: some readers take the first link as the item's page.
    el('link', { rel: 'alternate', type: 'text/html', href: item.url }),
    item.related.map((r) => el('link', { rel: 'related', type: 'text/html', href: r.href, title: r.title })),
    el('id', {}, item.id),
    el('title', { type: 'text' }, item.title),
    el('published', {}, rfc3339(item.published)),
    el('updated', {}, rfc3339(item.updated)),
    item.categories.map((c) => el('category', { term: c.term, scheme: c.scheme, label: c.label })),
    el('summary', { type: 'text' }, item.summary),
    el('content', { type: 'html' }, item.html),
  );
}

/**
 * The feed as Atom 1.0 (RFC 4287): `xml:lang`, the alternate HTML link first,
 * then `rel="self"`, a feed-level author (so entries need none), RFC 3339
 * dates, a text summary and an HTML content per entry.
 */
export function renderAtom(feed: Feed): string {
  return xmlDocument(
    el(
      'feed',
      { xmlns: ATOM_NS, 'xml:lang': feed.language },
      el('link', { rel: 'alternate', type: 'text/html', href: feed.homePage }),
      el('link', { rel: 'self', type: FEED_FORMATS.atom.type, href: feed.urls.atom }),
      el('id', {}, feed.id),
      el('title', { type: 'text' }, feed.title),
      el('subtitle', { type: 'text' }, feed.description),
      el('updated', {}, rfc3339(feed.updated)),
      el('author', {}, el('name', {}, feed.author.name), el('uri', {}, feed.author.url)),
      el('rights', { type: 'text' }, feed.rights),
      feed.items.map(entry),
    ),
  );
}
