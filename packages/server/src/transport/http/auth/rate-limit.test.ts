import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.js';

describe('RateLimiter', () => {
  it('counts per class and address in one-minute windows, 0 meaning unlimited', () => {
    let now = 120_000;
    const limiter = new RateLimiter({ auth: 2, write: 0, read: 3 }, () => now);
    expect([limiter.hit('auth', 'a'), limiter.hit('auth', 'a')]).toEqual([0, 0]);
    expect(limiter.hit('auth', 'a')).toBe(60);
    expect(limiter.hit('auth', 'b')).toBe(0);
    expect(limiter.hit('read', 'a')).toBe(0);
    for (let i = 0; i < 100; i += 1) expect(limiter.hit('write', 'a')).toBe(0);
    expect(limiter.hit('none', 'a')).toBe(0);
    now += 45_000;
    expect(limiter.hit('auth', 'a')).toBe(15);
    now += 15_000;
    expect(limiter.hit('auth', 'a')).toBe(0);
  });
});
