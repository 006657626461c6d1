import { describe, expect, it } from 'vitest';
import { acceptQuality, prefersHtml } from '../../../worker/pages/negotiate';

describe('acceptQuality', () => {
  it('takes the weight of the most specific matching range', () => {
    const accept = 'text/*;q=0.3, text/html;q=0.7, */*;q=0.1';
    expect(acceptQuality(accept, 'text/html')).toBe(0.7);
    expect(acceptQuality(accept, 'text/plain')).toBe(0.3);
    expect(acceptQuality(accept, 'application/json')).toBe(0.1);
    expect(acceptQuality('application/json', 'text/html')).toBe(0);
    expect(acceptQuality('TEXT/HTML', 'text/html')).toBe(1);
  });
});

describe('prefersHtml', () => {
  it.each([
    ['text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8', true],
    ['text/html', true],
    ['text/html, application/json;q=0.9', true],
    ['*/*', false],
    ['application/json', false],
    ['application/problem+json, text/html', false],
    ['text/html;q=0.5, application/json', false],
    ['text/html;q=0', false],
    ['', false],
  ])('%j → %s', (accept, expected) => {
    expect(prefersHtml(accept)).toBe(expected);
  });

  it('is false without an Accept header', () => {
    expect(prefersHtml(undefined)).toBe(false);
  });
});
