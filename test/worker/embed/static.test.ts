import { describe, expect, it } from 'vitest';
import { HEIGHT_MESSAGE } from '../../../worker/embed/resize';
import { get } from './support';

describe('embed kit scripts and styles', () => {
  it.each([
    ['/embed/resize.js', 'text/javascript; charset=utf-8'],
    ['/embed/host.js', 'text/javascript; charset=utf-8'],
    ['/embed/frame.css', 'text/css; charset=utf-8'],
    ['/embed/demo.css', 'text/css; charset=utf-8'],
  ])('%s is served as %s, short-cached with an ETag, cross-origin', async (path, type) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe(type);
    expect(res.headers.get('Cache-Control')).toMatch(/max-age=300/);
    expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const again = await get(path, { headers: { 'If-None-Match': res.headers.get('ETag')! } });
    expect(again.status).toBe(304);
  });

  it('resize.js posts the height message with ResizeObserver, and only when the height changes', async () => {
    const js = await (await get('/embed/resize.js')).text();
    expect(js).toContain(`type: '${HEIGHT_MESSAGE}', id: id, kind: kind, height: height`);
    expect(js).toContain('new ResizeObserver(report)');
    expect(js).toContain('if (height === last) return;');
    // Valid JavaScript (parsed, not run).
    expect(() => new Function(js)).not.toThrow();
  });

  it('host.js accepts height messages from our origin only and sets the sending iframe height', async () => {
    const js = await (await get('/embed/host.js')).text();
    expect(js).toContain('event.origin !== origin');
    expect(js).toContain('frames[i].contentWindow === event.source');
    expect(() => new Function(js)).not.toThrow();
  });
});
