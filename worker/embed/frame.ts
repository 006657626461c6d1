/**
 * `/embed/:id` and `/embed/dataset/:id`: the card as a whole HTML document for
 * iframes. Readable without JavaScript; frameable from any origin; a strict
 * CSP otherwise; one same-origin script reports its height to the parent.
 */
import type { Context } from 'hono';
import { type CardModel, figureText, type Theme } from '../card';
import type { AppEnv } from '../env';
import { parseQuery, publicOrigin, render, send } from '../http';
import { colon, contentLanguage, LANG_TAGS } from '../language';
import { absolute, frameScriptPath, frameStylesPath, kindPath } from '../links';
import { attr, cardModel, escapeHtml, isDataset, renderCard, type WidgetManifest, widgetManifest } from '../markup';
import type { Dataset, Indicator, Lang } from '../schema';
import { datasetOr404, indicatorOr404, LangParam, ThemeParam } from './params';

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

/** The iframe document of a card. */
export function framePage({ model, theme, page, provider, manifest }: FramePageInput): string {
  const figure = model.value ? `${colon(model.lang)}${figureText(model.value)}` : '';
  const scheme = theme === 'auto' ? 'light dark' : theme;
  return `<!DOCTYPE html>
<html${attr('lang', LANG_TAGS[model.lang])}${attr('data-theme', theme)}${attr('data-zz-embed', model.id)}${attr('data-zz-kind', model.type === 'dataset' ? 'dataset' : 'indicator')}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme"${attr('content', scheme)}>
<meta name="robots" content="noindex">
<title>${escapeHtml(pageTitle(`${model.label}${figure}`, provider))}</title>
<link rel="canonical"${attr('href', page)}>
${manifest ? `<link rel="stylesheet"${attr('href', manifest.css)}>\n` : ''}<link rel="stylesheet"${attr('href', frameStylesPath())}>
<script${attr('src', frameScriptPath())} defer></script>
</head>
<body>
${renderCard(model, { theme, linkTarget: '_blank' })}
</body>
</html>
`;
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
  return send(c, snapshot, rendered, {
    headers: {
      'Content-Security-Policy': FRAME_CSP,
      'Content-Language': contentLanguage(lang),
      'Cross-Origin-Embedder-Policy': 'require-corp',
    },
  });
}

const frameQuery = { lang: LangParam, theme: ThemeParam };

/** `GET /embed/:id?lang=zh|en&theme=light|dark|auto` */
export const indicatorFrame = async (c: Context<AppEnv>) => {
  const indicator = indicatorOr404(c.var.snapshot, c.req.param('id') ?? '');
  const { lang, theme } = parseQuery(c, frameQuery);
  return sendFrame(c, indicator, lang, theme);
};

/** `GET /embed/dataset/:id?lang=zh|en&theme=light|dark|auto` */
export const datasetFrame = async (c: Context<AppEnv>) => {
  const dataset = datasetOr404(c.var.snapshot, c.req.param('id') ?? '');
  const { lang, theme } = parseQuery(c, frameQuery);
  return sendFrame(c, dataset, lang, theme);
};
