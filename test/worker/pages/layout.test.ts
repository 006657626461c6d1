import { describe, expect, it } from 'vitest';
import { documentTitle, MAX_TITLE_LENGTH } from '../../../worker/pages/layout';

describe('documentTitle', () => {
  const site = 'Zhuzhou Innovation Open Data';

  it('adds the site name when it fits', () => {
    expect(documentTitle(['Datasets'], site)).toBe(`Datasets · ${site}`);
  });

  it('drops the site name before it drops information, then falls back to shorter candidates', () => {
    const long = 'Science and technology innovation platforms, all kinds: 708 platforms';
    expect(documentTitle([long, 'Platforms'], site)).toBe(
      long.length <= MAX_TITLE_LENGTH ? long : `Platforms · ${site}`,
    );
    expect(documentTitle(['x'.repeat(80), 'Short label'], site)).toBe(`Short label · ${site}`);
  });

  it('cuts the last candidate when nothing fits', () => {
    const title = documentTitle(['y'.repeat(100)], site);
    expect(title).toHaveLength(MAX_TITLE_LENGTH);
    expect(title.endsWith('…')).toBe(true);
  });

  it('measures a title as written, quotes and apostrophes as character references', () => {
    // 68 characters, 72 as written (&#39;): too long for search results once escaped.
    const title = "Changde delegation studies Zhuzhou's cemented carbide industry chain";
    expect(title.length).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
    expect(documentTitle([title, 'Changde delegation'], site)).toBe(`Changde delegation · ${site}`);
    const quoted = documentTitle([`"${'z'.repeat(100)}"`], site);
    expect(quoted.endsWith('…')).toBe(true);
    expect(quoted.length + 5).toBeLessThanOrEqual(MAX_TITLE_LENGTH);
  });
});
