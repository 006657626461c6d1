/**
 * The API origin is the origin this script was loaded from, so an embed
 * talks only to the server it came from (no third parties, no config).
 * `document.currentScript` is only set while the script first runs (async
 * and defer included), so it is read once, here.
 */
const script = document.currentScript as HTMLScriptElement | null;

/** `https://example.org`: where the API and the pages live. */
export const ORIGIN = new URL(script?.src || location.href).origin;

/**
 * A link to one of our pages in a language (`/indicators/x`, `/en/indicators/x`),
 * or undefined unless it is http: or https: (never `javascript:` and the like).
 */
export function pageUrl(path: string, lang: string): string | undefined {
  const url = new URL((lang === 'en' ? '/en' : '') + path, ORIGIN);
  return /^https?:$/.test(url.protocol) ? url.href : undefined;
}
