/**
 * Text width without fonts: the badge and the iframe height estimate need
 * sizes on the server, where no font metrics exist. Widths are in ems of a
 * Verdana-like sans; CJK and other full-width glyphs count as one em.
 */

/** Full-width ranges: CJK, kana, Hangul, full-width forms, CJK punctuation. */
const FULL_WIDTH =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;
const NARROW = /[ijlft.,:;!|'()[\]{}\s·]/;
const WIDE = /[mwMW%@]/;

/** Approximate advance of one character, in ems. */
export function charWidth(ch: string): number {
  if (FULL_WIDTH.test(ch)) return 1;
  if (NARROW.test(ch)) return 0.34;
  if (WIDE.test(ch)) return 0.95;
  if (/[A-Z]/.test(ch)) return 0.7;
  if (/[0-9]/.test(ch)) return 0.64;
  return 0.6;
}

/** Approximate width of `text` in pixels at `fontSize` pixels. */
export function textWidth(text: string, fontSize: number): number {
  let ems = 0;
  for (const ch of text) ems += charWidth(ch);
  return ems * fontSize;
}

/** Lines `text` takes when wrapped into `width` pixels (at least 1). */
export const lineCount = (text: string, fontSize: number, width: number): number =>
  Math.max(1, Math.ceil(textWidth(text, fontSize) / width));
