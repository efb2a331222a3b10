/**
 * The dispatcher on the scale-out backends: PostgreSQL (a fresh database on TEST_DATABASE_URL)
 * and BullMQ on Redis (TEST_REDIS_URL, keys under a random prefix, deleted afterwards), with the
 * fake agent. Fails, never skips, when either is unreachable.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Run, Task } from '@dash/shared';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BullmqJobQueue } from '../../src/adapters/queue-bullmq/bullmq-job-queue.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { fakeScript, makeCoreLoopHarness, teamMember, type CoreLoopHarness } from '../support/core-loop-harness.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { connectTestRedis, TEST_REDIS_URL } from '../support/redis.js';

const prefix = `dash-test-${randomBytes(6).toString('hex')}`;
let admin: Redis;
let database: TestDatabase | null = null;
let h: CoreLoopHarness | null = null;

beforeAll(async () => {
  admin = await connectTestRedis();
});

afterEach(async () => {
  await h?.close();
  h = null;
  await database?.drop();
  database = null;
});

afterAll(async () => {
  if (admin?.status !== 'ready') return;
  for await (const keys of admin.scanStream({ match: `${prefix}:*`, count: 500 }) as AsyncIterable<string[]>) {
    if (keys.length > 0) await admin.del(...keys);
  }
  await admin.quit();
});

async function harness(options: Parameters<typeof makeCoreLoopHarness>[0] = {}): Promise<CoreLoopHarness> {
  database = await createTestDatabase();
  const store = await openStore({ kind: 'postgres', url: database.url, poolSize: 5 });
  h = await makeCoreLoopHarness({
    ...options,
    store,
    queue: () => BullmqJobQueue.open({ url: TEST_REDIS_URL, prefix, queueName: `tasks-${randomUUID()}`, stalledIntervalMs: 100, defaultLeaseMs: 5_000 }),
  });
  return h;
}

const quick = (ms = 120): string => fakeScript('Do the work.', { steps: [{ sleep: ms }, { text: 'done' }] });

function maxOverlap(runs: readonly Run[]): number {
  const points = runs.flatMap((r) => [
    { t: Date.parse(r.startedAt ?? ''), d: 1 },
    { t: Date.parse(r.endedAt ?? ''), d: -1 },
  ]);
  points.sort((a, b) => a.t - b.t || a.d - b.d);
  let live = 0;
  let max = 0;
  for (const p of points) max = Math.max(max, (live += p.d));
  return max;
}

describe('dispatcher (PostgreSQL, BullMQ)', () => {
  it('dispatches in priority order within the cap and slots, follows dependencies and retries', async () => {
    const s = await harness({
      team: [teamMember('emp_101', { status: 'paused' }), teamMember('emp_102', { status: 'paused' })],
      maxConcurrent: 2,
      dispatcher: { retryBackoffMs: 100 },
    });
    const priorities = ['medium', 'low', 'urgent', 'high', 'medium', 'urgent'] as const;
    const created: Task[] = [];
    for (const [i, priority] of priorities.entries()) created.push(await s.tasks.create({ title: `T${i}`, description: quick(), priority }, 'api'));
    const chainHead = await s.tasks.create({ title: 'Chain 1', description: quick(), priority: 'low' }, 'api');
    const chainTail = await s.tasks.create({ title: 'Chain 2', description: quick(), priority: 'urgent', dependsOn: [chainHead.id] }, 'api');
    const flaky = await s.tasks.create(
      {
        title: 'Flaky',
        description: fakeScript('x', { steps: [{ crashUntil: { file: join(s.runs.dir.path, 'flaky'), times: 1, code: 4 } }] }),
        priority: 'low',
        maxRetries: 1,
      },
      'api',
    );
    await s.registry.update('emp_101', { status: 'active' });
    await s.registry.update('emp_102', { status: 'active' });
    for (const t of [...created, chainHead, chainTail, flaky]) await s.waitForTask(t.id, (x) => x.status === 'completed');

    const runs = (await s.store.runs.list({ limit: 100 })).items;
    expect(runs).toHaveLength(10);
    const weight = { low: 1, medium: 2, high: 3, urgent: 4 } as const;
    const firstStart = new Map<string, string>();
    for (const r of [...runs].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) if (!firstStart.has(r.taskId!)) firstStart.set(r.taskId!, r.createdAt);
    // Everything but the chain's tail was queued before dispatch began: they start in dispatch order.
    const upFront = [...created, chainHead, flaky];
    const started = [...upFront].sort((a, b) => firstStart.get(a.id)!.localeCompare(firstStart.get(b.id)!));
    const expected = [...upFront].sort((a, b) => weight[b.priority] - weight[a.priority] || a.queuedAt!.localeCompare(b.queuedAt!));
    expect(started.map((t) => t.title)).toEqual(expected.map((t) => t.title));
    expect(maxOverlap(runs)).toBeLessThanOrEqual(2);
    for (const id of ['emp_101', 'emp_102']) expect(maxOverlap(runs.filter((r) => r.employeeId === id))).toBe(1);
    const headRun = runs.find((r) => r.taskId === chainHead.id)!;
    const tailRun = runs.find((r) => r.taskId === chainTail.id)!;
    expect(Date.parse(tailRun.startedAt!)).toBeGreaterThanOrEqual(Date.parse(headRun.endedAt!));
    expect((await s.tasks.get(flaky.id)).attempts).toBe(2);
    expect((await s.queue.counts()).active).toBe(0);
  });

  it('delivers a job again when the worker that claimed it dies', async () => {
    const s = await harness({ startDispatcher: false });
    const task = await s.tasks.create({ title: 'Orphaned', description: quick() }, 'api');
    expect((await s.queue.claim('dead-worker', 300))?.id).toBe(task.id);
    await s.dispatcher.start();
    const done = await s.waitForTask(task.id, (t) => t.status === 'completed');
    expect(done.attempts).toBe(1);
  });
});
