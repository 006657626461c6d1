import { describe, expect, it } from 'vitest';
import { fnv1a } from '../../../worker/http';
import { PAGE_SCRIPT, STYLESHEET } from '../../../worker/pages/assets';
import { PAGE_JS } from '../../../worker/pages/page-script';
import { SITE_CSS } from '../../../worker/pages/site-css';
import { WEBMASTER_CSS, WEBMASTER_JS } from '../../../worker/pages/webmaster-script';
import { get } from './support/fetch';

describe('page assets', () => {
  it.each([
    [STYLESHEET, SITE_CSS + WEBMASTER_CSS, 'text/css; charset=utf-8'],
    [PAGE_SCRIPT, PAGE_JS + WEBMASTER_JS, 'text/javascript; charset=utf-8'],
  ])('serves $path immutable under a hash of its content', async (asset, body, type) => {
    expect(asset.path).toContain(`.${fnv1a(body)}.`);
    const res = await get(asset.path, { Accept: '*/*' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe(type);
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe(body);
    const etag = res.headers.get('ETag')!;
    expect(etag).toBeTruthy();
    expect((await get(asset.path, { 'If-None-Match': etag })).status).toBe(304);
  });

  it('answers a stale or unknown asset name with problem+json 404, not with new content under an old name', async () => {
    for (const path of ['/assets/site.00000000.css', '/assets/page.js', '/assets/../index.ts', '/assets/widget.js']) {
      const res = await get(path, { Accept: '*/*' });
      expect(res.status, path).toBe(404);
      expect(res.headers.get('Content-Type')).toBe('application/problem+json; charset=utf-8');
    }
  });
});
