/**
 * The JobQueue contract on the embedded queue over a SQLite store file, plus what a controlled
 * clock shows exactly: lease and backoff boundaries, and pruning of finished jobs.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedJobQueue } from '../../src/adapters/queue-embedded/embedded-job-queue.js';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import type { Clock } from '../../src/ports/clock.js';
import type { Store } from '../../src/ports/store.js';
import { defineJobQueueContract } from '../contracts/job-queue.contract.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

let dir: TempDir;
beforeAll(async () => {
  dir = await makeTempDir('dash-queue-');
});
afterAll(async () => {
  await dir?.cleanup();
});

const dbFile = (): string => join(dir.path, 'dash.db');

defineJobQueueContract('embedded on SQLite', async () => {
  const queueName = `q-${randomUUID()}`;
  const open = async (): Promise<{ store: Store; queue: EmbeddedJobQueue }> => {
    const store = await openStore({ kind: 'sqlite', file: dbFile() });
    return { store, queue: new EmbeddedJobQueue({ ...storeDatabaseOf(store), queue: queueName }) };
  };
  let current = await open();
  const closeCurrent = async (): Promise<void> => {
    await current.queue.close();
    await current.store.close();
  };
  return {
    queue: current.queue,
    async restart() {
      await closeCurrent();
      current = await open();
      return current.queue;
    },
    async cleanup() {
      await current.queue.close();
      await storeDatabaseOf(current.store).db.deleteFrom('jobs').where('queue', '=', queueName).execute();
      await current.store.close();
    },
  };
});

/** A clock the test moves by hand. */
class ManualClock implements Clock {
  constructor(private ms = Date.UTC(2025, 0, 1)) {}
  now(): number {
    return this.ms;
  }
  isoNow(): string {
    return new Date(this.ms).toISOString();
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

describe('embedded queue with a controlled clock (SQLite)', () => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  const openQueue = async (clock: Clock, extra: Partial<ConstructorParameters<typeof EmbeddedJobQueue>[0]> = {}) => {
    store = await openStore({ kind: 'sqlite', file: dbFile() });
    return new EmbeddedJobQueue({ ...storeDatabaseOf(store), queue: `q-${randomUUID()}`, clock, ...extra });
  };

  it('holds a lease up to its last millisecond and re-delivers right after', async () => {
    const clock = new ManualClock();
    const queue = await openQueue(clock);
    await queue.enqueue({ id: 'j', payload: {}, priority: 1, maxAttempts: 2 });
    const first = await queue.claim('a', 60_000);
    clock.advance(60_000);
    expect(await queue.claim('b', 1000)).toBeNull();
    expect(await queue.extendLease('j', first!.token, 60_000)).toBe(true);
    clock.advance(60_001);
    const second = await queue.claim('b', 1000);
    expect(second).toMatchObject({ id: 'j', attempt: 2 });
    expect(await queue.complete('j', first!.token)).toBe(false);
    clock.advance(1001);
    expect(await queue.claim('c', 1000)).toBeNull();
    await expect(queue.counts()).resolves.toMatchObject({ failed: 1, active: 0, waiting: 0 });
  });

  it('delays retries by backoffMs * 2^(attempt-1) exactly, and keeps the first ready time', async () => {
    const clock = new ManualClock();
    const queue = await openQueue(clock);
    const enqueuedAt = clock.now();
    await queue.enqueue({ id: 'r', payload: {}, priority: 1, maxAttempts: 4, backoffMs: 1000, delayMs: 10 });
    clock.advance(10);
    let claimed = await queue.claim('w', 5000);
    for (const delay of [1000, 2000, 4000]) {
      expect(claimed!.readyAt).toBe(enqueuedAt + 10);
      await queue.fail('r', claimed!.token, 'x', { retry: true });
      clock.advance(delay - 1);
      expect(await queue.claim('w', 5000)).toBeNull();
      await expect(queue.counts()).resolves.toMatchObject({ delayed: 1, waiting: 0 });
      clock.advance(1);
      claimed = await queue.claim('w', 5000);
      expect(claimed).not.toBeNull();
    }
    expect(claimed!.attempt).toBe(4);
  });

  it('prunes finished jobs past their age or count', async () => {
    const clock = new ManualClock();
    const queue = await openQueue(clock, {
      pruneIntervalMs: 0,
      retention: { completed: { maxAgeMs: 60_000, maxCount: 3 }, failed: { maxAgeMs: 60_000, maxCount: 100 } },
    });
    const finish = async (id: string, how: 'complete' | 'fail'): Promise<void> => {
      await queue.enqueue({ id, payload: {}, priority: 1 });
      const claimed = await queue.claim('w', 1000);
      if (how === 'complete') await queue.complete(id, claimed!.token);
      else await queue.fail(id, claimed!.token, 'x', { retry: false });
      clock.advance(1);
    };
    for (let i = 0; i < 5; i++) await finish(`c${i}`, 'complete');
    await finish('f0', 'fail');
    await expect(queue.counts()).resolves.toMatchObject({ completed: 3, failed: 1 });

    clock.advance(60_001);
    await finish('c5', 'complete');
    await expect(queue.counts()).resolves.toMatchObject({ completed: 1, failed: 0 });
    await finish('f1', 'fail');
    await expect(queue.counts()).resolves.toMatchObject({ completed: 1, failed: 1 });
  });
});
