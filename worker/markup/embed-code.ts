/**
 * Embed code for an indicator or a dataset: the script tag (content-hashed,
 * with Subresource Integrity, from the widget manifest), the custom element
 * and `<div>` placeholder holding real fallback text from the server, the
 * iframe, the badge, and the oEmbed discovery link. Pages show it; oEmbed
 * returns part of it.
 */
import type { Context } from 'hono';
import {
  type CardData,
  type CardModel,
  cardFigure,
  DEFAULT_THEME,
  datasetCard,
  figureText,
  indicatorCard,
  type SeriesIndicator,
  type Theme,
} from '../card';
import type { AppEnv } from '../env';
import { publicOrigin } from '../http';
import { colon } from '../language';
import { absolute, badgePath, type EmbedKind, framePath, kindPath, oembedPath, widgetScriptPath } from '../links';
import type { Dataset, Indicator, Lang } from '../schema';
import { renderFallback } from './card-html';
import { attr } from './escape';
import { FRAME_WIDTH, frameHeight } from './frame-size';
import { type WidgetManifest, widgetManifest } from './widget-manifest';

/**
 * The embed code of one indicator or dataset in one language. Every member is
 * HTML source to be shown to the user (escape it when you put it in a page)
 * or pasted into theirs.
 */
export interface EmbedCode {
  /** `<script src="…/widgets/widget.<hash>.js" integrity="sha384-…" crossorigin="anonymous" async></script>` (once per page). */
  script: string;
  /** `<zz-indicator indicator="…" lang="…">…fallback card…</zz-indicator>` (`dataset="…"` for a dataset). */
  element: string;
  /** `<div data-zz-indicator="…" lang="…">…fallback card…</div>`, for CMSes that strip unknown tags. */
  div: string;
  /** `<iframe src="…/embed/…" …></iframe>`: no script on the host page at all. */
  iframe: string;
  /** `script` + `element`: what to paste. */
  html: string;
  /** `<img src="…/badge/<id>.svg" alt="…">`; empty for a dataset. */
  badge: string;
  /** The badge as Markdown, linking to the indicator page; empty for a dataset. */
  markdown: string;
  /** The oEmbed URL for this indicator's or dataset's page. */
  oembed: string;
  /** `<link rel="alternate" type="application/json+oembed" href="…" title="…">` for the page's `<head>`. */
  oembedLink: string;
  /** Suggested iframe size in pixels. */
  width: number;
  height: number;
}

/** Input of {@link embedSnippet}. */
export interface SnippetInput {
  /** Absolute public origin, no trailing slash. */
  origin: string;
  target: Indicator | Dataset;
  lang: Lang;
  /** Omitted: the widget's default (`light`), and no attribute is written. */
  theme?: Theme;
  /** The widget build's manifest; without it the script falls back to the short-cached `/widget.js`. */
  manifest?: WidgetManifest;
  /** Related figures (targets, progress, ranked totals): the snapshot. */
  data: CardData;
  /** Iframe size; default {@link FRAME_WIDTH} wide and as tall as the card is estimated to be. */
  size?: { width: number; height: number };
}

/** Tells an indicator from a dataset. */
export const isDataset = (target: Indicator | Dataset): target is Dataset => 'indicators' in target;

/** A live snapshot's series of an indicator (`worker/store`), as far as a card needs it. */
interface WithSeries {
  series?(id: string): readonly { period: string; value: number }[] | undefined;
}

/** The indicator with its observations in brief when the data has two or more (live data), as the API serves it. */
function withSeries(i: Indicator, data: CardData): SeriesIndicator {
  const points = (data as WithSeries).series?.(i.id);
  return points && points.length >= 2 ? { ...i, series: points.map((p) => [p.period, p.value] as const) } : i;
}

/** The card model of an indicator or dataset; an indicator's has its sparkline when the data has its series. */
export const cardModel = (target: Indicator | Dataset, lang: Lang, data: CardData, origin: string): CardModel =>
  isDataset(target) ? datasetCard(target, lang, origin) : indicatorCard(withSeries(target, data), lang, data, origin);

/** The widget script tag: hashed and SRI-checked when the manifest is there, else the stable `/widget.js`. */
export function scriptTag(origin: string, manifest: WidgetManifest | undefined): string {
  return manifest
    ? `<script${attr('src', origin + manifest.script)}${attr('integrity', manifest.integrity)} crossorigin="anonymous" async></script>`
    : `<script${attr('src', absolute(origin, widgetScriptPath()))} crossorigin="anonymous" async></script>`;
}

/** The embed code (pure: everything it needs is in `input`). */
export function embedSnippet(input: SnippetInput): EmbedCode {
  const { origin, target, lang, theme, manifest, data } = input;
  const kind: EmbedKind = isDataset(target) ? 'dataset' : 'indicator';
  const model = cardModel(target, lang, data, origin);
  const fallback = renderFallback(model);
  // The widget's attributes; `progress` names the so-far figure a target card shows beside the target.
  const element = `<zz-indicator${attr(kind, target.id)}${attr('progress', model.progressId)}${attr('lang', lang)}${attr('theme', theme)}>\n${fallback}\n</zz-indicator>`;
  // The widget turns data-zz-<name> into the attribute <name>; `lang` is read from the nearest ancestor.
  const div = `<div${attr(`data-zz-${kind}`, target.id)}${attr('data-zz-progress', model.progressId)}${attr('data-zz-theme', theme)}${attr('lang', lang)}>\n${fallback}\n</div>`;
  const { width, height } = input.size ?? { width: FRAME_WIDTH, height: frameHeight(model, FRAME_WIDTH) };
  const title = `${model.label} · ${data.meta.title[lang]}`;
  const iframe = `<iframe${attr('src', absolute(origin, framePath(kind, target.id, lang, theme === DEFAULT_THEME ? undefined : theme)))}${attr('title', title)}${attr('width', width)}${attr('height', height)} loading="lazy"></iframe>`;
  const script = scriptTag(origin, manifest);
  const page = absolute(origin, kindPath(kind, target.id, lang));
  let badge = '';
  let markdown = '';
  if (!isDataset(target)) {
    const alt = `${target.label[lang]}${colon(lang)}${figureText(cardFigure(target, lang))}`;
    const src = absolute(origin, badgePath(target.id, lang));
    badge = `<img${attr('src', src)}${attr('alt', alt)}>`;
    // Backslash-escape Markdown's punctuation (CommonMark §2.4), so no label becomes link syntax or inline HTML.
    markdown = `[![${alt.replace(/[\\`*_{}[\]()<>#+!|&"]/g, '\\$&')}](${src})](${page})`;
  }
  const oembed = absolute(origin, oembedPath(page));
  return {
    script,
    element,
    div,
    iframe,
    html: `${script}\n${element}`,
    badge,
    markdown,
    oembed,
    oembedLink: `<link rel="alternate" type="application/json+oembed"${attr('href', oembed)}${attr('title', model.label)}>`,
    width,
    height,
  };
}

/**
 * The embed code of `target` for the current request: public origin, current
 * data version and widget build. Memoised per data version, origin, build,
 * language and theme.
 *
 * @example
 * const code = await embedCode(c, indicator, 'zh');
 * html`<pre><code>${code.html}</code></pre>`; // shown escaped, copied verbatim
 */
export async function embedCode(
  c: Context<AppEnv>,
  target: Indicator | Dataset,
  lang: Lang,
  options: { theme?: Theme } = {},
): Promise<EmbedCode> {
  const manifest = await widgetManifest(c);
  const origin = publicOrigin(c);
  const snapshot = c.var.snapshot;
  const kind = isDataset(target) ? 'dataset' : 'indicator';
  const key = `embed-code:${origin}:${manifest?.script ?? '-'}:${kind}:${target.id}:${lang}:${options.theme ?? '-'}`;
  return snapshot.cache(key, () =>
    embedSnippet({ origin, target, lang, theme: options.theme, manifest, data: snapshot }),
  );
}
