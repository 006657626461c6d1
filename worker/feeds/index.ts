/**
 * Feeds of the catalog and of each dataset in RSS 2.0, Atom 1.0 and JSON
 * Feed 1.1: `/feed.xml`, `/feed.atom`, `/feed.json` and
 * `/datasets/:id/feed.xml|feed.atom|feed.json`, each with an optional
 * `?lang=zh|en` (default: Chinese with English alongside).
 */
import { type Context, Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../env';
import { oneOf, Problem, parseQuery, publicOrigin, render, send } from '../http';
import { contentLanguage } from '../language';
import { FEED_FORMAT_NAMES, FEED_FORMATS, type FeedFormat, feedPath, feedRoutes } from '../links';
import { LANGS } from '../schema';
import { renderAtom } from './atom';
import { renderJsonFeed } from './json-feed';
import { buildFeed, type Feed } from './model';
import { renderRss } from './rss';

export { TAG_AUTHORITY, TAG_DATE } from './ids';

const WRITERS: Record<FeedFormat, (feed: Feed) => string> = { rss: renderRss, atom: renderAtom, json: renderJsonFeed };

const QUERY = { lang: v.optional(oneOf(LANGS)) };

/** Answers one feed, rendered once per data version, format, scope, language and origin. */
function serveFeed(c: Context<AppEnv>, format: FeedFormat, datasetId?: string): Response {
  const { lang } = parseQuery(c, QUERY);
  const snapshot = c.var.snapshot;
  if (datasetId !== undefined && !snapshot.dataset(datasetId)) {
    throw new Problem(
      404,
      'not-found',
      `There is no dataset "${datasetId}", so no feed for it. Feeds exist for: ${snapshot.datasets.map((d) => d.id).join(', ')}; ${feedPath(format)} covers them all.`,
    );
  }
  const origin = publicOrigin(c);
  const scope = `${datasetId ?? '*'}|${lang ?? ''}|${origin}`;
  const rendered = render(snapshot, `feed|${format}|${scope}`, `${FEED_FORMATS[format].type}; charset=utf-8`, () =>
    WRITERS[format](snapshot.memo(`feed-model|${scope}`, () => buildFeed(snapshot, { datasetId, lang, origin }))),
  );
  return send(c, snapshot, rendered, {
    headers: { 'Content-Language': contentLanguage(lang) },
  });
}

/** Routes of this feature; mounted by `worker/app.ts`. */
export const feeds = new Hono<AppEnv>();

for (const format of FEED_FORMAT_NAMES) {
  const routes = feedRoutes(format);
  feeds.get(routes.catalog, (c) => serveFeed(c, format));
  feeds.get(routes.dataset, (c) => serveFeed(c, format, c.req.param('id')));
}
