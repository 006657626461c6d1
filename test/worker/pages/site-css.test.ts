/**
 * WCAG 2.2 AA contrast of the stylesheet's colours, computed from the CSS
 * itself: normal text 4.5:1 on every background it sits on, focus outlines
 * and borders of controls 3:1 (non-text contrast, 1.4.11).
 */
import { describe, expect, it } from 'vitest';
import { SITE_CSS } from '../../../worker/pages/site-css';

/** Custom properties of the first `:root{…}` block in `css`. */
function vars(css: string): Record<string, string> {
  const block = /:root\{([^}]*)\}/.exec(css)![1]!;
  return Object.fromEntries([...block.matchAll(/--([a-z]+):(#[0-9a-f]{3,6})/g)].map((m) => [m[1]!, m[2]!]));
}

function luminance(hex: string): number {
  const full = hex.length === 4 ? `#${[...hex.slice(1)].map((c) => c + c).join('')}` : hex;
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(full.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const light = vars(SITE_CSS);
const dark = vars(/prefers-color-scheme:dark\)\{(:root\{[^}]*\})/.exec(SITE_CSS)![1]!);

describe.each([
  ['light', light],
  ['dark', dark],
])('%s scheme', (_, c) => {
  it('defines every colour the rules use', () => {
    for (const name of ['bg', 'fg', 'muted', 'link', 'visited', 'line', 'soft', 'focus'])
      expect(c[name], name).toMatch(/^#/);
  });

  it.each(['fg', 'muted', 'link', 'visited'])(
    'text colour --%s reaches 4.5:1 on the page and on shaded panels',
    (name) => {
      expect(contrast(c[name]!, c.bg!)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(c[name]!, c.soft!)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('the accent of the mark, cards and charts reaches 3:1 (non-text contrast) on the page and panels', () => {
    expect(contrast(c.accent!, c.bg!)).toBeGreaterThanOrEqual(3);
    expect(contrast(c.accent!, c.soft!)).toBeGreaterThanOrEqual(3);
    // The mark's bars are drawn in the page colour on the accent.
    expect(contrast(c.bg!, c.accent!)).toBeGreaterThanOrEqual(3);
  });

  it('focus outline and button borders reach 3:1 against the page', () => {
    expect(contrast(c.focus!, c.bg!)).toBeGreaterThanOrEqual(3);
    expect(contrast(c.focus!, c.soft!)).toBeGreaterThanOrEqual(3);
    expect(contrast(c.link!, c.bg!)).toBeGreaterThanOrEqual(3);
  });
});

describe('stylesheet', () => {
  it('loads nothing from elsewhere (no url(), no @import) and shows focus', () => {
    expect(SITE_CSS).not.toMatch(/url\(|@import/);
    expect(SITE_CSS).toMatch(/:focus-visible\{outline:3px solid var\(--focus\)/);
    expect(SITE_CSS).toContain('@media print');
    expect(SITE_CSS).toContain('color-scheme:light dark');
  });
});
