/**
 * `GET /oembed?url=<page URL>&format=json`: oEmbed 1.0 (oembed.com) for our
 * indicator and dataset pages, type `rich`. The `html` is the iframe card by
 * default (it works in CMSes that strip scripts and needs nothing from the
 * host page); `embed=script` gives the script + custom element instead.
 * `format=xml` is 501, as the spec asks of providers without XML.
 */
import type { Context } from 'hono';
import * as v from 'valibot';
import { DEFAULT_THEME } from '../card';
import type { Snapshot } from '../data-source';
import type { AppEnv } from '../env';
import { oneOf, Problem, parseQuery, publicOrigin, render, send } from '../http';
import { langFromTag } from '../language';
import { absolute, homePath, indicatorPath, ROUTES, readEmbeddablePath } from '../links';
import { cardModel, embedSnippet, FRAME_WIDTHS, frameHeight, widgetManifest } from '../markup';
import { type Dataset, ID_PATTERN, type Indicator, type Lang } from '../schema';
import { ThemeParam } from './params';

/** `cache_age` in seconds: as long as shared caches keep the data (`s-maxage`). */
export const OEMBED_CACHE_AGE = 3600;

/** Lowest height offered when a consumer's `maxheight` is below the card's (the frame then scrolls). */
const MIN_HEIGHT = 100;

const Pixels = v.pipe(
  v.string(),
  v.regex(/^[1-9]\d{0,4}$/, 'must be a whole number of pixels (1–99999)'),
  v.transform(Number),
);

const query = {
  url: v.optional(v.pipe(v.string(), v.url('must be the absolute URL of an indicator or dataset page'))),
  format: v.optional(oneOf(['json', 'xml']), 'json'),
  maxwidth: v.optional(Pixels),
  maxheight: v.optional(Pixels),
  /** Provider-specific: which embed code `html` holds. */
  embed: v.optional(oneOf(['iframe', 'script']), 'iframe'),
  /** Provider-specific: the card's theme. */
  theme: ThemeParam,
};

/** The oEmbed 1.0 `rich` response. */
export interface OEmbedRich {
  version: '1.0';
  type: 'rich';
  title: string;
  author_name: string;
  provider_name: string;
  provider_url: string;
  cache_age: number;
  html: string;
  width: number;
  height: number;
}

/** What a page URL of ours shows. */
export interface PageTarget {
  target: Indicator | Dataset;
  lang: Lang;
}

/**
 * The indicator or dataset a URL of this site shows: its pages (`/indicators/:id`,
 * `/en/datasets/:id`) and its iframe cards (`/embed/:id?lang=en`). `undefined`
 * for any other URL, including other hosts.
 */
export function resolvePageUrl(url: URL, hosts: readonly string[], snapshot: Snapshot): PageTarget | undefined {
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !hosts.includes(url.host)) return undefined;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return undefined;
  }
  const shown = readEmbeddablePath(path);
  if (!shown || !ID_PATTERN.test(shown.id)) return undefined;
  const target = shown.kind === 'dataset' ? snapshot.dataset(shown.id) : snapshot.indicator(shown.id);
  if (!target) return undefined;
  // A page's language is its prefix; an iframe card's is its `?lang=` (a tag of either language, as the card reads it).
  const queryLang = langFromTag(url.searchParams.get('lang') ?? '');
  return { target, lang: shown.lang ?? queryLang ?? 'zh' };
}

/** `GET /oembed` */
export const oembed = async (c: Context<AppEnv>) => {
  const params = parseQuery(c, query);
  if (params.url === undefined) {
    throw new Problem(
      400,
      'invalid-parameter',
      `Query parameter "url" is required: the URL of an indicator or dataset page of this site, e.g. ${ROUTES.oembed}?url=<page URL>&format=json.`,
      {
        'invalid-params': [{ name: 'url', reason: 'missing' }],
      },
    );
  }
  if (params.format === 'xml') {
    throw new Problem(501, 'not-implemented', 'oEmbed responses are available as JSON only. Use format=json.');
  }
  const snapshot = c.var.snapshot;
  const origin = publicOrigin(c);
  const hosts = [new URL(origin).host, new URL(c.req.url).host];
  const found = resolvePageUrl(new URL(params.url), hosts, snapshot);
  if (!found) {
    throw new Problem(
      404,
      'not-found',
      `No embeddable page at "${params.url}". Pass the URL of an indicator or dataset page of ${origin}, such as ${absolute(origin, indicatorPath('<id>', 'zh'))}.`,
    );
  }
  const { target, lang } = found;
  const width = FRAME_WIDTHS.find((w) => w <= (params.maxwidth ?? Infinity));
  if (width === undefined) {
    throw new Problem(
      404,
      'not-found',
      `No card fits maxwidth=${params.maxwidth}: the narrowest is ${FRAME_WIDTHS.at(-1)} px wide.`,
    );
  }
  const model = cardModel(target, lang, snapshot, origin);
  let height = frameHeight(model, width);
  if (params.maxheight !== undefined && params.maxheight < height) {
    if (params.maxheight < MIN_HEIGHT)
      throw new Problem(
        404,
        'not-found',
        `No card fits maxheight=${params.maxheight}: the lowest offered is ${MIN_HEIGHT} px.`,
      );
    height = Math.floor(params.maxheight / 10) * 10; // few distinct sizes: bounded memo
  }
  const manifest = await widgetManifest(c);
  const { embed, theme } = params;
  const kind = 'indicators' in target ? 'dataset' : 'indicator';
  const key = `oembed:${origin}:${manifest?.script ?? '-'}:${kind}:${target.id}:${lang}:${embed}:${theme}:${width}x${height}`;
  const rendered = render(snapshot, key, 'application/json; charset=utf-8', () => {
    const code = embedSnippet({
      origin,
      target,
      lang,
      theme: theme === DEFAULT_THEME ? undefined : theme,
      manifest,
      data: snapshot,
      size: { width, height },
    });
    const body: OEmbedRich = {
      version: '1.0',
      type: 'rich',
      title: model.label,
      author_name:
        'indicators' in target ? target.indicators[0]!.source.publisher[lang] : target.source.publisher[lang],
      provider_name: snapshot.meta.title[lang],
      provider_url: absolute(origin, homePath(lang)),
      cache_age: OEMBED_CACHE_AGE,
      html: embed === 'iframe' ? code.iframe : code.html,
      width,
      height,
    };
    return JSON.stringify(body);
  });
  return send(c, snapshot, rendered);
};
