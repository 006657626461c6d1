/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1) as a valibot schema, from
 * the spec's text: required members, their types, "one of" rules, RFC 3339
 * dates and absolute URLs. Objects are strict because our feeds use no
 * `_extension` members, so a misspelt member name fails here.
 */
import * as v from 'valibot';

/** RFC 3339 `date-time` (§5.6): full date, time and a zone. */
export const RFC3339 =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt]([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

const Url = v.pipe(v.string(), v.url());
const Date3339 = v.pipe(v.string(), v.regex(RFC3339, 'must be an RFC 3339 date-time'));

/** "An author object … must include at least one" of name, url, avatar. */
const Author = v.pipe(
  v.strictObject({ name: v.optional(v.string()), url: v.optional(Url), avatar: v.optional(Url) }),
  v.check(
    (a) => a.name !== undefined || a.url !== undefined || a.avatar !== undefined,
    'an author needs name, url or avatar',
  ),
);

const Attachment = v.strictObject({
  url: Url,
  mime_type: v.string(),
  title: v.optional(v.string()),
  size_in_bytes: v.optional(v.number()),
  duration_in_seconds: v.optional(v.number()),
});

/** An item: `id` required (a string), and "content_html and content_text are each optional strings — but one must be present". */
export const JsonFeedItem = v.pipe(
  v.strictObject({
    id: v.pipe(v.string(), v.minLength(1)),
    url: v.optional(Url),
    external_url: v.optional(Url),
    title: v.optional(v.string()),
    content_html: v.optional(v.string()),
    content_text: v.optional(v.string()),
    summary: v.optional(v.string()),
    image: v.optional(Url),
    banner_image: v.optional(Url),
    date_published: v.optional(Date3339),
    date_modified: v.optional(Date3339),
    authors: v.optional(v.array(Author)),
    tags: v.optional(v.array(v.string())),
    language: v.optional(v.string()),
    attachments: v.optional(v.array(Attachment)),
  }),
  v.check(
    (i) => i.content_html !== undefined || i.content_text !== undefined,
    'an item needs content_html or content_text',
  ),
);

/** A feed: `version`, `title` and `items` required. */
export const JsonFeed = v.strictObject({
  version: v.literal('https://jsonfeed.org/version/1.1'),
  title: v.pipe(v.string(), v.minLength(1)),
  home_page_url: v.optional(Url),
  feed_url: v.optional(Url),
  description: v.optional(v.string()),
  user_comment: v.optional(v.string()),
  next_url: v.optional(Url),
  icon: v.optional(Url),
  favicon: v.optional(Url),
  authors: v.optional(v.array(Author)),
  language: v.optional(
    v.pipe(v.string(), v.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'must be an RFC 5646 language tag')),
  ),
  expired: v.optional(v.boolean()),
  hubs: v.optional(v.array(v.strictObject({ type: v.string(), url: Url }))),
  items: v.array(JsonFeedItem),
});

export type JsonFeedDoc = v.InferOutput<typeof JsonFeed>;
