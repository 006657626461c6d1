import { describe, expect, it } from 'vitest';
import {
  colon,
  contentLanguage,
  LANG_PREFIX,
  LANG_TAGS,
  langFromTag,
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

describe('langFromTag', () => {
  it.each([
    ['zh', 'zh'],
    ['zh-CN', 'zh'],
    ['zh-Hans', 'zh'],
    ['zh-Hant-TW', 'zh'],
    ['zh-TW', 'zh'],
    ['ZH-cn', 'zh'],
    ['zh_CN', 'zh'],
    ['en', 'en'],
    ['EN', 'en'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['en_us', 'en'],
    ['en-Latn-US-x-private', 'en'],
  ])('%s → %s', (tag, lang) => {
    expect(langFromTag(tag)).toBe(lang);
  });

  it.each([
    'fr',
    'de-DE',
    'eng',
    'english',
    'chinese',
    '',
    '-',
    'zh-',
    '-zh',
    'zh--CN',
    'en US',
    'zh-toolongsubtag',
    'e',
  ])('%j is none of ours', (tag) => {
    expect(langFromTag(tag)).toBeUndefined();
  });

  it('reads back every tag we publish', () => {
    for (const lang of LANGS) expect(langFromTag(LANG_TAGS[lang])).toBe(lang);
  });
});
