import type { Qualifier } from '../schema';

const MULTIPLIERS: Record<string, number> = { 万: 1e4, 亿: 1e8 };
const QUALIFIER_WORDS: [RegExp, Qualifier][] = [
  [/以上/, 'at_least'],
  [/左右/, 'about'],
  [/多|余|超/, 'more_than'],
];

/**
 * Reads the number and qualifier that an article figure such as `308亿元`,
 * `12%以上` or `超30亿元` states, so a stored value can be checked against the
 * words it came from. Returns `undefined` for figures without digits (百项).
 */
export function readFigure(figure: string): { value: number; qualifier: Qualifier } | undefined {
  const match = /(\d+(?:\.\d+)?)\s*(万|亿)?/.exec(figure);
  if (!match) return undefined;
  const value = Number(match[1]) * (match[2] ? MULTIPLIERS[match[2]]! : 1);
  const qualifier = QUALIFIER_WORDS.find(([word]) => word.test(figure))?.[1] ?? 'exact';
  return { value, qualifier };
}

/** Removes all whitespace: the article has hard line breaks inside sentences. */
export const squash = (text: string): string => text.replace(/\s+/g, '');
