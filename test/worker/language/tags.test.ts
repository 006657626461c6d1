import { describe, expect, it } from 'vitest';
import {
  colon,
  contentLanguage,
  LANG_PREFIX,
  LANG_TAGS,
  listSeparator,
  paren,
  pathLang,
} from '../../../worker/language';
import { datasetPath, homePath, localized, problemsPath } from '../../../worker/links';
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
      for (const path of [homePath(lang), datasetPath('x', lang), problemsPath(lang)])
        expect(pathLang(path), `${LANG_PREFIX[lang]}${path}`).toBe(lang);
  });
});

describe('one language module', () => {
  it('gives one Content-Language per language, and Chinese first for bilingual text', () => {
    expect(contentLanguage('zh')).toBe('zh-CN');
    expect(contentLanguage('en')).toBe('en');
    expect(contentLanguage()).toBe('zh-CN, en');
    expect(LANG_TAGS).toEqual({ zh: 'zh-CN', en: 'en' });
  });

  it('writes Chinese punctuation full-width and English with its spaces', () => {
    expect(`国家级${colon('zh')}60家${paren('zh', '2023年')}`).toBe('国家级：60家（2023年）');
    expect(`National${colon('en')}60${paren('en', '2023')}`).toBe('National: 60 (2023)');
    expect(['甲', '乙'].join(listSeparator('zh'))).toBe('甲、乙');
    expect(['a', 'b'].join(listSeparator('en'))).toBe('a, b');
  });

  it('puts English pages under /en and Chinese at the root', () => {
    expect(localized('zh', '/datasets/x')).toBe('/datasets/x');
    expect(localized('en', '/datasets/x')).toBe('/en/datasets/x');
    expect(homePath('en')).toBe('/en/');
    expect(homePath('zh')).toBe('/');
  });
});
