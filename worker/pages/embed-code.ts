import type { EmbedCode } from '../markup';

/**
 * What the indicator page shows under "Embed this figure": HTML source to
 * paste (the page escapes it for display), made by the embed kit.
 */
export type PageEmbed = Pick<EmbedCode, 'html'>;
