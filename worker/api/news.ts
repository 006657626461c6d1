import type { Context } from 'hono';
import type { AppEnv } from '../env';
import { parseQuery, publicOrigin } from '../http';
import { apiNews } from '../links';
import type { NewsItem } from '../schema';
import { reply } from './format-response';
import { localize } from './localize';
import { lookup } from './lookup';
import { entriesFor } from './params';
import { presentNewsItem } from './present';
import { ApiNewsItemSchema, NewsListSchema } from './schema';

/** Newest first, by the day an event began (ISO dates sort as text); the catalog order breaks ties. */
const newestFirst = (news: readonly NewsItem[]) =>
  news
    .map((item, index) => ({ item, index }))
    .sort((a, b) => b.item.date.split('/')[0]!.localeCompare(a.item.date.split('/')[0]!) || a.index - b.index)
    .map(({ item }) => item);

/** `GET /api/v1/news`: the dated events of the article. */
export function listNews(c: Context<AppEnv>): Response {
  const snapshot = c.var.snapshot;
  const { lang } = parseQuery(c, entriesFor(snapshot, ['lang']));
  const origin = publicOrigin(c);
  return reply(
    c,
    {
      json: () =>
        JSON.stringify(
          localize(NewsListSchema, { news: newestFirst(snapshot.news).map((n) => presentNewsItem(n, origin)) }, lang),
        ),
    },
    { key: 'news', lang },
  );
}

/** `GET /api/v1/news/{id}` */
export function getNewsItem(c: Context<AppEnv>): Response {
  const snapshot = c.var.snapshot;
  const { lang } = parseQuery(c, entriesFor(snapshot, ['lang']));
  const ids = snapshot.news.map((n) => n.id);
  const item = lookup(
    'news item',
    c.req.param('id') ?? '',
    (id) => snapshot.news.find((n) => n.id === id),
    ids,
    apiNews(),
  );
  const origin = publicOrigin(c);
  return reply(
    c,
    { json: () => JSON.stringify(localize(ApiNewsItemSchema, presentNewsItem(item, origin), lang)) },
    { key: `news:${item.id}`, lang },
  );
}
