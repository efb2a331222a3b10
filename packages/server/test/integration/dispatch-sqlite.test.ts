/**
 * The dispatcher on SQLite with the embedded queue and the fake agent: dispatch and completion,
 * priority order, slots and the global cap, dependencies, retries with backoff, no head-of-line
 * blocking, a missing runtime, cancel, reopen/resolve, at-least-once after a dead worker,
 * start-up recovery of interrupted tasks, leases left to run out while claims are paused (fenced),
 * and shutdown.
 */
import { join } from 'node:path';
import type { Run, Task } from '@dash/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { makeCoreLoopHarness, fakeScript, teamMember, type CoreLoopHarness } from '../support/core-loop-harness.js';

let h: CoreLoopHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

const quick = (ms = 150): string => fakeScript('Do the work.', { steps: [{ sleep: ms }, { text: 'done' }] });

async function runsOf(harness: CoreLoopHarness, taskId: string): Promise<Run[]> {
  return (await harness.tasks.runs(taskId, {})).items;
}

/** Most runs alive at the same moment, from their recorded start and end times. */
function maxOverlap(runs: readonly Run[]): number {
  const points = runs.flatMap((r) => [
    { t: Date.parse(r.startedAt ?? ''), d: 1 },
    { t: Date.parse(r.endedAt ?? new Date().toISOString()), d: -1 },
  ]);
  points.sort((a, b) => a.t - b.t || a.d - b.d);
  let live = 0;
  let max = 0;
  for (const p of points) {
    live += p.d;
    max = Math.max(max, live);
  }
  return max;
}

async function allRuns(harness: CoreLoopHarness): Promise<Run[]> {
  return (await harness.store.runs.list({ limit: 200 })).items;
}

describe('dispatcher (SQLite, embedded queue)', () => {
  it('runs a queued task on an employee, stores the assignment and completes it with the result', async () => {
    h = await makeCoreLoopHarness();
    const created = await h.tasks.create(
      { title: 'Implement the thing', description: fakeScript('Please.', { steps: [{ text: 'All implemented.' }] }), requiredSkills: ['backend_development'] },
      'api',
    );
    expect(created.status).toBe('queued');
    const done = await h.waitForTask(created.id, (t) => t.status === 'completed');
    expect(done.assignedTo).toMatch(/^emp_10[12]$/);
    expect(done.attempts).toBe(1);
    expect(done.assignment).toMatchObject({ mode: 'automatic', score: { skillMatch: 1 } });
    expect(done.assignment?.candidates.length).toBe(2);

    const [run] = await runsOf(h, created.id);
    expect(run).toMatchObject({ status: 'succeeded', taskId: created.id, employeeId: done.assignedTo });
    expect(done.lastRunId).toBe(run?.id);

    const timeline = await h.tasks.timeline(created.id);
    expect(timeline.map((e) => `${e.from}>${e.to}:${e.actor}`)).toEqual([
      'null>queued:api',
      'queued>running:dispatcher',
      'running>completed:dispatcher',
    ]);
    expect(timeline[1]?.data).toMatchObject({ runId: run?.id, employeeId: done.assignedTo, mode: 'automatic' });
    expect(timeline[2]?.data).toMatchObject({ runId: run?.id, result: 'All implemented.' });
    const statuses = h.taskMessages.filter((m): m is Task => 'status' in m && m.id === created.id).map((m) => m.status);
    expect(statuses).toEqual(['queued', 'running', 'completed']);
    const stats = await h.stats.employeeStats(done.assignedTo ?? '');
    expect(stats).toMatchObject({ runs: 1, successRate: 1 });
    expect(stats?.costUsd).toBeGreaterThan(0);
  });

  it('takes ready tasks in priority order and never exceeds the global cap or an employee\'s slots', async () => {
    h = await makeCoreLoopHarness({
      team: [teamMember('emp_101', { status: 'paused' }), teamMember('emp_102', { status: 'paused', maxConcurrentTasks: 2 })],
      maxConcurrent: 2,
    });
    const priorities = ['low', 'urgent', 'medium', 'high', 'low', 'urgent', 'medium', 'high', 'medium', 'low'] as const;
    const created: Task[] = [];
    for (const [i, priority] of priorities.entries()) {
      created.push(await h.tasks.create({ title: `Task ${i}`, description: quick(120), priority }, 'api'));
    }
    // Everything is queued while nobody is active; activating the team starts dispatch.
    await h.registry.update('emp_101', { status: 'active' });
    await h.registry.update('emp_102', { status: 'active' });
    for (const t of created) await h.waitForTask(t.id, (x) => x.status === 'completed');

    const runs = await allRuns(h);
    expect(runs).toHaveLength(priorities.length);
    const weight = { low: 1, medium: 2, high: 3, urgent: 4 } as const;
    const byTask = new Map(created.map((t) => [t.id, t]));
    const order = [...runs].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((r) => byTask.get(r.taskId ?? ''));
    // The dispatch order: priority weight desc, queuedAt asc, then first come first served.
    const expected = [...created].sort((a, b) => weight[b.priority] - weight[a.priority] || a.queuedAt!.localeCompare(b.queuedAt!));
    expect(order.map((t) => t?.title)).toEqual(expected.map((t) => t.title));
    expect(maxOverlap(runs)).toBeLessThanOrEqual(2);
    expect(maxOverlap(runs.filter((r) => r.employeeId === 'emp_101'))).toBe(1);
    expect(maxOverlap(runs.filter((r) => r.employeeId === 'emp_102'))).toBeLessThanOrEqual(2);
  });

  it('queues a dependent only once its dependencies are done, and blocks dependents of a task that fails for good', async () => {
    h = await makeCoreLoopHarness();
    const a = await h.tasks.create({ title: 'A', description: quick(200) }, 'api');
    const b = await h.tasks.create({ title: 'B', description: quick(50), dependsOn: [a.id] }, 'api');
    const c = await h.tasks.create({ title: 'C', description: quick(50), dependsOn: [b.id, a.id] }, 'api');
    expect([b.status, c.status]).toEqual(['pending', 'pending']);
    const doneC = await h.waitForTask(c.id, (t) => t.status === 'completed');
    const doneA = await h.tasks.get(a.id);
    const doneB = await h.tasks.get(b.id);
    const [runA] = await runsOf(h, a.id);
    const [runB] = await runsOf(h, b.id);
    const [runC] = await runsOf(h, c.id);
    expect(Date.parse(runB?.startedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(runA?.endedAt ?? ''));
    expect(Date.parse(runC?.startedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(runB?.endedAt ?? ''));
    expect(doneB.queuedAt! >= doneA.completedAt!).toBe(true);
    expect(doneC.status).toBe('completed');

    const failing = await h.tasks.create(
      { title: 'Fails', description: fakeScript('x', { steps: [{ crash: { code: 3 } }] }), maxRetries: 0 },
      'api',
    );
    const child = await h.tasks.create({ title: 'Child', description: quick(), dependsOn: [failing.id] }, 'api');
    const grandchild = await h.tasks.create({ title: 'Grandchild', description: quick(), dependsOn: [child.id] }, 'api');
    await h.waitForTask(failing.id, (t) => t.status === 'failed');
    const blocked = await h.waitForTask(grandchild.id, (t) => t.status === 'blocked');
    expect((await h.tasks.get(child.id)).blockedReason).toBe(`Dependency ${failing.id} failed`);
    expect(blocked.blockedReason).toContain(`Dependency ${child.id} is blocked`);
  });

  it('retries a failed run after a backoff while attempts remain, then fails for good and says why', async () => {
    h = await makeCoreLoopHarness({ dispatcher: { retryBackoffMs: 100 } });
    const flaky = await h.tasks.create(
      {
        title: 'Flaky',
        description: fakeScript('x', { steps: [{ crashUntil: { file: join(h.runs.dir.path, 'flaky-count'), times: 1, code: 7 } }, { text: 'ok' }] }),
        maxRetries: 2,
      },
      'api',
    );
    const done = await h.waitForTask(flaky.id, (t) => t.status === 'completed');
    expect(done.attempts).toBe(2);
    const runs = await runsOf(h, flaky.id);
    expect(runs.map((r) => r.status).sort()).toEqual(['failed', 'succeeded']);
    const timeline = await h.tasks.timeline(flaky.id);
    const retry = timeline.find((e) => e.from === 'failed' && e.to === 'queued');
    expect(retry).toMatchObject({ actor: 'dispatcher', reason: 'Retry: attempt 2 of 3 in 0.1 s' });
    expect(timeline.find((e) => e.from === 'running' && e.to === 'failed')?.reason).toMatch(/^AGENT_CRASHED/);
    const failedRun = runs.find((r) => r.status === 'failed');
    const succeededRun = runs.find((r) => r.status === 'succeeded');
    // The backoff was waited out: the second run started at least 100 ms after the first ended.
    expect(Date.parse(succeededRun?.createdAt ?? '') - Date.parse(failedRun?.endedAt ?? '')).toBeGreaterThanOrEqual(90);

    const hopeless = await h.tasks.create({ title: 'Hopeless', description: fakeScript('x', { steps: [{ crash: { code: 2 } }] }), maxRetries: 1 }, 'api');
    const failed = await h.waitForTask(hopeless.id, (t) => t.status === 'failed');
    expect(failed.attempts).toBe(2);
    const last = (await h.tasks.timeline(hopeless.id)).at(-1);
    expect(last).toMatchObject({ from: 'running', to: 'failed', actor: 'dispatcher' });
    expect(last?.reason).toMatch(/^AGENT_CRASHED: .*\(no attempts left: 2 of 2\)$/);
  });

  it('does not let a task waiting for its busy employee hold up tasks others can run', async () => {
    h = await makeCoreLoopHarness({ maxConcurrent: 3 });
    const long = await h.tasks.create({ title: 'Long', description: quick(1_500), assignee: 'emp_101' }, 'api');
    await h.waitForTask(long.id, (t) => t.status === 'running');
    const waiting = await h.tasks.create({ title: 'Urgent for 101', description: quick(), assignee: 'emp_101', priority: 'urgent' }, 'api');
    const other = await h.tasks.create({ title: 'Low, anyone', description: quick(), priority: 'low' }, 'api');
    const otherDone = await h.waitForTask(other.id, (t) => t.status === 'completed');
    expect(otherDone.assignedTo).toBe('emp_102');
    expect((await h.tasks.get(waiting.id)).status).toBe('queued');
    expect((await h.tasks.get(long.id)).status).toBe('running');
    const waitingDone = await h.waitForTask(waiting.id, (t) => t.status === 'completed');
    expect(waitingDone.assignedTo).toBe('emp_101');
    expect(waitingDone.assignment).toMatchObject({ mode: 'explicit' });
  });

  it('fails a task at dispatch with RUNTIME_NOT_INSTALLED when its employee\'s CLI is missing', async () => {
    h = await makeCoreLoopHarness({ team: [teamMember('emp_101', { runtimeConfig: { runtime: 'codex' } })] });
    const task = await h.tasks.create({ title: 'Needs codex', description: 'x', maxRetries: 3 }, 'api');
    const dependent = await h.tasks.create({ title: 'After', description: 'x', dependsOn: [task.id] }, 'api');
    const failed = await h.waitForTask(task.id, (t) => t.status === 'failed');
    expect(failed.attempts).toBe(1);
    const timeline = await h.tasks.timeline(task.id);
    expect(timeline.slice(1).map((e) => `${e.from}>${e.to}`)).toEqual(['queued>running', 'running>failed']);
    expect(timeline.at(-1)?.reason).toMatch(/^RUNTIME_NOT_INSTALLED: /);
    expect(timeline.at(-1)?.data).toMatchObject({ errorCode: 'RUNTIME_NOT_INSTALLED', employeeId: 'emp_101' });
    await h.waitForTask(dependent.id, (t) => t.status === 'blocked');
  });

  it('cancels a running task: its run is stopped and its dependents are blocked', async () => {
    h = await makeCoreLoopHarness();
    const task = await h.tasks.create({ title: 'Long', description: fakeScript('x', { steps: [{ sleep: 20_000 }] }) }, 'api');
    const dependent = await h.tasks.create({ title: 'After', description: quick(), dependsOn: [task.id] }, 'api');
    const running = await h.waitForTask(task.id, (t) => t.status === 'running');
    const cancelled = await h.tasks.cancel(task.id, { reason: 'Not needed' }, 'api');
    expect(cancelled.status).toBe('cancelled');
    const run = await h.runService.waitFor(running.lastRunId ?? '');
    expect(run.status).toBe('cancelled');
    expect((await h.tasks.get(dependent.id)).status).toBe('blocked');
    await h.dispatcher.idle();
    expect((await h.tasks.get(task.id)).status).toBe('cancelled');
    expect((await h.tasks.timeline(task.id)).at(-1)).toMatchObject({ from: 'running', to: 'cancelled', actor: 'api', reason: 'Not needed' });
  });

  it('runs a reopened task again and keeps a resolved one resolved', async () => {
    h = await makeCoreLoopHarness();
    const task = await h.tasks.create({ title: 'Review me', description: quick() }, 'api');
    await h.waitForTask(task.id, (t) => t.status === 'completed');
    const reopened = await h.tasks.reopen(task.id, { reason: 'Missing tests', reassignTo: 'emp_102' }, 'api');
    expect(reopened).toMatchObject({ status: 'queued', attempts: 0, assignee: 'emp_102' });
    const again = await h.waitForTask(task.id, (t) => t.status === 'completed' && t.attempts === 1 && t.lastRunId !== task.lastRunId);
    expect(again.assignedTo).toBe('emp_102');
    expect(await runsOf(h, task.id)).toHaveLength(2);
    const resolved = await h.tasks.resolve(task.id, { comment: 'Good now' }, 'api');
    expect(resolved.status).toBe('resolved');
    expect((await h.tasks.comments(task.id)).map((c) => c.kind)).toEqual(['reopen_reason', 'resolution']);
  });

  it('delivers a job again when the worker that claimed it dies (lease expiry)', async () => {
    h = await makeCoreLoopHarness({ startDispatcher: false });
    const task = await h.tasks.create({ title: 'Orphaned job', description: quick() }, 'api');
    // A worker claims the job and dies: its lease is never renewed.
    const claimed = await h.queue.claim('dead-worker', 300);
    expect(claimed?.id).toBe(task.id);
    await h.dispatcher.start();
    const done = await h.waitForTask(task.id, (t) => t.status === 'completed');
    expect(done.attempts).toBe(1);
    expect((await h.queue.counts()).active).toBe(0);
  });

  it('renews no lease while claims are paused (a fenced replica), so another worker can take the job; the task still ends once', async () => {
    let paused = false;
    h = await makeCoreLoopHarness({ claimsPaused: () => paused, dispatcher: { leaseMs: 600 } });
    const task = await h.tasks.create({ title: 'Outlives a fence', description: quick(3_000) }, 'api');
    await h.waitForTask(task.id, (t) => t.status === 'running');
    expect(await h.queue.claim('other-worker', 300)).toBeNull(); // renewed: still ours

    paused = true;
    const deadline = Date.now() + 5_000;
    let taken = await h.queue.claim('other-worker', 300);
    while (taken === null && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      taken = await h.queue.claim('other-worker', 300);
    }
    expect(taken?.id).toBe(task.id);

    // Healed: the other worker's lease runs out unrenewed; this dispatcher takes its job back
    // (its own lease was lost) and completes it when the run ends.
    paused = false;
    const done = await h.waitForTask(task.id, (t) => t.status === 'completed');
    expect(done.attempts).toBe(1);
    expect(await runsOf(h, task.id)).toHaveLength(1);
    await expect.poll(async () => (await h!.queue.counts()).active, { timeout: 5_000 }).toBe(0);
  });

  it('settles tasks left running by a crash at start-up: requeued while attempts remain, else failed', async () => {
    h = await makeCoreLoopHarness({ startDispatcher: false });
    const interrupted = async (maxRetries: number): Promise<Task> => {
      const task = await h!.tasks.create({ title: `Interrupted ${maxRetries}`, description: quick(), maxRetries }, 'api');
      const run = await h!.store.runs.create({
        id: `run-${task.id}`,
        taskId: task.id,
        employeeId: 'emp_101',
        runtime: 'claude-code',
        model: null,
        cwd: h!.runs.root,
        resumeOf: null,
        nodeId: 'test-node',
        createdAt: new Date().toISOString(),
      });
      await h!.store.runs.transition(run.id, ['queued'], { status: 'running', pid: 999_999, startedAt: new Date().toISOString() });
      const running = await h!.taskRepo.transition(task.id, {
        from: ['queued'],
        to: 'running',
        timeline: { from: 'queued', to: 'running', actor: 'dispatcher', at: new Date().toISOString() },
        patch: { lastRunId: run.id, attempts: 1, assignedTo: 'emp_101' },
      });
      return running!;
    };
    const retried = await interrupted(1);
    const given = await interrupted(0);
    // The server restarts: the runs it owned are lost, then the dispatcher starts.
    await h.runService.reconcile();
    await h.dispatcher.start();
    const done = await h.waitForTask(retried.id, (t) => t.status === 'completed');
    expect(done.attempts).toBe(2);
    const recovered = (await h.tasks.timeline(retried.id)).find((e) => e.from === 'running');
    expect(recovered).toMatchObject({ to: 'failed', actor: 'system' });
    expect(recovered?.reason).toMatch(/^RUN_LOST/);
    const failed = await h.tasks.get(given.id);
    expect(failed.status).toBe('failed');
    expect((await h.tasks.timeline(given.id)).at(-1)?.reason).toMatch(/^RUN_LOST.*no attempts left/);
  });

  it('queues a running task again at shutdown, without counting the interrupted attempt', async () => {
    h = await makeCoreLoopHarness();
    const task = await h.tasks.create({ title: 'Interrupted by shutdown', description: fakeScript('x', { steps: [{ sleep: 20_000 }] }) }, 'api');
    await h.waitForTask(task.id, (t) => t.status === 'running');
    await h.dispatcher.stop();
    const after = await h.tasks.get(task.id);
    expect(after).toMatchObject({ status: 'queued', attempts: 0 });
    expect((await h.tasks.timeline(task.id)).slice(-2).map((e) => `${e.from}>${e.to}:${e.actor}`)).toEqual([
      'running>failed:system',
      'failed>queued:system',
    ]);
    expect((await h.queue.counts()).waiting).toBe(1);
  });
});
