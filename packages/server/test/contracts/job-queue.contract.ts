/**
 * The JobQueue contract: what both adapters (embedded on SQLite/PostgreSQL, BullMQ on Redis) must
 * do, run against the real backends by test/integration/queue-*.test.ts. Every test gets a fresh
 * queue (its own namespace: a queue name on a shared database or Redis), so tests never see each
 * other's jobs. Real time throughout, with short leases and backoffs; timing is only asserted as
 * lower bounds and orderings.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClaimedJob, EnqueueOptions, JobQueue } from '../../src/ports/job-queue.js';

export interface JobQueueUnderTest {
  queue: JobQueue;
  /**
   * Simulates a process restart: closes `queue` without completing what it claimed and opens a new
   * one on the same database or Redis queue (which becomes the one cleanup closes).
   */
  restart(): Promise<JobQueue>;
  /** Closes the current queue and removes its jobs. */
  cleanup(): Promise<void>;
}

const LEASE_MS = 300;
/** How long a test waits for something the queue should do "soon" (re-delivery, promotion). */
const PATIENCE_MS = 10_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const uid = (prefix: string): string => `${prefix}-${randomUUID()}`;

const job = (overrides: Partial<EnqueueOptions> = {}): EnqueueOptions => ({
  id: uid('job'),
  payload: { task: 'demo' },
  priority: 100,
  ...overrides,
});

/** Claims until a job comes, polling; fails the test after `patienceMs`. */
async function claimSoon(queue: JobQueue, workerId: string, leaseMs = LEASE_MS, patienceMs = PATIENCE_MS): Promise<ClaimedJob> {
  const deadline = Date.now() + patienceMs;
  for (;;) {
    const claimed = await queue.claim(workerId, leaseMs);
    if (claimed) return claimed;
    if (Date.now() > deadline) throw new Error(`no job became claimable within ${patienceMs} ms`);
    await sleep(20);
  }
}

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + PATIENCE_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await sleep(20);
  }
}

export function defineJobQueueContract(name: string, factory: () => Promise<JobQueueUnderTest>): void {
  describe(`JobQueue contract: ${name}`, () => {
    let sut: JobQueueUnderTest;
    let queue: JobQueue;

    beforeEach(async () => {
      sut = await factory();
      queue = sut.queue;
    });
    afterEach(async () => {
      await sut?.cleanup();
    });

    describe('lifecycle', () => {
      it('answers ping; close is idempotent and a closed queue refuses work', async () => {
        expect(['embedded', 'bullmq']).toContain(queue.kind);
        await expect(queue.ping()).resolves.toBeUndefined();
        const first = queue.close();
        expect(queue.close()).toBe(first);
        await first;
        await expect(queue.ping()).rejects.toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE' });
        await expect(queue.claim('w', LEASE_MS)).rejects.toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE' });
        await expect(queue.enqueue(job())).rejects.toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE' });
        const reopened = await sut.restart();
        await expect(reopened.ping()).resolves.toBeUndefined();
      });

      it('rejects options out of range with VALIDATION_FAILED', async () => {
        for (const bad of [{ priority: 1001 }, { priority: -1 }, { priority: 1.5 }, { maxAttempts: 0 }, { delayMs: -5 }, { backoffMs: -1 }]) {
          await expect(queue.enqueue(job(bad))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
        }
        await expect(queue.counts()).resolves.toEqual({ waiting: 0, delayed: 0, active: 0, failed: 0, completed: 0 });
      });
    });

    describe('ordering', () => {
      it('claims the highest priority first, FIFO within a priority', async () => {
        const plan: Array<[string, number]> = [
          ['a', 10], ['b', 0], ['c', 1000], ['d', 10], ['e', 500], ['f', 0], ['g', 10], ['h', 999],
        ];
        for (const [id, priority] of plan) await queue.enqueue(job({ id, priority, payload: { id } }));

        const order: string[] = [];
        for (let claimed = await queue.claim('w1', 5_000); claimed; claimed = await queue.claim('w1', 5_000)) {
          order.push(claimed.id);
        }
        expect(order).toEqual(['c', 'h', 'e', 'a', 'd', 'g', 'b', 'f']);
      });

      it('delivers the job as enqueued: payload, priority, attempt 1, a token and its ready time', async () => {
        const payload = { text: 'héllo ✓ "quoted"', nested: { list: [1, 2.5, null, true], empty: {} } };
        const before = Date.now();
        await queue.enqueue({ id: 'shape', payload, priority: 42, maxAttempts: 3, backoffMs: 50 });
        const after = Date.now();
        const claimed = await queue.claim('w1', LEASE_MS);
        expect(claimed).toEqual({
          id: 'shape',
          payload,
          priority: 42,
          attempt: 1,
          maxAttempts: 3,
          token: expect.any(String),
          readyAt: expect.any(Number),
        });
        expect(claimed!.readyAt).toBeGreaterThanOrEqual(before);
        expect(claimed!.readyAt).toBeLessThanOrEqual(after);
        expect(claimed!.token.length).toBeGreaterThan(0);
      });

      it('takes any string as a job id', async () => {
        const ids = ['123', 'a:b:c', 'active', 'wait', '%3A', ':', 'x%25y', 'ünï cødé ✓', 'run/42?x=1'];
        for (const [i, id] of ids.entries()) await queue.enqueue(job({ id, priority: 1000 - i, payload: { id } }));
        const seen: string[] = [];
        for (let claimed = await queue.claim('w1', 5_000); claimed; claimed = await queue.claim('w1', 5_000)) {
          expect(claimed.payload).toEqual({ id: claimed.id });
          seen.push(claimed.id);
          expect(await queue.complete(claimed.id, claimed.token)).toBe(true);
        }
        expect(seen).toEqual(ids);
        await expect(queue.counts()).resolves.toMatchObject({ completed: ids.length, waiting: 0, active: 0 });
      });

      it('does not deliver a delayed job before its delay, even over lower priorities', async () => {
        const before = Date.now();
        await queue.enqueue(job({ id: 'later', priority: 1000, delayMs: 400 }));
        await queue.enqueue(job({ id: 'now', priority: 1 }));
        await expect(queue.counts()).resolves.toMatchObject({ waiting: 1, delayed: 1 });

        expect((await queue.claim('w1', 5_000))?.id).toBe('now');
        expect(await queue.claim('w1', 5_000)).toBeNull();

        const later = await claimSoon(queue, 'w1', 5_000);
        expect(later.id).toBe('later');
        expect(Date.now() - before).toBeGreaterThanOrEqual(400);
        expect(later.readyAt).toBeGreaterThanOrEqual(before + 400);
      });
    });

    describe('single consumer', () => {
      it('gives each of 200 jobs to exactly one of 4 concurrent claimers', async () => {
        const ids = Array.from({ length: 200 }, (_, i) => `job-${i}`);
        for (const id of ids) await queue.enqueue(job({ id, priority: (id.length * 7) % 3 }));

        const delivered: string[] = [];
        const perWorker = new Map<string, number>();
        const worker = async (workerId: string): Promise<void> => {
          const deadline = Date.now() + PATIENCE_MS * 3;
          while (delivered.length < ids.length && Date.now() < deadline) {
            const claimed = await queue.claim(workerId, 10_000);
            if (!claimed) {
              // PostgreSQL skips rows other claimers hold, so "none" may be momentary.
              await sleep(5);
              continue;
            }
            delivered.push(claimed.id);
            perWorker.set(workerId, (perWorker.get(workerId) ?? 0) + 1);
            expect(await queue.complete(claimed.id, claimed.token)).toBe(true);
          }
        };
        await Promise.all(['w1', 'w2', 'w3', 'w4'].map(worker));

        expect(delivered).toHaveLength(ids.length);
        expect([...delivered].sort()).toEqual([...ids].sort());
        expect([...perWorker.values()].reduce((a, b) => a + b, 0)).toBe(200);
        await expect(queue.counts()).resolves.toEqual({ waiting: 0, delayed: 0, active: 0, failed: 0, completed: 200 });
      });
    });

    describe('leases', () => {
      it('re-delivers a job whose lease expired to another worker, attempt + 1, and refuses the stale token', async () => {
        await queue.enqueue(job({ id: 'lease', maxAttempts: 3 }));
        const first = await queue.claim('worker-a', LEASE_MS);
        expect(first).toMatchObject({ id: 'lease', attempt: 1 });
        expect(await queue.claim('worker-b', LEASE_MS)).toBeNull();

        const again = await claimSoon(queue, 'worker-b');
        expect(again).toMatchObject({ id: 'lease', attempt: 2, maxAttempts: 3 });
        expect(again.token).not.toBe(first!.token);

        expect(await queue.extendLease('lease', first!.token, 5_000)).toBe(false);
        expect(await queue.complete('lease', first!.token)).toBe(false);
        expect(await queue.fail('lease', first!.token, 'late', { retry: true })).toBe(false);

        expect(await queue.complete('lease', again.token)).toBe(true);
        await expect(queue.counts()).resolves.toEqual({ waiting: 0, delayed: 0, active: 0, failed: 0, completed: 1 });
      });

      it('keeps the job while the lease is extended', async () => {
        await queue.enqueue(job({ id: 'kept', maxAttempts: 3 }));
        const claimed = await queue.claim('worker-a', LEASE_MS);
        expect(claimed).not.toBeNull();
        // Well past the first lease; each extension leaves a wide margin so a slow machine cannot flake.
        for (let i = 0; i < 8; i++) {
          await sleep(LEASE_MS / 3);
          expect(await queue.extendLease('kept', claimed!.token, LEASE_MS * 3)).toBe(true);
          expect(await queue.claim('worker-b', LEASE_MS)).toBeNull();
        }
        expect(await queue.complete('kept', claimed!.token)).toBe(true);
        expect(await queue.claim('worker-b', LEASE_MS)).toBeNull();
        await expect(queue.counts()).resolves.toMatchObject({ active: 0, completed: 1 });
      });

      it('fails a job whose last attempt lost its lease', async () => {
        await queue.enqueue(job({ id: 'abandoned', maxAttempts: 1 }));
        const claimed = await queue.claim('worker-a', 150);
        expect(claimed).toMatchObject({ attempt: 1, maxAttempts: 1 });
        await eventually(async () => {
          expect(await queue.claim('worker-b', LEASE_MS)).toBeNull();
          return (await queue.counts()).failed === 1;
        }, 'the abandoned job to fail');
        await expect(queue.counts()).resolves.toEqual({ waiting: 0, delayed: 0, active: 0, failed: 1, completed: 0 });
        expect(await queue.complete('abandoned', claimed!.token)).toBe(false);
      });
    });

    describe('retries', () => {
      it('re-delivers after an exponential backoff while attempts remain, then the job is dead', async () => {
        const backoffMs = 300;
        await queue.enqueue(job({ id: 'flaky', maxAttempts: 3, backoffMs }));
        const gaps: number[] = [];

        let claimed = await claimSoon(queue, 'w1');
        for (const attempt of [1, 2]) {
          expect(claimed).toMatchObject({ id: 'flaky', attempt });
          const failedAt = Date.now();
          expect(await queue.fail('flaky', claimed.token, `boom ${attempt}`, { retry: true })).toBe(true);
          expect(await queue.claim('w1', LEASE_MS)).toBeNull();
          await expect(queue.counts()).resolves.toMatchObject({ delayed: 1, active: 0 });
          claimed = await claimSoon(queue, 'w1');
          gaps.push(Date.now() - failedAt);
        }
        expect(claimed).toMatchObject({ id: 'flaky', attempt: 3 });
        // backoffMs * 2^(attempt-1): at least 300 ms, then at least 600 ms.
        expect(gaps[0]).toBeGreaterThanOrEqual(backoffMs - 5);
        expect(gaps[1]).toBeGreaterThanOrEqual(2 * backoffMs - 5);

        expect(await queue.fail('flaky', claimed.token, 'boom 3', { retry: true })).toBe(true);
        expect(await queue.claim('w1', LEASE_MS)).toBeNull();
        await expect(queue.counts()).resolves.toEqual({ waiting: 0, delayed: 0, active: 0, failed: 1, completed: 0 });
      });

      it('fails at once without retry, whatever attempts remain', async () => {
        await queue.enqueue(job({ id: 'fatal', maxAttempts: 5, backoffMs: 10 }));
        const claimed = await queue.claim('w1', LEASE_MS);
        expect(await queue.fail('fatal', claimed!.token, 'bad input', { retry: false })).toBe(true);
        await sleep(50);
        expect(await queue.claim('w1', LEASE_MS)).toBeNull();
        await expect(queue.counts()).resolves.toEqual({ waiting: 0, delayed: 0, active: 0, failed: 1, completed: 0 });
        expect(await queue.fail('fatal', claimed!.token, 'again', { retry: true })).toBe(false);
      });

      it('counts a lease expiry as an attempt: a retry after it respects maxAttempts', async () => {
        await queue.enqueue(job({ id: 'mixed', maxAttempts: 2, backoffMs: 10 }));
        await queue.claim('worker-a', 150);
        const second = await claimSoon(queue, 'worker-b');
        expect(second.attempt).toBe(2);
        expect(await queue.fail('mixed', second.token, 'boom', { retry: true })).toBe(true);
        await sleep(100);
        expect(await queue.claim('worker-b', LEASE_MS)).toBeNull();
        await expect(queue.counts()).resolves.toMatchObject({ failed: 1, waiting: 0, delayed: 0 });
      });
    });

    describe('remove', () => {
      it('removes waiting and delayed jobs only', async () => {
        await queue.enqueue(job({ id: 'waiting' }));
        await queue.enqueue(job({ id: 'delayed', delayMs: 60_000 }));
        await queue.enqueue(job({ id: 'active' }));
        await queue.enqueue(job({ id: 'done', priority: 1000 }));
        const done = await queue.claim('w1', 5_000);
        expect(done?.id).toBe('done');
        await queue.complete('done', done!.token);

        expect(await queue.remove('waiting')).toBe(true);
        expect(await queue.remove('delayed')).toBe(true);
        const active = await queue.claim('w1', 5_000);
        expect(active?.id).toBe('active');
        expect(await queue.remove('active')).toBe(false);
        expect(await queue.remove('done')).toBe(false);
        expect(await queue.remove('never-enqueued')).toBe(false);
        expect(await queue.remove('waiting')).toBe(false);

        expect(await queue.complete('active', active!.token)).toBe(true);
        expect(await queue.claim('w1', 5_000)).toBeNull();
        await expect(queue.counts()).resolves.toEqual({ waiting: 0, delayed: 0, active: 0, failed: 0, completed: 2 });
      });
    });

    describe('idempotent enqueue', () => {
      it('ignores an id that is waiting, delayed or active; a finished id starts a new job', async () => {
        await queue.enqueue(job({ id: 'same', payload: { v: 1 }, priority: 5 }));
        await queue.enqueue(job({ id: 'same', payload: { v: 2 }, priority: 900 }));
        await queue.enqueue(job({ id: 'sleepy', payload: { v: 1 }, delayMs: 60_000 }));
        await queue.enqueue(job({ id: 'sleepy', payload: { v: 2 } }));
        await expect(queue.counts()).resolves.toMatchObject({ waiting: 1, delayed: 1 });

        const first = await queue.claim('w1', 5_000);
        expect(first).toMatchObject({ id: 'same', payload: { v: 1 }, priority: 5, attempt: 1 });
        await queue.enqueue(job({ id: 'same', payload: { v: 3 } }));
        await expect(queue.counts()).resolves.toMatchObject({ waiting: 0, delayed: 1, active: 1 });
        expect(await queue.claim('w1', 5_000)).toBeNull();

        expect(await queue.complete('same', first!.token)).toBe(true);
        await queue.enqueue(job({ id: 'same', payload: { v: 4 }, priority: 7 }));
        const again = await queue.claim('w1', 5_000);
        expect(again).toMatchObject({ id: 'same', payload: { v: 4 }, priority: 7, attempt: 1 });
        expect(again!.token).not.toBe(first!.token);
        expect(await queue.complete('same', first!.token)).toBe(false);
        expect(await queue.complete('same', again!.token)).toBe(true);
      });
    });

    describe('counts', () => {
      it('counts jobs per state', async () => {
        await expect(queue.counts()).resolves.toEqual({ waiting: 0, delayed: 0, active: 0, failed: 0, completed: 0 });
        await queue.enqueue(job({ id: 'to-complete', priority: 1000 }));
        await queue.enqueue(job({ id: 'to-fail', priority: 900 }));
        await queue.enqueue(job({ id: 'to-hold', priority: 800 }));
        await queue.enqueue(job({ id: 'wait-1', priority: 1 }));
        await queue.enqueue(job({ id: 'wait-2', priority: 1 }));
        await queue.enqueue(job({ id: 'delay-1', priority: 1000, delayMs: 60_000 }));

        const c = await queue.claim('w1', 5_000);
        await queue.complete(c!.id, c!.token);
        const f = await queue.claim('w1', 5_000);
        await queue.fail(f!.id, f!.token, 'no', { retry: false });
        const h = await queue.claim('w1', 5_000);
        expect([c?.id, f?.id, h?.id]).toEqual(['to-complete', 'to-fail', 'to-hold']);

        await expect(queue.counts()).resolves.toEqual({ waiting: 2, delayed: 1, active: 1, failed: 1, completed: 1 });
      });
    });

    describe('durability', () => {
      it('loses no job across a restart: every job completes exactly once', async () => {
        const total = 30;
        const ids = Array.from({ length: total }, (_, i) => `durable-${i}`);
        for (const id of ids) await queue.enqueue(job({ id, maxAttempts: 3, priority: 10 }));

        const completions = new Map<string, number>();
        const attempts = new Map<string, number>();
        const record = async (q: JobQueue, claimed: ClaimedJob): Promise<void> => {
          attempts.set(claimed.id, claimed.attempt);
          if (await q.complete(claimed.id, claimed.token)) completions.set(claimed.id, (completions.get(claimed.id) ?? 0) + 1);
        };
        // Before the "crash": 10 jobs finished, 5 held (never completed by this process).
        for (let i = 0; i < 10; i++) await record(queue, (await queue.claim('before', LEASE_MS))!);
        const abandoned: ClaimedJob[] = [];
        for (let i = 0; i < 5; i++) abandoned.push((await queue.claim('before', LEASE_MS))!);
        expect(abandoned.every((j) => j !== null)).toBe(true);

        const after = await sut.restart();
        queue = after;
        const reopened = await after.counts();
        expect(reopened).toMatchObject({ completed: 10, failed: 0 });
        expect(reopened.waiting + reopened.active).toBe(20);

        const deadline = Date.now() + PATIENCE_MS;
        while (completions.size < total && Date.now() < deadline) {
          const claimed = await after.claim('after', LEASE_MS);
          if (claimed) await record(after, claimed);
          else await sleep(20);
        }
        expect([...completions.keys()].sort()).toEqual([...ids].sort());
        expect([...completions.values()].every((n) => n === 1)).toBe(true);
        for (const held of abandoned) expect(attempts.get(held.id)).toBe(2);
        for (const held of abandoned) expect(await after.complete(held.id, held.token)).toBe(false);
        await expect(after.counts()).resolves.toEqual({ waiting: 0, delayed: 0, active: 0, failed: 0, completed: total });
      });
    });
  });
}
