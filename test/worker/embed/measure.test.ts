import { describe, expect, it } from 'vitest';
import { charWidth, lineCount, textWidth } from '../../../worker/markup';

describe('text measure', () => {
  it('counts CJK, full-width forms and Hangul as one em, Latin narrower', () => {
    for (const ch of ['株', '洲', '：', '（', 'Ａ', '한', 'の']) expect(charWidth(ch), ch).toBe(1);
    for (const ch of ['a', 'M', '7', 'i', ' ', '%']) expect(charWidth(ch), ch).toBeLessThan(1);
    expect(charWidth('i')).toBeLessThan(charWidth('a'));
    expect(charWidth('a')).toBeLessThan(charWidth('W'));
  });

  it('measures strings by code point and wraps them', () => {
    expect(textWidth('株洲科创', 11)).toBe(44);
    expect(textWidth('𠀀', 10)).toBeGreaterThan(0); // astral characters count once
    expect(lineCount('株洲科创', 10, 40)).toBe(1);
    expect(lineCount('株洲科创', 10, 39)).toBe(2);
    expect(lineCount('', 10, 40)).toBe(1);
  });
});
