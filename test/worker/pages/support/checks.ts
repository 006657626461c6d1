import { expect } from 'vitest';
import { select } from './dom';

/** The CSP every page must carry, exactly as the brief states it. */
export const EXPECTED_CSP =
  "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/** Headings h1–h6 in document order, as levels. */
export async function headingLevels(html: string): Promise<number[]> {
  const all = await select(html, '*');
  return all.filter((e) => /^h[1-6]$/.test(e.tag)).map((e) => Number(e.tag[1]));
}

/** One h1, first, and no heading skips a level on the way down. */
export async function expectHeadingOrder(html: string): Promise<void> {
  const levels = await headingLevels(html);
  expect(levels[0]).toBe(1);
  expect(levels.filter((l) => l === 1)).toHaveLength(1);
  levels.forEach((level, n) => {
    if (n > 0)
      expect(level, `heading ${n} (h${level}) after h${levels[n - 1]}`).toBeLessThanOrEqual(levels[n - 1]! + 1);
  });
}

/**
 * Every resource the page loads (stylesheets, scripts, images, icons, frames)
 * is same-origin or `data:`: nothing from a CDN or another site.
 */
export async function expectNoExternalResources(html: string, origin: string): Promise<void> {
  const loaded = [
    ...(await select(html, 'link[rel="stylesheet"]')).map((e) => e.attrs.href),
    ...(await select(html, 'link[rel="icon"]')).map((e) => e.attrs.href),
    ...(await select(html, 'link[rel="preload"]')).map((e) => e.attrs.href),
    ...(await select(html, 'script[src]')).map((e) => e.attrs.src),
    ...(await select(html, 'img')).map((e) => e.attrs.src),
    ...(await select(html, 'iframe')).map((e) => e.attrs.src),
    ...(await select(html, 'source')).map((e) => e.attrs.src),
  ];
  expect(loaded.length).toBeGreaterThan(0);
  for (const url of loaded) {
    expect(url).toBeDefined();
    if (url!.startsWith('data:')) continue;
    expect(new URL(url!, `${origin}/`).origin, url).toBe(origin);
  }
  // No inline style attributes or <style> elements: the CSP would block them.
  expect(await select(html, '[style]')).toHaveLength(0);
  expect(await select(html, 'style')).toHaveLength(0);
  // The only inline script is structured data, which the browser does not run.
  for (const script of await select(html, 'script:not([src])')) expect(script.attrs.type).toBe('application/ld+json');
}
