/**
 * The sign-in throttle of embedded mode: LoginThrottle (services/auth/login-throttle.ts) over the
 * in-process counters. (Kept beside the adapter: services may not import adapters. The counters'
 * contract, shared with Redis, is test/contracts/login-attempts.contract.ts.)
 */
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../ports/clock.js';
import { silentLogger } from '../../ports/logger.js';
import { LoginThrottle } from '../../services/auth/login-throttle.js';
import { InMemoryLoginAttempts, type InMemoryLoginAttemptsOptions } from './in-memory-login-attempts.js';

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

/** The embedded-mode throttle: in-process counters only. */
const throttle = (clock: Clock, options: Partial<InMemoryLoginAttemptsOptions>): LoginThrottle =>
  new LoginThrottle({ clock, counters: new InMemoryLoginAttempts(options), logger: silentLogger });

describe('LoginThrottle over InMemoryLoginAttempts', () => {
  it('locks a username after maxPerUser failures until lockMs after the last one', async () => {
    const clock = new ManualClock();
    const t = throttle(clock, { maxPerUser: 3, maxPerAddress: 100, windowMs: 15 * MIN, lockMs: 10 * MIN });
    for (let i = 0; i < 2; i += 1) await t.failed('alice', '10.0.0.1');
    expect(await t.retryAfterMs('alice', '10.0.0.2')).toBe(0);
    await t.failed('alice', '10.0.0.1');
    expect(await t.retryAfterMs('alice', '10.0.0.2')).toBe(10 * MIN);
    expect(await t.retryAfterMs('bob', '10.0.0.2')).toBe(0);
    clock.ms += 9 * MIN;
    expect(await t.retryAfterMs('alice', '10.0.0.3')).toBe(MIN);
    clock.ms += MIN;
    expect(await t.retryAfterMs('alice', '10.0.0.3')).toBe(0);
  });

  it('locks an address after maxPerAddress failures across names; a success clears the name only', async () => {
    const clock = new ManualClock();
    const t = throttle(clock, { maxPerUser: 5, maxPerAddress: 4, windowMs: 15 * MIN, lockMs: 15 * MIN });
    for (const name of ['a', 'b', 'c']) await t.failed(name, '10.0.0.9');
    expect(await t.retryAfterMs('d', '10.0.0.9')).toBe(0);
    await t.failed('d', '10.0.0.9');
    expect(await t.retryAfterMs('e', '10.0.0.9')).toBeGreaterThan(0);
    expect(await t.retryAfterMs('e', '10.0.0.10')).toBe(0);
    for (let i = 0; i < 4; i += 1) await t.failed('zoe', `10.1.0.${i}`);
    await t.succeeded('zoe');
    await t.failed('zoe', '10.2.0.1');
    expect(await t.retryAfterMs('zoe', '10.2.0.2')).toBe(0);
  });

  it('forgets failures older than the window', async () => {
    const clock = new ManualClock();
    const t = throttle(clock, { maxPerUser: 2, maxPerAddress: 100, windowMs: 5 * MIN, lockMs: 5 * MIN });
    await t.failed('alice', 'x');
    clock.ms += 6 * MIN;
    await t.failed('alice', 'x');
    expect(await t.retryAfterMs('alice', 'x')).toBe(0);
  });

  it('keeps at most maxKeys entries (the oldest go first)', async () => {
    const clock = new ManualClock();
    const t = throttle(clock, { maxPerUser: 1, maxPerAddress: 1000, maxKeys: 2 });
    await t.failed('a', 'x');
    await t.failed('b', 'x');
    await t.failed('c', 'x');
    expect(await t.retryAfterMs('a', 'y')).toBe(0);
    expect(await t.retryAfterMs('b', 'y')).toBeGreaterThan(0);
    expect(await t.retryAfterMs('c', 'y')).toBeGreaterThan(0);
  });
});
