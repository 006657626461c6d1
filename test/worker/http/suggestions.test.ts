/**
 * Case-insensitive "did you mean", through the real Worker: ids stay case-sensitive (a 404, never a redirect), but
 * the 404 names the id that was meant, in the API's problem and on the page a browser shows.
 */
import { describe, expect, it } from 'vitest';
import { didYouMean, suggestIds } from '../../../worker/http';
import { get } from '../support/worker';

type Problem = { status: number; detail: string; suggestions?: string[] };

const HTML = { headers: { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } };

describe('suggestIds', () => {
  const known = ['platforms-total', 'platforms-national', 'platforms-provincial', 'little-giants'];

  it.each([
    ['Platforms-Total', ['platforms-total']],
    ['PLATFORMS-TOTAL', ['platforms-total']],
    ['platforms_total', ['platforms-total']],
    [' Platforms Total ', ['platforms-total']],
  ])('%j differs only in case or separators: exactly %j', (id, expected) => {
    expect(suggestIds(id, known)).toEqual(expected);
  });

  it('otherwise gives near ids, nearest first, at most three', () => {
    expect(suggestIds('little-giant', known)).toEqual(['little-giants']);
    expect(suggestIds('platforms', known)).toHaveLength(3);
    expect(suggestIds('zzzz-qqqq', known)).toEqual([]);
    expect(suggestIds('x'.repeat(5000), known)).toEqual([]);
  });

  it('says it in one sentence', () => {
    expect(didYouMean(['platforms-total'])).toBe(' Did you mean `platforms-total`?');
    expect(didYouMean(['a', 'b'])).toBe(' Did you mean `a` or `b`?');
    expect(didYouMean([])).toBe('');
  });
});

describe('a wrong-case id', () => {
  it.each([
    ['/api/v1/indicators/Platforms-Total', 'platforms-total'],
    ['/api/v1/indicators/Platforms-Total/series', 'platforms-total'],
    ['/api/v1/datasets/Innovation-Platforms', 'innovation-platforms'],
  ])('the API: %s → 404 whose detail says did you mean `%s`', async (path, id) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    const body = await res.json<Problem>();
    expect(body.detail).toContain(`Did you mean \`${id}\`?`);
    expect(body.suggestions).toEqual([id]);
  });

  it.each([
    ['/indicators/Platforms-Total', '/indicators/platforms-total', 'platforms-total', '您要找的是不是'],
    ['/en/indicators/Platforms-Total', '/en/indicators/platforms-total', 'platforms-total', 'Did you mean '],
    ['/datasets/Innovation-Platforms', '/datasets/innovation-platforms', 'innovation-platforms', '您要找的是不是'],
    ['/en/datasets/innovation_platforms', '/en/datasets/innovation-platforms', 'innovation-platforms', 'Did you mean '],
  ])('the page %s: a 404 page for browsers that links %s', async (path, href, id, words) => {
    const res = await get(path, HTML);
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain(`${words}<a href="${href}"><code>${id}</code></a>`);
  });

  it('the page, asked by a program: a problem whose detail says it', async () => {
    const res = await get('/indicators/Platforms-Total');
    expect(res.status).toBe(404);
    expect((await res.json<Problem>()).detail).toContain('Did you mean `platforms-total`?');
  });

  it('is never redirected: ids are case-sensitive, one URL per resource', async () => {
    for (const path of ['/indicators/Platforms-Total', '/api/v1/indicators/Platforms-Total', '/embed/Platforms-Total'])
      expect((await get(path)).status, path).toBe(404);
  });

  it('an id nothing is near: the plain not-found page, no suggestion', async () => {
    const html = await (await get('/indicators/zzzz-qqqq', HTML)).text();
    expect(html).not.toContain('您要找的是不是');
  });
});
