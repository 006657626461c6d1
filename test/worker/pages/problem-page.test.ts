import { describe, expect, it } from 'vitest';
import { PROBLEM_TITLES, type ProblemType } from '../../../worker/http';
import { PROBLEM_DOCS } from '../../../worker/pages/problem-page';
import { one, select } from './support/dom';
import { get, page } from './support/fetch';

const TYPES = Object.keys(PROBLEM_TITLES) as ProblemType[];

describe('problem type pages', () => {
  it.each(TYPES)('documents %s in both languages', async (type) => {
    const zh = await page(`/problems/${type}`);
    expect(zh.res.status).toBe(200);
    expect((await one(zh.html, 'h1')).text).toBe(PROBLEM_DOCS[type].title);
    expect((await one(zh.html, 'main')).text).toContain(PROBLEM_DOCS[type].fix.zh);
    // The English title problem documents carry, marked as English.
    expect((await one(zh.html, 'dd[lang="en"]')).text).toBe(PROBLEM_TITLES[type]);
    const en = await page(`/en/problems/${type}`);
    expect(en.res.status).toBe(200);
    expect((await one(en.html, 'h1')).text).toBe(PROBLEM_TITLES[type]);
    expect((await one(en.html, 'main')).text).toContain(PROBLEM_DOCS[type].when.en);
    expect((await one(en.html, 'main')).text).toContain(String(PROBLEM_DOCS[type].status[0]));
  });

  it('lists every type on /problems, linking each page', async () => {
    const { html } = await page('/problems');
    const hrefs = (await select(html, 'tbody a')).map((a) => a.attrs.href);
    expect(hrefs).toEqual(TYPES.map((t) => `/problems/${t}`));
  });

  it('is where the type of a real problem document points', async () => {
    const res = await get('/api/v1/no-such-thing', { Accept: 'application/json' });
    expect(res.status).toBe(404);
    const problem = await res.json<{ type: string }>();
    const doc = await get(problem.type);
    expect(doc.status).toBe(200);
    expect(doc.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
  });

  it('answers an undocumented type with 404', async () => {
    expect((await get('/problems/no-such-type')).status).toBe(404);
    expect((await get('/problems/constructor')).status).toBe(404);
  });
});
