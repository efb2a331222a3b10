import { describe, expect, it } from 'vitest';
import type { Clock } from '../../ports/clock.js';
import { LoginThrottle } from './login-throttle.js';

class ManualClock implements Clock {
  ms = 1_000_000;
  now(): number {
    return this.ms;
  }
  isoNow(): string {
    return new Date(this.ms).toISOString();
  }
}

const MIN = 60_000;

describe('LoginThrottle', () => {
  it('locks a username after maxPerUser failures until lockMs after the last one', () => {
    const clock = new ManualClock();
    const t = new LoginThrottle(clock, { maxPerUser: 3, maxPerAddress: 100, windowMs: 15 * MIN, lockMs: 10 * MIN });
    for (let i = 0; i < 2; i += 1) t.failed('alice', '10.0.0.1');
    expect(t.retryAfterMs('alice', '10.0.0.2')).toBe(0);
    t.failed('alice', '10.0.0.1');
    expect(t.retryAfterMs('alice', '10.0.0.2')).toBe(10 * MIN);
    expect(t.retryAfterMs('bob', '10.0.0.2')).toBe(0);
    clock.ms += 9 * MIN;
    expect(t.retryAfterMs('alice', '10.0.0.3')).toBe(MIN);
    clock.ms += MIN;
    expect(t.retryAfterMs('alice', '10.0.0.3')).toBe(0);
  });

  it('locks an address after maxPerAddress failures across names; a success clears the name only', () => {
    const clock = new ManualClock();
    const t = new LoginThrottle(clock, { maxPerUser: 5, maxPerAddress: 4, windowMs: 15 * MIN, lockMs: 15 * MIN });
    for (const name of ['a', 'b', 'c']) t.failed(name, '10.0.0.9');
    expect(t.retryAfterMs('d', '10.0.0.9')).toBe(0);
    t.failed('d', '10.0.0.9');
    expect(t.retryAfterMs('e', '10.0.0.9')).toBeGreaterThan(0);
    expect(t.retryAfterMs('e', '10.0.0.10')).toBe(0);
    for (let i = 0; i < 4; i += 1) t.failed('zoe', `10.1.0.${i}`);
    t.succeeded('zoe');
    t.failed('zoe', '10.2.0.1');
    expect(t.retryAfterMs('zoe', '10.2.0.2')).toBe(0);
  });

  it('forgets failures older than the window', () => {
    const clock = new ManualClock();
    const t = new LoginThrottle(clock, { maxPerUser: 2, maxPerAddress: 100, windowMs: 5 * MIN, lockMs: 5 * MIN });
    t.failed('alice', 'x');
    clock.ms += 6 * MIN;
    t.failed('alice', 'x');
    expect(t.retryAfterMs('alice', 'x')).toBe(0);
  });

  it('keeps at most maxKeys entries (the oldest go first)', () => {
    const clock = new ManualClock();
    const t = new LoginThrottle(clock, { maxPerUser: 1, maxPerAddress: 1000, maxKeys: 2 });
    t.failed('a', 'x');
    t.failed('b', 'x');
    t.failed('c', 'x');
    expect(t.retryAfterMs('a', 'y')).toBe(0);
    expect(t.retryAfterMs('b', 'y')).toBeGreaterThan(0);
    expect(t.retryAfterMs('c', 'y')).toBeGreaterThan(0);
  });
});
