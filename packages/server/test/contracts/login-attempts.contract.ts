/**
 * The LoginAttempts contract (ports/login-attempts.ts): what the in-memory and the Redis sign-in
 * counters must both do, run by test/integration/login-attempts-*.test.ts. Times are explicit
 * (`now`), so no test waits. With `shared`, the factory can open another instance on the same
 * backend (another replica), and the cross-replica guarantees are checked too, through the
 * throttle itself (services/auth/login-throttle.ts) wired the way app-auth.ts wires it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { InMemoryLoginAttempts } from '../../src/adapters/auth/in-memory-login-attempts.js';
import type { Clock } from '../../src/ports/clock.js';
import { defaultLoginAttemptPolicy, type LoginAttemptPolicy, type LoginAttempts } from '../../src/ports/login-attempts.js';
import { silentLogger } from '../../src/ports/logger.js';
import { LoginThrottle } from '../../src/services/auth/login-throttle.js';

export interface LoginAttemptsUnderTest {
  attempts: LoginAttempts;
  /** Another instance on the same backend and namespace (a second replica); closed by cleanup. */
  replica?(): Promise<LoginAttempts>;
  /** Closes every instance and removes what it stored. */
  cleanup(): Promise<void>;
}

export interface LoginAttemptsContractOptions {
  /** Instances on one backend share their counts (Redis); adds the cross-replica tests. */
  shared: boolean;
}

const MIN = 60_000;
const T0 = 1_700_000_000_000;

class ManualClock implements Clock {
  constructor(public ms: number) {}
  now(): number {
    return this.ms;
  }
  isoNow(): string {
    return new Date(this.ms).toISOString();
  }
}

export function defineLoginAttemptsContract(
  name: string,
  factory: (policy: LoginAttemptPolicy) => Promise<LoginAttemptsUnderTest>,
  options: LoginAttemptsContractOptions = { shared: false },
): void {
  describe(`LoginAttempts contract: ${name}`, () => {
    const opened: LoginAttemptsUnderTest[] = [];
    afterEach(async () => {
      for (const sut of opened.splice(0)) await sut.cleanup();
    });
    const open = async (policy: Partial<LoginAttemptPolicy> = {}): Promise<LoginAttemptsUnderTest> => {
      const sut = await factory({ ...defaultLoginAttemptPolicy, ...policy });
      opened.push(sut);
      return sut;
    };

    it('locks a username after maxPerUser failures from any addresses, until lockMs after the last', async () => {
      const { attempts } = await open({ maxPerUser: 3, maxPerAddress: 100, windowMs: 15 * MIN, lockMs: 10 * MIN });
      await attempts.recordFailure('alice', '10.0.0.1', T0);
      await attempts.recordFailure('alice', '10.0.0.2', T0 + MIN);
      expect(await attempts.lockedForMs('alice', '10.0.0.3', T0 + MIN)).toBe(0);
      await attempts.recordFailure('alice', '10.0.0.3', T0 + 2 * MIN);
      expect(await attempts.lockedForMs('alice', '10.0.0.4', T0 + 2 * MIN)).toBe(10 * MIN);
      expect(await attempts.lockedForMs('alice', '10.0.0.4', T0 + 11 * MIN)).toBe(MIN);
      expect(await attempts.lockedForMs('alice', '10.0.0.4', T0 + 12 * MIN)).toBe(0);
      expect(await attempts.lockedForMs('bob', '10.0.0.3', T0 + 2 * MIN)).toBe(0);
    });

    it('locks an address after maxPerAddress failures across usernames; other addresses go on', async () => {
      const { attempts } = await open({ maxPerUser: 100, maxPerAddress: 4, lockMs: 15 * MIN });
      for (const user of ['a', 'b', 'c']) await attempts.recordFailure(user, '192.0.2.9', T0);
      expect(await attempts.lockedForMs('d', '192.0.2.9', T0)).toBe(0);
      await attempts.recordFailure('d', '192.0.2.9', T0 + MIN);
      expect(await attempts.lockedForMs('someone-else', '192.0.2.9', T0 + MIN)).toBe(15 * MIN);
      expect(await attempts.lockedForMs('someone-else', '192.0.2.10', T0 + MIN)).toBe(0);
    });

    it("clearUser forgets the username's failures, not the address's", async () => {
      const { attempts } = await open({ maxPerUser: 3, maxPerAddress: 3 });
      for (let i = 0; i < 2; i += 1) await attempts.recordFailure('zoe', '192.0.2.1', T0);
      await attempts.clearUser('zoe');
      await attempts.recordFailure('zoe', '192.0.2.2', T0);
      await attempts.recordFailure('zoe', '192.0.2.3', T0);
      expect(await attempts.lockedForMs('zoe', '192.0.2.4', T0)).toBe(0);
      // The address still has its two failures: one more locks it.
      await attempts.recordFailure('yan', '192.0.2.1', T0);
      expect(await attempts.lockedForMs('xia', '192.0.2.1', T0)).toBeGreaterThan(0);
    });

    it('forgets failures once the window is over; a lock keeps them until it ends', async () => {
      const { attempts } = await open({ maxPerUser: 2, maxPerAddress: 100, windowMs: 5 * MIN, lockMs: 10 * MIN });
      await attempts.recordFailure('alice', 'x', T0);
      await attempts.recordFailure('alice', 'x', T0 + 11 * MIN);
      expect(await attempts.lockedForMs('alice', 'x', T0 + 11 * MIN)).toBe(0);

      await attempts.recordFailure('bob', 'y', T0);
      await attempts.recordFailure('bob', 'y', T0 + MIN);
      // Past the window but within the lock: still locked, and a failure now extends the lock.
      expect(await attempts.lockedForMs('bob', 'y', T0 + 7 * MIN)).toBe(4 * MIN);
      await attempts.recordFailure('bob', 'y', T0 + 7 * MIN);
      expect(await attempts.lockedForMs('bob', 'y', T0 + 7 * MIN)).toBe(10 * MIN);
      // Both over: forgotten, and the next failure starts a new count.
      await attempts.recordFailure('bob', 'y', T0 + 18 * MIN);
      expect(await attempts.lockedForMs('bob', 'y', T0 + 18 * MIN)).toBe(0);
    });

    it('counts concurrent failures without losing any', async () => {
      const sut = await open({ maxPerUser: 40, maxPerAddress: 1000 });
      const instances = [sut.attempts, ...(options.shared && sut.replica ? [await sut.replica()] : [])];
      await Promise.all(Array.from({ length: 39 }, (_, i) => instances[i % instances.length]?.recordFailure('carol', `198.51.100.${i}`, T0)));
      expect(await sut.attempts.lockedForMs('carol', 'z', T0)).toBe(0);
      await sut.attempts.recordFailure('carol', 'z', T0);
      expect(await sut.attempts.lockedForMs('carol', 'z', T0)).toBeGreaterThan(0);
    });

    it('takes any text as a username or address, and keeps different ones apart', async () => {
      const { attempts } = await open({ maxPerUser: 1, maxPerAddress: 1 });
      const long = 'u'.repeat(100_000);
      await attempts.recordFailure(long, `${'a'.repeat(10_000)} \r\n*{}`, T0);
      expect(await attempts.lockedForMs(long, 'elsewhere', T0)).toBeGreaterThan(0);
      expect(await attempts.lockedForMs(`${long}x`, 'elsewhere', T0)).toBe(0);
      expect(await attempts.lockedForMs('u'.repeat(99_999), 'elsewhere', T0)).toBe(0);
      expect(await attempts.lockedForMs('nobody', `${'a'.repeat(10_000)} \r\n*{}`, T0)).toBeGreaterThan(0);
      await attempts.recordFailure('émile ☃', '::1', T0);
      expect(await attempts.lockedForMs('émile ☃', 'elsewhere', T0)).toBeGreaterThan(0);
      expect(await attempts.lockedForMs('emile ☃', 'elsewhere', T0)).toBe(0);
    });

    if (options.shared) {
      describe('across replicas', () => {
        /** Two throttles, as on two replicas: shared counters plus each one's own fallback. */
        const twoReplicas = async (policy: Partial<LoginAttemptPolicy> = {}) => {
          const sut = await open(policy);
          const replica = sut.replica ? await sut.replica() : null;
          if (replica === null) throw new Error('a shared backend needs replica() in its factory');
          const clock = new ManualClock(T0);
          const throttle = (counters: LoginAttempts): LoginThrottle =>
            new LoginThrottle({ clock, counters, local: new InMemoryLoginAttempts(policy), logger: silentLogger });
          return { clock, a: throttle(sut.attempts), b: throttle(replica) };
        };

        it('share the count: 5 failures split across two replicas lock the user on both', async () => {
          const { a, b } = await twoReplicas({ maxPerUser: 5, maxPerAddress: 100 });
          for (let i = 0; i < 3; i += 1) await a.failed('admin', `203.0.113.${i}`);
          for (let i = 3; i < 4; i += 1) await b.failed('admin', `203.0.113.${i}`);
          expect(await a.retryAfterMs('admin', '203.0.113.50')).toBe(0);
          expect(await b.retryAfterMs('admin', '203.0.113.50')).toBe(0);
          await b.failed('admin', '203.0.113.4');
          expect(await a.retryAfterMs('admin', '203.0.113.50')).toBe(15 * MIN);
          expect(await b.retryAfterMs('admin', '203.0.113.51')).toBe(15 * MIN);
        });

        it('a success on one replica clears the username for both', async () => {
          const { a, b } = await twoReplicas({ maxPerUser: 3, maxPerAddress: 100 });
          await a.failed('dana', '203.0.113.1');
          await a.failed('dana', '203.0.113.1');
          await b.succeeded('dana');
          await a.failed('dana', '203.0.113.1');
          await b.failed('dana', '203.0.113.2');
          expect(await a.retryAfterMs('dana', '203.0.113.3')).toBe(0);
          await b.failed('dana', '203.0.113.2');
          expect(await a.retryAfterMs('dana', '203.0.113.3')).toBeGreaterThan(0);
        });
      });
    }
  });
}
