/**
 * Feeds of the catalog, of each dataset and of each indicator in RSS 2.0, Atom 1.0 and JSON Feed 1.1: `/feed.xml`,
 * `/feed.atom`, `/feed.json`, `/datasets/:id/feed.xml|feed.atom|feed.json` and
 * `/indicators/:id/feed.xml|feed.atom|feed.json`. Each speaks one language: Chinese at the root, English under `/en`
 * (`/en/feed.xml`, `/en/datasets/:id/feed.atom`, …), as pages do. `?lang=zh|en` names the language instead of the
 * path (`/feed.xml?lang=en` is `/en/feed.xml`, byte for byte: same self links, same ETag). `?vintage=YYYY-MM-DD`
 * gives the data as published by that day (the app's data middleware reads it).
 *
 * Before feeds were split by language, `/feed.xml` carried Chinese with English alongside and `?lang=zh` Chinese
 * alone; both are now the Chinese feed (the root is Chinese), under the root feed's id, so a subscriber keeps the
 * same feed and the same item ids and only loses the doubled English.
 */
import { type Context, Hono } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../env';
import { LangTag, Problem, parseQuery, publicOrigin, render, send, VINTAGE_PARAM } from '../http';
import { contentLanguage } from '../language';
import { apiIndicators, FEED_FORMAT_NAMES, FEED_FORMATS, type FeedFormat, feedPath, feedRoutes } from '../links';
import { LANGS, type Lang } from '../schema';
import { renderAtom } from './atom';
import { renderJsonFeed } from './json-feed';
import { buildFeed, type Feed } from './model';
import { revisionLog } from './revisions';
import { renderRss } from './rss';

export { TAG_AUTHORITY, TAG_DATE } from './ids';

const WRITERS: Record<FeedFormat, (feed: Feed) => string> = { rss: renderRss, atom: renderAtom, json: renderJsonFeed };

// `vintage` is checked (and its snapshot chosen) by the app's data middleware; here it only has to be a known name.
// `lang` takes language tags too (`zh-Hans`, `EN`, `en-US`); another language is a 400 that lists ours.
const QUERY = { lang: v.optional(LangTag), [VINTAGE_PARAM]: v.optional(v.string()) };

/** What a feed covers: everything, one dataset, or one indicator. */
type Subject = { datasetId?: string; indicatorId?: string };

/** Answers one feed, rendered once per data version, format, scope, language and origin. */
function serveFeed(
  c: Context<AppEnv>,
  format: FeedFormat,
  pathLang: Lang,
  { datasetId, indicatorId }: Subject = {},
): Response {
  // `?lang=` names the language where it is given; otherwise the path's prefix does.
  const lang = parseQuery(c, QUERY).lang ?? pathLang;
  const snapshot = c.var.snapshot;
  if (indicatorId !== undefined && !revisionLog(snapshot).history(indicatorId)) {
    throw new Problem(
      404,
      'not-found',
      `There is no indicator "${indicatorId}", so no feed for it. ${apiIndicators()} lists the indicators; ${feedPath(format, undefined, lang)} covers them all.`,
    );
  }
  if (datasetId !== undefined && !snapshot.dataset(datasetId)) {
    throw new Problem(
      404,
      'not-found',
      `There is no dataset "${datasetId}", so no feed for it. Feeds exist for: ${snapshot.datasets.map((d) => d.id).join(', ')}; ${feedPath(format, undefined, lang)} covers them all.`,
    );
  }
  const origin = publicOrigin(c);
  const subject =
    indicatorId !== undefined ? `indicator:${indicatorId}` : datasetId !== undefined ? `dataset:${datasetId}` : '*';
  const scope = `${subject}|${lang}|${origin}`;
  const rendered = render(snapshot, `feed|${format}|${scope}`, `${FEED_FORMATS[format].type}; charset=utf-8`, () =>
    WRITERS[format](
      snapshot.cache(`feed-model|${scope}`, () => buildFeed(snapshot, { datasetId, indicatorId, lang, origin })),
    ),
  );
  return send(c, snapshot, rendered, {
    headers: { 'Content-Language': contentLanguage(lang) },
  });
}

/** Routes of this feature; mounted by `worker/app.ts`. */
export const feeds = new Hono<AppEnv>();

for (const lang of LANGS) {
  for (const format of FEED_FORMAT_NAMES) {
    const routes = feedRoutes(format, lang);
    feeds.get(routes.catalog, (c) => serveFeed(c, format, lang));
    feeds.get(routes.dataset, (c) => serveFeed(c, format, lang, { datasetId: c.req.param('id') }));
    feeds.get(routes.indicator, (c) => serveFeed(c, format, lang, { indicatorId: c.req.param('id') }));
  }
}
