/**
 * `/demo` is Chinese first: the page's language is Chinese, its title, headings and introduction say it in Chinese
 * before English (marked `lang="en"`), it says when to choose which form in both, and it links the catalog of
 * indicators where a webmaster finds the figure to embed.
 */
import { describe, expect, it } from 'vitest';
import { WEBMASTER_WORDS } from '../../../worker/language';
import { select } from '../pages/support/dom';
import { get } from './support';

const res = await get('/demo');
const html = await res.text();
const CJK = /^[\u4e00-\u9fff]/;

describe('/demo, Chinese first', () => {
  it('is a Chinese page with English alongside', async () => {
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Language')).toBe('zh-CN, en');
    expect((await select(html, 'html'))[0]!.attrs.lang).toBe('zh-CN');
    expect((await select(html, 'title'))[0]!.text).toMatch(/^嵌入示例 · Embed kit demo/);
  });

  it('says every heading in Chinese, then in English', async () => {
    const headings = [...(await select(html, 'h1')), ...(await select(html, 'h2'))];
    expect(headings.length).toBeGreaterThanOrEqual(6);
    for (const h of headings) expect(h.text.trim(), h.text).toMatch(CJK);
    const english = await select(html, 'h1 span[lang="en"], h2 span[lang="en"]');
    expect(english.length).toBe(headings.length);
    for (const e of english) expect(e.text).toMatch(/^[A-Z]/);
  });

  it('introduces itself in Chinese first, then in English', async () => {
    const intro = await select(html, 'header p');
    expect(intro.map((p) => p.attrs.lang)).toEqual([undefined, 'en']);
    expect(intro[0]!.text).toMatch(CJK);
    expect(intro[1]!.text).toMatch(/^Every card kind/);
  });

  it('says when to choose which form, in both languages, and links the catalog of indicators', async () => {
    const lists = await select(html, 'main > ul');
    expect(lists.map((l) => l.attrs.lang)).toEqual(['zh-CN', 'en']);
    const items = await select(html, 'main > ul > li');
    expect(items.map((i) => i.text)).toEqual([
      ...WEBMASTER_WORDS.zh.builder.advice,
      ...WEBMASTER_WORDS.en.builder.advice,
    ]);
    const links = (await select(html, 'header a')).map((a) => a.attrs.href);
    expect(links).toEqual(['/indicators', '/en/indicators']);
  });
});
