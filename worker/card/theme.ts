/** Card themes, as the widget's `theme` attribute takes them. */

/** `light`, `dark`, or `auto` (follows `prefers-color-scheme`). */
export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

/** The theme when none is given, as in the widget: a light card reads on most government pages. */
export const DEFAULT_THEME: Theme = 'light';
