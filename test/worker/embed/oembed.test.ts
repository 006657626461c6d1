import { describe, expect, it } from 'vitest';
import { OEMBED_CACHE_AGE, type OEmbedRich } from '../../../worker/embed/oembed';
import { formatValue } from '../../../worker/format';
import { attr, data, get, hasHostileMarkup, hostileFetch, indicators, ORIGIN, problem } from './support';

const oembed = (url: string, extra = '') => get(`/oembed?url=${encodeURIComponent(url)}&format=json${extra}`);
/** The `src` of the iframe or script an oEmbed response's html holds. */
const src = (html: string) => attr(html, 'src')!;

/** The members oEmbed 1.0 §2.3.4 defines, and their types; `rich` requires html, width and height. */
function expectRich(body: Record<string, unknown>) {
  expect(body.version).toBe('1.0');
  expect(body.type).toBe('rich');
  for (const key of ['html', 'title', 'author_name', 'provider_name', 'provider_url'])
    expect(typeof body[key], key).toBe('string');
  for (const key of ['width', 'height', 'cache_age']) {
    expect(Number.isInteger(body[key]), key).toBe(true);
    expect(body[key] as number, key).toBeGreaterThan(0);
  }
  const defined = [
    'type',
    'version',
    'title',
    'author_name',
    'author_url',
    'provider_name',
    'provider_url',
    'cache_age',
    'thumbnail_url',
    'thumbnail_width',
    'thumbnail_height',
    'html',
    'width',
    'height',
  ];
  expect(Object.keys(body).filter((k) => !defined.includes(k))).toEqual([]);
}

describe('/oembed', () => {
  it.each(indicators.map((i) => [i.id, i] as const))('%s: rich iframe embed of the indicator page', async (id, i) => {
    const res = await oembed(`${ORIGIN}/indicators/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    const body = await res.json<OEmbedRich>();
    expectRich(body as unknown as Record<string, unknown>);
    expect(body.cache_age).toBe(OEMBED_CACHE_AGE);
    expect(body.provider_name).toBe(data.meta.title.zh);
    expect(body.provider_url).toBe(`${ORIGIN}/`);
    expect(body.html).toMatch(/^<iframe [^>]+><\/iframe>$/);
    expect(body.html).toContain(`width="${body.width}" height="${body.height}"`);
    expect(src(body.html)).toBe(`${ORIGIN}/embed/${id}?lang=zh`);
    expect(body.width).toBe(400);
    // The embed it points to exists and shows the figure.
    const frame = await get(src(body.html).slice(ORIGIN.length));
    expect(frame.status).toBe(200);
    expect(await frame.text()).toContain(formatValue(i, 'zh'));
  });

  it('takes the language from the page URL (/en prefix, or lang= on an embed URL)', async () => {
    const en = await (await oembed(`${ORIGIN}/en/indicators/little-giants`)).json<OEmbedRich>();
    expect(src(en.html)).toBe(`${ORIGIN}/embed/little-giants?lang=en`);
    expect(en.provider_url).toBe(`${ORIGIN}/en/`);
    expect(en.provider_name).toBe(data.meta.title.en);
    const frame = await (await oembed(`${ORIGIN}/embed/little-giants?lang=en`)).json<OEmbedRich>();
    expect(frame.html).toBe(en.html);
    const slash = await (await oembed(`${ORIGIN}/en/indicators/little-giants/`)).json<OEmbedRich>();
    expect(slash.html).toBe(en.html);
  });

  it.each(data.datasets.map((d) => [d.id] as const))('dataset page %s', async (id) => {
    const body = await (await oembed(`${ORIGIN}/datasets/${id}`)).json<OEmbedRich>();
    expectRich(body as unknown as Record<string, unknown>);
    expect(src(body.html)).toBe(`${ORIGIN}/embed/dataset/${id}?lang=zh`);
  });

  it('embed=script gives the script and custom element with its fallback', async () => {
    const body = await (await oembed(`${ORIGIN}/en/indicators/platforms-total`, '&embed=script')).json<OEmbedRich>();
    expect(body.html).toMatch(
      /^<script src="[^"]+" [^>]*async><\/script>\n<zz-indicator indicator="platforms-total" lang="en">/,
    );
    expect(body.html).toContain('708');
    const script = await get(src(body.html).slice(ORIGIN.length));
    expect(script.status).toBe(200);
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
  });

  it('respects maxwidth and maxheight', async () => {
    const url = `${ORIGIN}/datasets/talent-cooperation`;
    const full = await (await oembed(url)).json<OEmbedRich>();
    for (const [maxwidth, width] of [
      [1000, 400],
      [400, 400],
      [399, 300],
      [250, 200],
      [200, 200],
    ] as const) {
      const body = await (await oembed(url, `&maxwidth=${maxwidth}`)).json<OEmbedRich>();
      expect(body.width).toBe(width);
      expect(body.html).toContain(`width="${width}"`);
      // Narrower cards wrap more, so they are at least as tall.
      expect(body.height).toBeGreaterThanOrEqual(full.height);
    }
    const low = await (await oembed(url, `&maxheight=${full.height - 15}`)).json<OEmbedRich>();
    expect(low.height).toBeLessThanOrEqual(full.height - 15);
    expect(low.html).toContain(`height="${low.height}"`);
  });

  it('format=xml is 501 Not Implemented, as oEmbed asks', async () => {
    const res = await get(`/oembed?url=${encodeURIComponent(`${ORIGIN}/indicators/platforms-total`)}&format=xml`);
    expect(res.status).toBe(501);
    expect((await problem(res)).type).toBe('/problems/not-implemented');
  });

  it.each([
    ['a page of another site', `https://example.org/indicators/platforms-total`],
    ['an unknown indicator', `${ORIGIN}/indicators/no-such-indicator`],
    ['an unknown dataset', `${ORIGIN}/datasets/no-such-dataset`],
    ['a page that is not an indicator', `${ORIGIN}/api/v1/indicators/platforms-total`],
    ['a non-http URL', `ftp://example.com/indicators/platforms-total`],
  ])('404 for %s', async (_, url) => {
    const res = await oembed(url);
    expect(res.status).toBe(404);
    expect((await problem(res)).type).toBe('/problems/not-found');
  });

  it('404 when no card fits maxwidth or maxheight', async () => {
    expect((await oembed(`${ORIGIN}/indicators/platforms-total`, '&maxwidth=120')).status).toBe(404);
    expect((await oembed(`${ORIGIN}/indicators/platforms-total`, '&maxheight=40')).status).toBe(404);
  });

  it.each([
    ['/oembed', ['url']],
    ['/oembed?format=json', ['url']],
    ['/oembed?url=platforms-total', ['url']],
    ['/oembed?url=http%3A%2F%2Fexample.com%2Findicators%2Fplatforms-total&format=yaml', ['format']],
    ['/oembed?url=http%3A%2F%2Fexample.com%2Findicators%2Fplatforms-total&maxwidth=wide', ['maxwidth']],
    ['/oembed?url=http%3A%2F%2Fexample.com%2Findicators%2Fplatforms-total&maxheight=-5', ['maxheight']],
  ] as const)('%s → 400 naming %s', async (path, names) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect((await problem(res)).names).toEqual(names);
  });

  it('escapes hostile data inside the JSON html', async () => {
    const res = await hostileFetch(
      `/oembed?url=${encodeURIComponent(`${ORIGIN}/indicators/platforms-total`)}&embed=script`,
    );
    const body = await res.json<OEmbedRich>();
    expect(hasHostileMarkup(body.html)).toBe(false);
    expect(hasHostileMarkup(body.title)).toBe(true); // JSON members are text; only html is markup
  });
});
