import { rfc3339 } from './dates';
import type { Feed } from './model';
import { stripIllegal } from './xml';

/** The JSON Feed version this service writes. */
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/**
 * The feed as JSON Feed 1.1: version, title, `home_page_url`, `feed_url`,
 * `language`, `authors`, and items with a string `id`, `content_html` and
 * `content_text`, RFC 3339 dates and dataset names as `tags`. Characters
 * illegal in XML are dropped here too, so all three formats carry the same text.
 */
export function renderJsonFeed(feed: Feed): string {
  const doc = {
    version: JSON_FEED_VERSION,
    title: feed.title,
    home_page_url: feed.homePage,
    feed_url: feed.urls.json,
    description: feed.description,
    language: feed.language,
    authors: [feed.author],
    items: feed.items.map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      content_html: item.html,
      content_text: item.text,
      summary: item.summary,
      date_published: rfc3339(item.published),
      date_modified: rfc3339(item.updated),
      tags: item.categories.map((c) => c.label),
    })),
  };
  return `${JSON.stringify(doc, (_key, value: unknown) => (typeof value === 'string' ? stripIllegal(value) : value), 2)}\n`;
}
