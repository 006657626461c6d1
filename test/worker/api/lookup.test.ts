import { describe, expect, it } from 'vitest';
import { lookup, suggest } from '../../../worker/api/lookup';
import { Problem } from '../../../worker/http';

const known = ['platforms-total', 'platforms-national', 'little-giants', 'single-champions'];

describe('suggest', () => {
  it.each([
    ['Platforms-Total', 'platforms-total'],
    ['platforms total', 'platforms-total'],
    ['platforms_national', 'platforms-national'],
    ['little-giant', 'little-giants'],
    ['singel-champions', 'single-champions'],
  ])('%s → %s', (id, first) => expect(suggest(id, known)[0]).toBe(first));

  it('suggests nothing for unrelated ids', () => {
    expect(suggest('zzzzzz-qqqq', known)).toEqual([]);
  });
});

describe('lookup', () => {
  const find = (id: string) => (known.includes(id) ? { id } : undefined);

  it('returns what is found', () => {
    expect(lookup('indicator', 'little-giants', find, known, '/x')).toEqual({ id: 'little-giants' });
  });

  it('throws a 404 problem that names the id and the list', () => {
    try {
      lookup('indicator', 'nope', find, known, '/api/v1/indicators');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(Problem);
      const p = e as Problem;
      expect(p.status).toBe(404);
      expect(p.detail).toContain('"nope"');
      expect(p.detail).toContain('/api/v1/indicators');
    }
  });

  it('never looks up a malformed id and truncates a huge one in the message', () => {
    let called = false;
    const spy = (id: string) => {
      called = true;
      return find(id);
    };
    try {
      lookup('indicator', 'X'.repeat(5000), spy, known, '/x');
    } catch (e) {
      expect((e as Problem).detail.length).toBeLessThan(400);
    }
    expect(called).toBe(false);
  });
});
