/**
 * The API origin is the origin this script was loaded from, so an embed
 * talks only to the server it came from (no third parties, no config).
 * `document.currentScript` is only set while the script first runs (async
 * and defer included), so it is read once, here.
 */
const script = document.currentScript as HTMLScriptElement | null;

/** `https://example.org`: where the API and the pages live. */
export const ORIGIN = new URL(script?.src || location.href).origin;
