import { describe, expect, it } from 'vitest';
import { acceptQuality, negotiate, prefersHtml } from '../../../worker/http/negotiate';

const BOTH = ['application/json', 'text/csv'];

describe('negotiate', () => {
  it.each([
    [undefined, 'application/json'],
    ['', 'application/json'],
    ['*/*', 'application/json'],
    ['text/csv', 'text/csv'],
    ['text/*', 'text/csv'],
    ['application/*', 'application/json'],
    ['TEXT/CSV', 'text/csv'],
    ['text/csv;q=0.5, application/json;q=0.9', 'application/json'],
    ['application/json;q=0.5, text/csv', 'text/csv'],
    ['text/csv;charset=utf-8;header=present', 'text/csv'],
    // A browser's navigation Accept: */* reaches JSON.
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'application/json'],
    // The most specific range sets the weight: JSON refused despite */*.
    ['application/json;q=0, */*', 'text/csv'],
    ['text/html', undefined],
    ['application/json;q=0, text/csv;q=0', undefined],
    // Nothing readable: as if absent.
    ['garbage', 'application/json'],
    ['text/csv;q=abc', 'text/csv'],
  ])('Accept %j → %s', (accept, expected) => {
    expect(negotiate(accept, BOTH)).toBe(expected);
  });

  it('prefers the server order on equal weight', () => {
    expect(negotiate('text/csv, application/json', BOTH)).toBe('application/json');
    expect(negotiate('*/*', ['text/csv', 'application/json'])).toBe('text/csv');
  });
});

describe('acceptQuality', () => {
  it('takes the weight of the most specific matching range', () => {
    const accept = 'text/*;q=0.3, text/html;q=0.7, */*;q=0.1';
    expect(acceptQuality(accept, 'text/html')).toBe(0.7);
    expect(acceptQuality(accept, 'text/plain')).toBe(0.3);
    expect(acceptQuality(accept, 'application/json')).toBe(0.1);
    expect(acceptQuality('application/json', 'text/html')).toBe(0);
    expect(acceptQuality('TEXT/HTML', 'text/html')).toBe(1);
  });

  it('reads spaced weights, and an unreadable weight as 1', () => {
    expect(acceptQuality('text/html ; q = 0.4', 'text/html')).toBe(0.4);
    expect(acceptQuality('text/html;q=2', 'text/html')).toBe(1);
    expect(acceptQuality('text/html;q=abc', 'text/html')).toBe(1);
  });

  it('is 0 when nothing readable matches', () => {
    expect(acceptQuality('', 'text/html')).toBe(0);
    expect(acceptQuality('garbage, text/html/extra', 'text/html')).toBe(0);
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
    expect(prefersHtml(null)).toBe(false);
  });
});
