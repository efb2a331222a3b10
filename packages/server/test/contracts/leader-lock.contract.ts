/**
 * The LeaderLock contract (ports/leader-lock.ts), run by test/integration/leader-lock.test.ts
 * against the PostgreSQL advisory lock and the embedded SQLite file lock. Each `contender` stands
 * for another process on the same store; `crash` kills a contender's hold on the lock the way a
 * dying process would (its connection goes away without unlocking).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LeaderLock } from '../../src/ports/leader-lock.js';

export interface LeaderLockUnderTest {
  /** A new lock on the shared store, as another process would hold it. */
  contender(name: string): LeaderLock;
  /** Ends the lock's connection without releasing (a process crash); resolves once it is gone. */
  crash(lock: LeaderLock): Promise<void>;
  cleanup(): Promise<void>;
}

export function defineLeaderLockContract(name: string, factory: () => Promise<LeaderLockUnderTest>): void {
  describe(`LeaderLock contract: ${name}`, () => {
    let sut: LeaderLockUnderTest;
    const held: LeaderLock[] = [];
    const contender = (lockName = 'job'): LeaderLock => {
      const lock = sut.contender(lockName);
      held.push(lock);
      return lock;
    };

    beforeEach(async () => {
      sut = await factory();
    });
    afterEach(async () => {
      for (const lock of held.splice(0)) await lock.release();
      await sut.cleanup();
    });

    it('lets exactly one contender lead; the leader keeps leading', async () => {
      const a = contender();
      const b = contender();
      expect(a.isLeader).toBe(false);
      expect(await a.acquire()).toBe(true);
      expect(await b.acquire()).toBe(false);
      expect(await a.acquire()).toBe(true);
      expect(await b.acquire()).toBe(false);
      expect([a.isLeader, b.isLeader]).toEqual([true, false]);
    });

    it('concurrent first attempts elect one leader', async () => {
      const locks = [contender(), contender(), contender()];
      const results = await Promise.all(locks.map((l) => l.acquire()));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('hands over on release, and the released one may lead again later', async () => {
      const a = contender();
      const b = contender();
      expect(await a.acquire()).toBe(true);
      await a.release();
      expect(a.isLeader).toBe(false);
      expect(await b.acquire()).toBe(true);
      expect(await a.acquire()).toBe(false);
      await b.release();
      expect(await a.acquire()).toBe(true);
    });

    it('a crashed leader loses leadership; another takes over; the crashed one does not lead', async () => {
      const a = contender();
      const b = contender();
      expect(await a.acquire()).toBe(true);
      expect(await b.acquire()).toBe(false);
      await sut.crash(a);
      expect(await b.acquire()).toBe(true);
      expect(await a.acquire()).toBe(false);
      expect(a.isLeader).toBe(false);
    });

    it('a leader whose connection was lost re-acquires when nobody else took over', async () => {
      const a = contender();
      expect(await a.acquire()).toBe(true);
      await sut.crash(a);
      expect(await a.acquire()).toBe(true);
      expect(await contender().acquire()).toBe(false);
    });

    it('locks with different names are independent', async () => {
      const a = contender('cleanup');
      const b = contender('alerts');
      expect(await a.acquire()).toBe(true);
      expect(await b.acquire()).toBe(true);
      expect(await contender('cleanup').acquire()).toBe(false);
    });
  });
}
