/**
 * The iframe size of a card, estimated on the server so the embed code and
 * oEmbed can give `width` and `height` before anything has rendered. The card
 * reports its real height by `postMessage` (see `resize.ts`); this only has to
 * be close, and errs on the tall side so nothing is cut off without it.
 */
import type { CardModel } from './card';
import { lineCount } from './measure';

/** Widths the iframe card is offered at, widest first (the card's container queries span 200–600 px). */
export const FRAME_WIDTHS = [400, 300, 200] as const;

/** Default iframe width. */
export const FRAME_WIDTH = FRAME_WIDTHS[0];

/** Padding and border of the card on each side, in pixels. */
const INSET = 18;

/** Estimated height in pixels of `model` rendered `width` pixels wide, rounded up to 10. */
export function frameHeight(model: CardModel, width: number = FRAME_WIDTH): number {
  const inner = width - 2 * INSET;
  const text = (s: string, size: number, lh: number) => lineCount(s, size, inner) * lh + 6;
  let h = 2 * INSET + text(model.label, 15, 21);
  if (model.figure) h += text(`${model.figure.text} ${model.figure.unit}`, 30, 40);
  if (model.note) h += text(model.note, 13, 19);
  if (model.progress) h += 14 + text(model.progress.text, 13, 19);
  if (model.soFar) h += text(model.soFar, 13, 19);
  for (const row of model.rows ?? []) h += text(`${row.label} ${row.figure.text} ${row.figure.unit}${model.when ? '' : ` ${row.when.text}`}`, 13, 19) + 2;
  if (model.when) h += text(model.when.text, 13, 19);
  h += text(model.source.text, 13, 19);
  return Math.ceil(h / 10) * 10;
}
