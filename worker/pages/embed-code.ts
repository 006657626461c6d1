import type { CatalogMeta } from '../data-source';
import { formatWhen } from '../format';
import type { Indicator, Lang } from '../schema';
import { figureText } from './figures';
import { escapeHtml } from './html';

/**
 * What the indicator page shows under "Embed this figure": HTML source to
 * paste (the page escapes it for display). A structural subset of `EmbedCode`
 * in `worker/embed/snippet.ts`, so the embed kit's full code (hashed script
 * with SRI, fallback card) can be passed in its place.
 */
export interface PageEmbed {
  html: string;
}

/**
 * Minimal embed code built here: the stable widget script and a
 * `<zz-indicator>` whose text content is the figure in words, so the host
 * page reads right before (or without) the script.
 */
export function basicEmbedCode(indicator: Indicator, lang: Lang, origin: string, meta: CatalogMeta): PageEmbed {
  const fallback =
    lang === 'zh'
      ? `${indicator.label.zh}：${figureText(indicator, 'zh')}（${formatWhen(indicator, 'zh')}，来源：${meta.article.publisher.zh}）`
      : `${indicator.label.en}: ${figureText(indicator, 'en')} (${formatWhen(indicator, 'en')}; source: ${meta.article.publisher.en})`;
  return {
    html: `<script src="${escapeHtml(`${origin}/widget.js`)}" async></script>
<zz-indicator indicator="${escapeHtml(indicator.id)}" lang="${lang}">${escapeHtml(fallback)}</zz-indicator>`,
  };
}
