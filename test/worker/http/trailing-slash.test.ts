/**
 * One rule for trailing slashes, through the real Worker: every resource has one URL, without a trailing slash except
 * the language roots `/` and `/en/`; any other spelling is a 308 to it, the query kept, in one hop, never off-site.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalPath } from '../../../worker/http';
import { get } from '../support/worker';

/** Follows redirects by hand, as a browser would, and gives every hop. */
async function follow(path: string, max = 5): Promise<{ hops: string[]; res: Response }> {
  const hops: string[] = [];
  let res = await get(path);
  while (res.status >= 300 && res.status < 400 && hops.length < max) {
    const next = new URL(res.headers.get('Location')!, `http://example.com${path}`);
    expect(next.origin).toBe('http://example.com');
    hops.push(next.pathname + next.search);
    await res.body?.cancel();
    res = await get(next.pathname + next.search);
  }
  return { hops, res };
}

describe('trailing slashes: a 308 to the one URL, the query kept', () => {
  it.each([
    // Pages (Chinese at the root, English under /en): no slash, except the language roots.
    ['/datasets/innovation-platforms/', '/datasets/innovation-platforms'],
    ['/en/indicators/platforms-total/?utm_source=x', '/en/indicators/platforms-total?utm_source=x'],
    ['/indicators/', '/indicators'],
    ['/problems/', '/problems'],
    ['/en', '/en/'],
    ['/en?fbclid=1', '/en/?fbclid=1'],
    ['/en//', '/en/'],
    // The API.
    ['/api/v1/', '/api/v1'],
    ['/api/v1/?lang=en', '/api/v1?lang=en'],
    ['/api/v1/datasets/?lang=en&format=csv', '/api/v1/datasets?lang=en&format=csv'],
    ['/api/v1/indicators/platforms-total/', '/api/v1/indicators/platforms-total'],
    // Feeds.
    ['/feed.xml/', '/feed.xml'],
    ['/datasets/innovation-platforms/feed.atom/?lang=en', '/datasets/innovation-platforms/feed.atom?lang=en'],
    // Embeds.
    ['/embed/platforms-total/?lang=en&theme=dark', '/embed/platforms-total?lang=en&theme=dark'],
    ['/embed/dataset/innovation-platforms/', '/embed/dataset/innovation-platforms'],
    ['/badge/platforms-total.svg/?v=2', '/badge/platforms-total.svg?v=2'],
    ['/oembed/?url=x', '/oembed?url=x'],
    ['/widget.js/', '/widget.js'],
    ['/datasets/innovation-platforms///', '/datasets/innovation-platforms'],
  ])('%s → %s', async (path, location) => {
    const res = await get(path);
    expect(res.status, path).toBe(308);
    expect(res.headers.get('Location'), path).toBe(location);
    // Security headers like any response.
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('lands on a 200 in one hop for every route family', async () => {
    for (const path of [
      '/datasets/innovation-platforms/',
      '/en',
      '/en/indicators/platforms-total/',
      '/api/v1/',
      '/api/v1/datasets/',
      '/feed.xml/',
      '/embed/platforms-total/?lang=en',
      '/badge/platforms-total.svg/',
      '/oembed/?url=http%3A%2F%2Fexample.com%2Findicators%2Fplatforms-total',
    ]) {
      const { hops, res } = await follow(path);
      expect(hops.length, path).toBe(1);
      expect(res.status, `${path} → ${hops[0]}`).toBe(200);
      await res.body?.cancel();
    }
  });

  it('leaves canonical URLs alone', async () => {
    for (const path of [
      '/',
      '/en/',
      '/api/v1',
      '/datasets/innovation-platforms',
      '/feed.xml',
      '/embed/platforms-total',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      await res.body?.cancel();
    }
  });

  it('keeps the method: a POST with a trailing slash is sent on as a POST (308, not 301)', async () => {
    const res = await get('/api/v1/indicators/platforms-total/revisions/', { method: 'POST', body: '{}' });
    expect(res.status).toBe(308);
    expect(res.headers.get('Location')).toBe('/api/v1/indicators/platforms-total/revisions');
  });

  it('never redirects off the site: paths that start with two slashes are not redirected', async () => {
    for (const path of ['//evil.com/', '//evil.com', '///evil.com/', '/%2F%2Fevil.com/']) {
      const res = await get(path);
      const location = res.headers.get('Location');
      if (location !== null) expect(new URL(location, 'http://example.com').origin, path).toBe('http://example.com');
      await res.body?.cancel();
    }
    expect((await get('//evil.com/')).status).toBe(404);
    expect((await get('/%5Cevil.com/')).headers.get('Location')).toBe('/%5Cevil.com');
  });
});

describe('canonicalPath', () => {
  it.each([
    ['/', undefined],
    ['/en/', undefined],
    ['/datasets/x', undefined],
    ['/en', '/en/'],
    ['/en///', '/en/'],
    ['/x/', '/x'],
    ['/x//', '/x'],
    ['/enx/', '/enx'],
    ['//', undefined],
    ['//evil.com/', undefined],
    ['/\\evil.com/', undefined],
  ])('%s → %s', (path, canonical) => {
    expect(canonicalPath(path)).toBe(canonical);
  });

  it('is idempotent and never gives a path that leaves the origin (property)', () => {
    const path = fc
      .array(fc.oneof(fc.constantFrom('', 'en', 'api', 'v1', 'x.svg', '.', '%2F', '\\'), fc.webSegment()), {
        maxLength: 5,
      })
      .map((parts) => `/${parts.join('/')}`);
    fc.assert(
      fc.property(path, (p) => {
        const canonical = canonicalPath(p);
        if (canonical === undefined) return;
        expect(canonicalPath(canonical)).toBeUndefined();
        expect(canonical).toMatch(/^\/(?![/\\])/);
        expect(new URL(canonical, 'http://example.com').origin).toBe('http://example.com');
      }),
      { numRuns: 500 },
    );
  });
});
