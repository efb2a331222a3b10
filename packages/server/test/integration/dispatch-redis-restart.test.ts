/**
 * The dispatcher on BullMQ when Redis loses its jobs, against a PRIVATE Redis (support/
 * private-services.ts: restarting the machine's shared one would break every other test running).
 * Restarts are real (`SHUTDOWN NOSAVE`, then the same command again): the queue comes back empty.
 * Each dispatcher here has a 10-minute periodic sweep and tests finish well within it, so a task
 * that completes was given its job again by the recovery paths under test, not by that sweep:
 *  - Redis restarted while a run ends (no lease renewal in flight: 30 s leases): the queue's
 *    reconnect (and the claim refused during the outage) brings the queued task back;
 *  - Redis flushed without a restart (no reconnect at all): a lease renewal sees the jobs gone and
 *    the sweep after a lost lease re-enqueues the parked task, whose hold was just lost.
 * The adapter's part is checked on its own too: a claim during the outage is refused at once, and
 * onReconnect listeners hear Redis come back (also through the deferred queue the app uses).
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BullmqJobQueue } from '../../src/adapters/queue-bullmq/bullmq-job-queue.js';
import { DeferredJobQueue } from '../../src/adapters/queue-deferred/deferred-job-queue.js';
import { silentLogger } from '../../src/ports/logger.js';
import { fakeScript, makeCoreLoopHarness, teamMember, type CoreLoopHarness } from '../support/core-loop-harness.js';
import { startPrivateRedis, type PrivateRedis } from '../support/private-services.js';

const TEN_MINUTES = 600_000;
let redis: PrivateRedis;
let h: CoreLoopHarness | null = null;
let queue: BullmqJobQueue | null = null;

beforeAll(async () => {
  redis = await startPrivateRedis();
});
afterEach(async () => {
  await h?.close();
  h = null;
  await queue?.close();
  queue = null;
});
afterAll(async () => {
  await redis?.stop();
});

const openQueue = (leaseMs: number): Promise<BullmqJobQueue> =>
  BullmqJobQueue.open({ url: redis.url, queueName: `tasks-${randomUUID()}`, stalledIntervalMs: 1_000, defaultLeaseMs: leaseMs });

async function harness(leaseMs: number, team = [teamMember('emp_101')]): Promise<CoreLoopHarness> {
  h = await makeCoreLoopHarness({
    team,
    maxConcurrent: team.length,
    queue: () => openQueue(leaseMs),
    dispatcher: { leaseMs, sweepMs: TEN_MINUTES, tickMs: 200 },
  });
  return h;
}

const work = (ms: number): string => fakeScript('Do the work.', { steps: [{ sleep: ms }, { text: 'done' }] });

async function runsOf(s: CoreLoopHarness, taskId: string): Promise<Array<{ createdAt: string; status: string }>> {
  return (await s.tasks.runs(taskId, {})).items;
}

describe('BullMQ queue across a Redis restart (private Redis)', () => {
  it('refuses a claim while Redis is down instead of waiting, and tells its listeners when Redis is back', async () => {
    queue = await openQueue(5_000);
    const q = queue;
    let reconnects = 0;
    const off = q.onReconnect(() => (reconnects += 1));
    await q.enqueue({ id: 'before', payload: {}, priority: 1 });
    const claimed = await q.claim('w', 5_000);
    expect(claimed?.id).toBe('before');

    const restarted = redis.restart(3_000);
    await waitFor('Redis down', async () => !(await answers(redis.url)));
    // Before the fix this claim sat in ioredis' offline queue until Redis was back.
    await expect(q.claim('w', 5_000)).rejects.toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', details: { dependency: 'redis' } });
    expect(reconnects).toBe(0);
    await restarted;

    await waitFor('the reconnect to be reported', () => reconnects === 1);
    // Redis came back empty: the lease is gone; the queue works again.
    expect(await q.extendLease('before', claimed?.token ?? '', 5_000)).toBe(false);
    await q.enqueue({ id: 'after', payload: {}, priority: 1 });
    expect((await q.claim('w', 5_000))?.id).toBe('after');
    off();
  }, 60_000);

  it('the deferred queue (the app wraps BullMQ in it) hands listeners registered before it opened to the backend', async () => {
    const deferred = new DeferredJobQueue({ kind: 'bullmq', open: () => openQueue(5_000), logger: silentLogger });
    try {
      let reconnects = 0;
      const off = deferred.onReconnect(() => (reconnects += 1));
      deferred.begin();
      await deferred.whenReady();
      await redis.restart(500);
      await waitFor('the reconnect to be reported', () => reconnects === 1);
      off();
      await redis.restart(500);
      // Answers again (claims go through) without telling the unsubscribed listener.
      await waitFor('the queue to answer', () => deferred.claim('w', 5_000).then(() => true, () => false));
      expect(reconnects).toBe(1);
    } finally {
      await deferred.close();
    }
  }, 60_000);
});

describe('dispatcher (BullMQ) when Redis loses its jobs (private Redis, 10-minute sweep)', () => {
  it('a task queued behind a run that ends during a Redis restart is dispatched once Redis is back', async () => {
    // 30 s leases: no renewal happens during the outage, so no lost lease reports it.
    const s = await harness(30_000);
    const first = await s.tasks.create({ title: 'Running through the restart', description: work(1_000) }, 'api');
    const waiting = await s.tasks.create({ title: 'Queued behind it', description: work(50) }, 'api');
    await s.waitForTask(first.id, (t) => t.status === 'running');
    expect((await s.tasks.get(waiting.id)).status).toBe('queued');

    // Down for longer than the first run has left: it ends while Redis is away.
    await redis.restart(2_000);
    const backAt = new Date().toISOString();
    // Enqueued once Redis answers again (the request waits for the reconnect).
    const during = await s.tasks.create({ title: 'Created right after the restart', description: work(50) }, 'api');

    await s.waitForTask(first.id, (t) => t.status === 'completed');
    // The test's timeout (60 s) is far below the sweep interval (10 min).
    for (const t of [waiting, during]) await s.waitForTask(t.id, (x) => x.status === 'completed', 45_000);
    const [run] = await runsOf(s, waiting.id);
    expect(run?.status).toBe('succeeded');
    // Its (only) run started after Redis was back: its job was re-created, not kept by Redis.
    expect(run!.createdAt >= backAt).toBe(true);
    await s.dispatcher.idle();
    expect(await s.queue.counts()).toMatchObject({ waiting: 0, active: 0 });
  }, 60_000);

  it('sweep after a lost lease: a parked task whose job vanished (Redis flushed, no restart) gets a job again', async () => {
    // Short leases: renewals every 500 ms notice the jobs are gone.
    const s = await harness(1_500, [teamMember('emp_101'), teamMember('emp_102')]);
    const busy = await s.tasks.create({ title: 'Keeps emp_101 busy', description: work(2_500), assignee: 'emp_101' }, 'api');
    await s.waitForTask(busy.id, (t) => t.status === 'running');
    // Claimed (emp_102 is free, so the dispatcher claims) but parked: its assignee is busy.
    const parked = await s.tasks.create({ title: 'Waits for emp_101', description: work(50), assignee: 'emp_101' }, 'api');
    await waitFor('both jobs held', async () => (await s.queue.counts()).active === 2);
    expect((await s.tasks.get(parked.id)).status).toBe('queued');

    const admin = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    try {
      await admin.flushall();
    } finally {
      admin.disconnect();
    }
    const done = await s.waitForTask(parked.id, (t) => t.status === 'completed', 45_000);
    expect(done.assignedTo).toBe('emp_101');
    expect((await s.tasks.get(busy.id)).status).toBe('completed');
    expect((await runsOf(s, parked.id)).map((r) => r.status)).toEqual(['succeeded']);
  }, 60_000);
});

/** Whether a fresh connection gets PONG (no retries). */
async function answers(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
