import { describe, expect, it } from 'vitest';
import { authenticate, FailureLimiter, parseTokens } from '../../../worker/http';

describe('parseTokens', () => {
  it('reads name:token pairs and skips blanks and malformed pairs', () => {
    expect(parseTokens(' officer-a:s3cret:with:colons , ,:no-name,no-token:, officer-b:0ther ')).toEqual([
      { name: 'officer-a', token: 's3cret:with:colons' },
      { name: 'officer-b', token: '0ther' },
    ]);
    expect(parseTokens(undefined)).toEqual([]);
    expect(parseTokens('')).toEqual([]);
  });
});

describe('authenticate', () => {
  const tokens = parseTokens('a:first-token,b:second-token');
  it('names the token a Bearer header carries, and nothing else', async () => {
    expect(await authenticate('Bearer second-token', tokens)).toBe('b');
    expect(await authenticate('bearer   first-token', tokens)).toBe('a');
    for (const header of [
      undefined,
      '',
      'Bearer',
      'Bearer first-toke',
      'Bearer first-token2',
      'Basic first-token',
      'first-token',
    ])
      expect(await authenticate(header, tokens), String(header)).toBeUndefined();
    expect(await authenticate('Bearer first-token', [])).toBeUndefined();
  });
});

describe('FailureLimiter without the binding (one isolate)', () => {
  it('blocks a client after the limit for the period, and only that client', async () => {
    const limiter = new FailureLimiter(3, 60_000);
    const t = 1_000_000;
    for (let n = 0; n < 3; n++) expect(await limiter.fail('x', undefined, t + n)).toBeUndefined();
    expect(limiter.retryAfter('x', t + 3)).toBeUndefined();
    expect(await limiter.fail('x', undefined, t + 4)).toBe(60);
    expect(limiter.retryAfter('x', t + 30_004)).toBe(30);
    expect(limiter.retryAfter('y', t + 5)).toBeUndefined();
    expect(limiter.retryAfter('x', t + 60_004)).toBeUndefined();
    // Failures older than the period no longer count.
    expect(await limiter.fail('x', undefined, t + 200_000)).toBeUndefined();
  });

  it("takes the binding's verdict when there is one", async () => {
    const limiter = new FailureLimiter(100, 60_000);
    const binding = { limit: async () => ({ success: false }) } as unknown as RateLimit;
    expect(await limiter.fail('z', binding, 0)).toBe(60);
    expect(limiter.retryAfter('z', 1)).toBe(60);
  });
});
