import { describe, expect, it } from 'vitest';
import { LANG_PREFIX, pagePath, pathLang } from '../../../worker/pages/i18n';
import { LANGS } from '../../../worker/schema';

describe('pathLang', () => {
  it.each([
    ['/', 'zh'],
    ['/datasets/x', 'zh'],
    ['/api/v1/x', 'zh'],
    ['/english', 'zh'],
    ['/enx/', 'zh'],
    ['/en', 'en'],
    ['/en/', 'en'],
    ['/en/indicators/x', 'en'],
  ])('%s → %s', (path, lang) => {
    expect(pathLang(path)).toBe(lang);
  });

  it('reads back the language of every page path', () => {
    for (const lang of LANGS)
      for (const path of ['/', '/datasets/x', '/problems'])
        expect(pathLang(pagePath(lang, path)), `${LANG_PREFIX[lang]}${path}`).toBe(lang);
  });
});
