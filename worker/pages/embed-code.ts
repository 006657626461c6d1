import type { EmbedCode } from '../markup';
import type { BuilderVariant } from './embed-builder';

/**
 * What an indicator or dataset page shows under "Embed this figure": the embed kit's code in the page's language
 * (HTML source to paste; the page escapes it for display) and, for the builder's choices, the code in every language
 * and theme (`builderVariants`).
 */
export type PageEmbed = EmbedCode & { variants?: readonly BuilderVariant[] };
