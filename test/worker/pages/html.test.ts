import { describe, expect, it } from 'vitest';
import { escapeHtml, h, jsonForScript } from '../../../worker/pages/html';

describe('h', () => {
  it('escapes interpolated text and passes nested markup through', () => {
    const inner = h`<b>${'<i>'}</b>`;
    expect(h`<p title="${'"x" & \'y\''}">${inner}${['<a>', 1]}</p>`.toString()).toBe(
      '<p title="&quot;x&quot; &amp; &#39;y&#39;">' + '<b>&lt;i&gt;</b>&lt;a&gt;1</p>',
    );
  });

  it('refuses a Promise, which would make a page render asynchronously', () => {
    expect(() => h`${Promise.resolve('x')}`).toThrow(TypeError);
  });
});

describe('jsonForScript', () => {
  it('cannot close the script element or open a comment, and stays the same JSON value', () => {
    const value = { a: '</script><script>alert(1)</script>', b: '<!-- & -->', c: '\u2028\u2029', d: ['<', '>'] };
    const text = jsonForScript(value).toString();
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('escapeHtml', () => {
  it('escapes the five significant characters for text and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
  });
});
