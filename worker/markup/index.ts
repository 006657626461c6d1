/**
 * HTML written as strings on the server and shared by features: escaping, the card's markup and fallback text, the
 * embed code a webmaster pastes (which pages show and oEmbed returns), the iframe's size, and the widget build's
 * manifest that embed code names.
 *
 * @example
 * const code = await embedCode(c, indicator, 'zh');
 * code.html; // '<script src="…/widgets/widget.<hash>.js" integrity="sha384-…" …></script>\n<zz-indicator …>…'
 */
export {
  type MissingCardInput,
  type RenderCardOptions,
  renderCard,
  renderFallback,
  renderMissingCard,
} from './card-html';
export {
  cardModel,
  type EmbedCode,
  embedCode,
  embedSnippet,
  isDataset,
  type SnippetInput,
  scriptTag,
} from './embed-code';
export { attr, escapeHtml, safeHref } from './escape';
export { FRAME_WIDTH, FRAME_WIDTHS, frameHeight } from './frame-size';
export { charWidth, lineCount, textWidth } from './measure';
export { type WidgetManifest, widgetManifest } from './widget-manifest';
