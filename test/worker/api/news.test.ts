import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ApiNewsItemSchema, NewsListSchema } from '../../../worker/api/schema';
import { catalog, get, getJson, hasBilingual, ORIGIN } from './support';

type List = v.InferOutput<typeof NewsListSchema>;

describe('GET /api/v1/news', () => {
  it('lists every dated event of the catalog, newest first, matching its schema', async () => {
    const body = await getJson<List>('/api/v1/news');
    expect(() => v.parse(NewsListSchema, body)).not.toThrow();
    expect(new Set(body.news.map((n) => n.id))).toEqual(new Set(catalog.news.map((n) => n.id)));
    const starts = body.news.map((n) => n.date.split('/')[0]!);
    expect(starts).toEqual([...starts].sort().reverse());
  });

  it("keeps each event's real date, title, summary and quote as stored", async () => {
    const { news } = await getJson<List>('/api/v1/news');
    for (const stored of catalog.news) {
      const served = news.find((n) => n.id === stored.id)!;
      expect(served.date).toBe(stored.date);
      expect(served.title).toEqual(stored.title);
      expect(served.summary).toEqual(stored.summary);
      expect(served.source.quote).toBe(stored.source.quote);
      expect(served.indicators).toEqual(stored.indicators);
      expect(served.links.self).toBe(`${ORIGIN}/api/v1/news/${stored.id}`);
    }
  });

  it('includes the events the article dates (19–21 April job fair, 20, 26 and 28 April)', async () => {
    const { news } = await getJson<List>('/api/v1/news');
    expect(news.map((n) => n.date).sort()).toEqual(
      expect.arrayContaining(['2023-04-19/2023-04-21', '2023-04-20', '2023-04-26', '2023-04-28']),
    );
  });

  it('flattens with lang', async () => {
    const body = await getJson<{ news: { title: string }[] }>('/api/v1/news?lang=en');
    expect(hasBilingual(body)).toBe(false);
    expect(body.news.every((n) => typeof n.title === 'string')).toBe(true);
  });
});

describe('GET /api/v1/news/:id', () => {
  it('serves each event on its own', async () => {
    for (const stored of catalog.news) {
      const item = await getJson<v.InferOutput<typeof ApiNewsItemSchema>>(`/api/v1/news/${stored.id}`);
      expect(() => v.parse(ApiNewsItemSchema, item)).not.toThrow();
      expect(item.id).toBe(stored.id);
    }
  });

  it('404s for an unknown event', async () => {
    const res = await get('/api/v1/news/no-such-event');
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
  });
});
