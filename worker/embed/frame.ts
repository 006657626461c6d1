/**
 * `/embed/:id` and `/embed/dataset/:id`: the card as a whole HTML document for
 * iframes. Readable without JavaScript; frameable from any origin; a strict
 * CSP otherwise; one same-origin script reports its height to the parent.
 */
import type { Context } from 'hono';
import { type CardModel, figureText, type Theme } from '../card';
import type { AppEnv } from '../env';
import { CACHE_NOT_FOUND, parseQuery, publicOrigin, render, send } from '../http';
import { colon, contentLanguage, LANG_TAGS } from '../language';
import { MISSING_WORDS } from '../language/card-words';
import { absolute, type EmbedKind, frameScriptPath, frameStylesPath, indicatorsPath, kindPath } from '../links';
import {
  attr,
  cardModel,
  escapeHtml,
  isDataset,
  renderCard,
  renderMissingCard,
  type WidgetManifest,
  widgetManifest,
} from '../markup';
import type { Dataset, Indicator, Lang } from '../schema';
import { LangParam, ThemeParam } from './params';

/**
 * The frame's policy: nothing but our own styles, script and images, and any
 * site may frame it (which also stops the global `X-Frame-Options: DENY`).
 */
export const FRAME_CSP =
  "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors *";

/** Input of {@link framePage}. */
export interface FramePageInput {
  model: CardModel;
  theme: Theme;
  /** Absolute URL of the indicator or dataset page (canonical). */
  page: string;
  /** The service's name, for the title. */
  provider: string;
  /** For the card stylesheet; without it the card is unstyled but complete. */
  manifest?: WidgetManifest;
}

/** Longest `<title>` written: search results and tab strips cut longer ones. */
const MAX_TITLE = 70;

/** `main · provider`, without the provider (then shortened) when that is too long. */
export function pageTitle(main: string, provider: string): string {
  const full = `${main} · ${provider}`;
  if (full.length <= MAX_TITLE) return full;
  return main.length <= MAX_TITLE ? main : `${main.slice(0, MAX_TITLE - 1)}…`;
}

/** The frame document around a card's markup: the same head for every card, the not-found card included. */
function frameDocument(o: {
  lang: Lang;
  theme: Theme;
  id: string;
  kind: EmbedKind;
  title: string;
  canonical?: string;
  manifest?: WidgetManifest;
  card: string;
}): string {
  const scheme = o.theme === 'auto' ? 'light dark' : o.theme;
  return `<!DOCTYPE html>
<html${attr('lang', LANG_TAGS[o.lang])}${attr('data-theme', o.theme)}${attr('data-zz-embed', o.id)}${attr('data-zz-kind', o.kind)}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme"${attr('content', scheme)}>
<meta name="robots" content="noindex">
<title>${escapeHtml(o.title)}</title>
${o.canonical ? `<link rel="canonical"${attr('href', o.canonical)}>\n` : ''}${o.manifest ? `<link rel="stylesheet"${attr('href', o.manifest.css)}>\n` : ''}<link rel="stylesheet"${attr('href', frameStylesPath())}>
<script${attr('src', frameScriptPath())} defer></script>
</head>
<body>
${o.card}
</body>
</html>
`;
}

/** The iframe document of a card. */
export function framePage({ model, theme, page, provider, manifest }: FramePageInput): string {
  const figure = model.value ? `${colon(model.lang)}${figureText(model.value)}` : '';
  return frameDocument({
    lang: model.lang,
    theme,
    id: model.id,
    kind: model.type === 'dataset' ? 'dataset' : 'indicator',
    title: pageTitle(`${model.label}${figure}`, provider),
    canonical: page,
    manifest,
    card: renderCard(model, { theme, linkTarget: '_blank' }),
  });
}

/** Input of {@link missingFramePage}. */
export interface MissingFrameInput {
  kind: EmbedKind;
  id: string;
  lang: Lang;
  theme: Theme;
  /** Absolute public origin, for the link to the list of ids. */
  origin: string;
  provider: string;
  manifest?: WidgetManifest;
}

/** The iframe document of an unknown id: the not-found card, in the card's look, linking the list of ids. */
export function missingFramePage({ kind, id, lang, theme, origin, provider, manifest }: MissingFrameInput): string {
  const w = MISSING_WORDS[lang];
  return frameDocument({
    lang,
    theme,
    id,
    kind,
    title: pageTitle(w[kind], provider),
    manifest,
    card: renderMissingCard({
      kind,
      id,
      lang,
      theme,
      list: absolute(origin, indicatorsPath(lang)),
      linkTarget: '_blank',
    }),
  });
}

/** The headers of every frame: the frame policy (any site may frame it), its language, and COEP. */
const frameHeaders = (lang: Lang) => ({
  'Content-Security-Policy': FRAME_CSP,
  'Content-Language': contentLanguage(lang),
  'Cross-Origin-Embedder-Policy': 'require-corp',
});

/** The frame's query: never a 400 (out-of-range values are the defaults, unknown names are ignored). */
const frameQuery = { lang: LangParam, theme: ThemeParam };

/**
 * A frame for an id we do not have: a 404 the host's iframe still shows (the not-found card, framed like any card),
 * never a problem document the frame would refuse to show. Its language and theme are read as for any card: whatever
 * the query says, the reader gets a card.
 */
async function sendMissing(c: Context<AppEnv>, kind: EmbedKind, id: string): Promise<Response> {
  const { lang, theme } = parseQuery(c, frameQuery);
  const html = missingFramePage({
    kind,
    id: id.slice(0, 100),
    lang,
    theme,
    origin: publicOrigin(c),
    provider: c.var.snapshot.meta.title[lang],
    manifest: await widgetManifest(c),
  });
  return c.body(html, 404, {
    ...frameHeaders(lang),
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': CACHE_NOT_FOUND,
  });
}

/** Renders and sends the frame of an indicator or dataset (once per version, origin, build, language, theme). */
async function sendFrame(c: Context<AppEnv>, target: Indicator | Dataset, lang: Lang, theme: Theme): Promise<Response> {
  const snapshot = c.var.snapshot;
  const origin = publicOrigin(c);
  const manifest = await widgetManifest(c);
  const kind = isDataset(target) ? 'dataset' : 'indicator';
  const key = `embed-frame:${origin}:${manifest?.css ?? '-'}:${kind}:${target.id}:${lang}:${theme}`;
  const rendered = render(snapshot, key, 'text/html; charset=utf-8', () =>
    framePage({
      model: cardModel(target, lang, snapshot, origin),
      theme,
      page: absolute(origin, kindPath(kind, target.id, lang)),
      provider: snapshot.meta.title[lang],
      manifest,
    }),
  );
  return send(c, snapshot, rendered, { headers: frameHeaders(lang) });
}

/** `GET /embed/:id?lang=zh|en&theme=light|dark|auto`; an unknown id is the framed not-found card, 404. */
export const indicatorFrame = async (c: Context<AppEnv>) => {
  const id = c.req.param('id') ?? '';
  const indicator = c.var.snapshot.indicator(id);
  if (!indicator) return sendMissing(c, 'indicator', id);
  const { lang, theme } = parseQuery(c, frameQuery);
  return sendFrame(c, indicator, lang, theme);
};

/** `GET /embed/dataset/:id?lang=zh|en&theme=light|dark|auto`; an unknown id is the framed not-found card, 404. */
export const datasetFrame = async (c: Context<AppEnv>) => {
  const id = c.req.param('id') ?? '';
  const dataset = c.var.snapshot.dataset(id);
  if (!dataset) return sendMissing(c, 'dataset', id);
  const { lang, theme } = parseQuery(c, frameQuery);
  return sendFrame(c, dataset, lang, theme);
};
