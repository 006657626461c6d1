/**
 * The iframe size of a card, estimated on the server so the embed code and
 * oEmbed can give `width` and `height` before anything has rendered. The
 * numbers follow the card stylesheet (`widgets/src/card.css`: 16 px text,
 * line height 1.4, padding .9em 1.1em, gap .3em, minimum heights). The frame
 * reports its real height by `postMessage` (`resize.ts`); this only has to be
 * close, and errs on the tall side so nothing is cut off without it.
 */
import { type CardModel, figureText } from '../card';
import { lineCount, textWidth } from './measure';

/** Widths the iframe card is offered at, widest first (the card's container queries span 200–600 px). */
export const FRAME_WIDTHS = [400, 300, 200] as const;

/** Default iframe width. */
export const FRAME_WIDTH = FRAME_WIDTHS[0];

const EM = 16;
const LINE = 1.4;
const GAP = 0.3 * EM;

/** Estimated height in pixels of `model` rendered `width` pixels wide, rounded up to 10. */
export function frameHeight(model: CardModel, width: number = FRAME_WIDTH): number {
  const narrow = width < 260;
  const padY = (narrow ? 0.7 : 0.9) * EM;
  const padX = (narrow ? 0.8 : 1.1) * EM;
  const inner = width - 2 * padX - 2;
  const block = (text: string, size: number, lh = LINE) => lineCount(text, size, inner) * size * lh;
  const small = 0.8 * EM;
  const items: number[] = [block(model.label, EM)];
  if (model.value) items.push(block(figureText(model.value), (narrow ? 1.6 : 2) * EM, 1.2));
  if (model.note) items.push(block(model.note, small));
  if (model.trend) items.push(1.5 * EM);
  if (model.pair) {
    // Two columns side by side, one above the other below 260 px.
    const cols = narrow ? 1 : 2;
    const colWidth = (inner - (cols - 1) * EM) / cols;
    const cell = (x: { term: string; figure: { text: string; unit: string } }) =>
      lineCount(x.term, small, colWidth) * small * LINE +
      lineCount(figureText(x.figure), 1.3 * EM, colWidth) * 1.3 * EM * LINE;
    const cells = model.pair.map(cell);
    items.push(narrow ? cells.reduce((a, b) => a + b + 0.4 * EM, 0) : Math.max(...cells));
  }
  if (model.progress) items.push(0.6 * EM + 4, block(model.progress.note, small));
  if (model.rows) {
    const size = 0.9 * EM;
    let list = 0;
    for (const row of model.rows) {
      const value = textWidth(figureText(row.figure), size);
      list += lineCount(row.label, size, Math.max(inner - value - EM, inner / 3)) * size * LINE + 0.5 * size + 1;
    }
    items.push(list);
  }
  items.push(block(`${model.when?.text ?? ''}  ${model.source.prefix}${model.source.publisher}`, small));
  const content = items.reduce((a, b) => a + b, 0) + GAP * (items.length - 1) + 2 * padY + 2;
  const min = (model.type === 'dataset' ? 14 : 10.5) * EM;
  return Math.ceil(Math.max(content, min) / 10) * 10;
}
