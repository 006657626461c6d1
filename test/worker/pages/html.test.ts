import { describe, expect, it } from 'vitest';
import { h, jsonForScript } from '../../../worker/pages/html';

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
