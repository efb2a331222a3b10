/**
 * Budgets and quota-aware dispatch through the BUILT server and the fake agent (as `claude`), on
 * SQLite and on PostgreSQL (the gate's state is in the store, so every replica sees the same):
 *
 *  - an employee whose daily budget is spent gets no new run, while a colleague's later task runs;
 *    GET /api/dispatch/gate shows the spend (the runs' own cost reports) against the budget;
 *  - a task whose runs spent BUDGET_TASK_USD fails with TASK_BUDGET_EXCEEDED instead of retrying;
 *  - a task with its own smaller budget fails with TASK_BUDGET_EXCEEDED after one run, while a
 *    sibling without one runs again under the default; GET /api/tasks/:id/budget shows each
 *    task's limit and its source; a bad budget is refused with 400 on `body.budgetUsd`;
 *  - a run that ends on a usage limit with a reset time pauses its runtime until that reset: its
 *    task is queued again with the attempt not counted, the pause shows in the gate, no run of that
 *    runtime starts before the reset, and both the paused task and one created meanwhile complete
 *    after it by themselves;
 *  - a rate limit without a reset time pauses for RATE_LIMIT_BACKOFF.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { apiErrorBody, dispatchGateStatus, runList, task as taskSchema, taskBudgetStatus, taskList, taskTimeline, type DispatchGateStatus, type Run, type Task } from '@dash/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_AGENT } from '../fixtures/fake-agent/fake-agent-runner.js';
import { fakeScript, teamMember, teamRegistry } from '../support/core-loop-harness.js';
import { makeRegistryFixture, type RegistryFixture } from '../support/employee-registry-fixture.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { killAllServers, startServer, type SpawnedServer } from '../support/server-process.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

/** Fake agent cost: $0.001 per turn; the default script has turns, so one run spends more than this. */
const TINY_BUDGET = 0.0005;
/** A task's own budget, below BUDGET_TASK_USD (0.0025) and below one run's cost. */
const OWN_BUDGET = 0.0005;
const BACKOFF_MS = 1500;

interface Backend {
  name: string;
  env(): Promise<Record<string, string>>;
  cleanup(): Promise<void>;
}

const embedded: Backend = { name: 'SQLite', env: async () => ({}), cleanup: async () => undefined };

function postgres(): Backend {
  let database: TestDatabase | null = null;
  return {
    name: 'PostgreSQL',
    async env() {
      database = await createTestDatabase();
      return { DATABASE_URL: database.url };
    },
    cleanup: async () => database?.drop(),
  };
}

describe.each([embedded, postgres()])('budgets and rate-limit pauses e2e: $name', (backend) => {
  let server: SpawnedServer;
  let registry: RegistryFixture;
  let scratch: TempDir;

  /** Every API call of this file goes through here (credentials from server-process.ts). */
  const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> => {
    const res = await server.api(path, { method, ...(body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) });
    const text = await res.text();
    return { status: res.status, json: text === '' ? null : (JSON.parse(text) as unknown) };
  };
  const ok = async <T>(method: string, path: string, body: unknown, parse: (v: unknown) => T, status = 200): Promise<T> => {
    const res = await call(method, path, body);
    if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.json)}`);
    return parse(res.json);
  };
  const getTask = (id: string): Promise<Task> => ok('GET', `/api/tasks/${id}`, undefined, (v) => taskSchema.parse(v));
  const createTask = (body: Record<string, unknown>): Promise<Task> => ok('POST', '/api/tasks', body, (v) => taskSchema.parse(v), 201);
  const gate = (): Promise<DispatchGateStatus> => ok('GET', '/api/dispatch/gate', undefined, (v) => dispatchGateStatus.parse(v));
  const runsOf = async (id: string): Promise<Run[]> =>
    (await ok('GET', `/api/tasks/${id}/runs`, undefined, (v) => runList.parse(v))).items.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const timelineOf = async (id: string) => (await ok('GET', `/api/tasks/${id}/timeline`, undefined, (v) => taskTimeline.parse(v))).items;
  const until = async <T>(what: string, probe: () => Promise<T | null>, timeoutMs = 30_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== null) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${server.stdout().slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const settled = (id: string): Promise<Task> =>
    until(`task ${id} to settle`, async () => {
      const t = await getTask(id);
      return ['completed', 'failed', 'cancelled', 'blocked'].includes(t.status) ? t : null;
    });

  beforeAll(async () => {
    scratch = await makeTempDir('dash-budgets-');
    registry = await makeRegistryFixture();
    await registry.write(
      teamRegistry([
        teamMember('emp_401', { runtimeConfig: { runtime: 'claude-code', maxTurns: 10, budgetUsdPerDay: TINY_BUDGET } }),
        teamMember('emp_402', { maxConcurrentTasks: 2 }),
      ]),
    );
    server = await startServer({
      env: {
        AGENT_CLAUDE_BIN: FAKE_AGENT,
        AGENT_CODEX_BIN: '/nonexistent/codex',
        AGENT_MAX_RESTARTS: '0',
        EMPLOYEE_REGISTRY_DIR: registry.path,
        DISPATCH_INTERVAL: '200ms',
        TASK_RETRY_BACKOFF: '200ms',
        BUDGET_TASK_USD: '0.0025',
        RATE_LIMIT_BACKOFF: `${BACKOFF_MS}ms`,
        ...(await backend.env()),
      },
    });
  }, 60_000);

  afterAll(async () => {
    if (server) expect(await server.stop()).toEqual({ code: 0, signal: null });
    await killAllServers();
    await backend.cleanup();
    await registry?.cleanup();
    await scratch?.cleanup();
  }, 60_000);

  it('stops dispatch to an employee whose daily budget is spent and shows spend against budget', async () => {
    const first = await settled((await createTask({ title: 'Spend', description: 'Work.', assignee: 'emp_401' })).id);
    expect(first.status).toBe('completed');
    const [run] = await runsOf(first.id);
    expect(run!.usage.costUsd).toBeGreaterThan(TINY_BUDGET);

    const blocked = await createTask({ title: 'Over budget', description: 'More work.', assignee: 'emp_401' });
    // A colleague's task created later runs to the end: dispatch passes went by meanwhile.
    const other = await settled((await createTask({ title: 'Colleague', description: 'Work.', assignee: 'emp_402' })).id);
    expect(other.status).toBe('completed');
    expect(await getTask(blocked.id)).toMatchObject({ status: 'queued', attempts: 0, lastRunId: null });

    const status = await gate();
    expect(status.day).toBe(new Date().toISOString().slice(0, 10));
    const line = status.budgets.find((b) => b.id === 'emp_401');
    expect(line).toMatchObject({ scope: 'employee', limitUsd: TINY_BUDGET, softLimitUsd: TINY_BUDGET * 0.8, state: 'hard' });
    expect(line!.spentUsd).toBeCloseTo(run!.usage.costUsd, 10);
    const colleagueRuns = await runsOf(other.id);
    expect(status.budgets.find((b) => b.id === 'emp_402')).toMatchObject({ limitUsd: null, state: 'ok' });
    expect(status.budgets.find((b) => b.id === '*')!.spentUsd).toBeCloseTo(run!.usage.costUsd + colleagueRuns[0]!.usage.costUsd, 10);
    expect(status.taskBudgetUsd).toBe(0.0025);

    // Cancelled so the rest of the file has a free queue.
    expect((await call('POST', `/api/tasks/${blocked.id}/cancel`, {})).status).toBe(200);
  });

  it('fails a task whose runs spent BUDGET_TASK_USD instead of running it again', async () => {
    const failing = fakeScript('Fail expensively.', {
      steps: [{ text: 'one' }, { text: 'two' }, { text: 'three' }],
      result: { success: false, text: 'could not finish' },
    });
    const task = await settled((await createTask({ title: 'Expensive', description: failing, assignee: 'emp_402', maxRetries: 3 })).id);
    expect(task.status).toBe('failed');
    const runs = await runsOf(task.id);
    const spent = runs.reduce((sum, r) => sum + r.usage.costUsd, 0);
    expect(spent).toBeGreaterThanOrEqual(0.0025);
    expect(runs.slice(0, -1).reduce((sum, r) => sum + r.usage.costUsd, 0)).toBeLessThan(0.0025);
    const last = (await timelineOf(task.id)).at(-1)!;
    expect(last).toMatchObject({ to: 'failed', data: expect.objectContaining({ errorCode: 'TASK_BUDGET_EXCEEDED' }) });
    expect(last.reason).toContain('BUDGET_TASK_USD');
  });

  it("holds a task to its own budget below the default while a sibling without one keeps running under the default", async () => {
    const failing = fakeScript('Fail.', { steps: [{ text: 'trying' }], result: { success: false, text: 'could not finish' } });
    const [own, sibling] = await Promise.all([
      createTask({ title: 'Own small budget', description: failing, assignee: 'emp_402', maxRetries: 3, budgetUsd: OWN_BUDGET }),
      createTask({ title: 'Default budget', description: failing, assignee: 'emp_402', maxRetries: 1 }),
    ]);
    expect([own.budgetUsd, sibling.budgetUsd]).toEqual([OWN_BUDGET, null]);
    const [ownDone, siblingDone] = await Promise.all([settled(own.id), settled(sibling.id)]);

    // One run spent the task's own budget: it is not run again although retries remain.
    expect(ownDone).toMatchObject({ status: 'failed', budgetUsd: OWN_BUDGET });
    const ownRuns = await runsOf(own.id);
    expect(ownRuns).toHaveLength(1);
    const ownSpent = ownRuns[0]!.usage.costUsd;
    expect(ownSpent).toBeGreaterThanOrEqual(OWN_BUDGET);
    const ownLast = (await timelineOf(own.id)).at(-1)!;
    expect(ownLast).toMatchObject({ to: 'failed', data: expect.objectContaining({ errorCode: 'TASK_BUDGET_EXCEEDED' }) });
    expect(ownLast.reason).toContain("the task's own budget");

    // The sibling spent more than that and ran again under BUDGET_TASK_USD; it ended on its retries.
    const siblingRuns = await runsOf(sibling.id);
    expect(siblingRuns).toHaveLength(2);
    const siblingSpent = siblingRuns.reduce((sum, r) => sum + r.usage.costUsd, 0);
    expect(siblingRuns[0]!.usage.costUsd).toBeGreaterThanOrEqual(OWN_BUDGET);
    expect(siblingSpent).toBeLessThan(0.0025);
    expect(siblingDone).toMatchObject({ status: 'failed', attempts: 2 });
    expect((await timelineOf(sibling.id)).at(-1)!.data).not.toMatchObject({ errorCode: 'TASK_BUDGET_EXCEEDED' });

    // Each task's spend against its effective limit, and where that limit comes from.
    const ownBudget = await ok('GET', `/api/tasks/${own.id}/budget`, undefined, (v) => taskBudgetStatus.parse(v));
    expect(ownBudget).toMatchObject({ taskId: own.id, limitUsd: OWN_BUDGET, softLimitUsd: OWN_BUDGET * 0.8, source: 'task', state: 'hard' });
    expect(ownBudget.spentUsd).toBeCloseTo(ownSpent, 10);
    const siblingBudget = await ok('GET', `/api/tasks/${sibling.id}/budget`, undefined, (v) => taskBudgetStatus.parse(v));
    expect(siblingBudget).toMatchObject({ limitUsd: 0.0025, source: 'default' });
    expect(siblingBudget.state).not.toBe('hard');
    expect(siblingBudget.spentUsd).toBeCloseTo(siblingSpent, 10);

    // Edited over HTTP: the sibling's own budget replaces the default.
    const edited = await ok('PATCH', `/api/tasks/${sibling.id}`, { version: siblingDone.version, budgetUsd: 5 }, (v) => taskSchema.parse(v));
    expect(edited.budgetUsd).toBe(5);
    expect(await ok('GET', `/api/tasks/${sibling.id}/budget`, undefined, (v) => taskBudgetStatus.parse(v))).toMatchObject({ limitUsd: 5, source: 'task', state: 'ok' });
  });

  it('refuses a bad task budget with 400 VALIDATION_FAILED on body.budgetUsd and stores nothing', async () => {
    const before = (await ok('GET', '/api/tasks?limit=200', undefined, (v) => taskList.parse(v))).items.length;
    for (const budgetUsd of [0, -1, 10_000.5, 0.00001, '2']) {
      const res = await call('POST', '/api/tasks', { title: 'Bad budget', description: 'Work.', budgetUsd });
      expect(res.status, String(budgetUsd)).toBe(400);
      const { error } = apiErrorBody.parse(res.json);
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fields?.map((f) => f.path)).toEqual(['body.budgetUsd']);
    }
    expect((await ok('GET', '/api/tasks?limit=200', undefined, (v) => taskList.parse(v))).items.length).toBe(before);

    const task = await createTask({ title: 'Good budget', description: 'Work.', assignee: 'emp_402', budgetUsd: 1 });
    const patch = await call('PATCH', `/api/tasks/${task.id}`, { version: task.version, budgetUsd: 1.00001 });
    expect(patch.status).toBe(400);
    expect(apiErrorBody.parse(patch.json).error.fields?.map((f) => f.path)).toEqual(['body.budgetUsd']);
    const missing = await call('GET', '/api/tasks/no-such-task/budget');
    expect(missing.status).toBe(404);
    expect(apiErrorBody.parse(missing.json).error.code).toBe('TASK_NOT_FOUND');
    expect(await settled(task.id)).toMatchObject({ status: 'completed', budgetUsd: 1 });
  });

  it('pauses the runtime until the reported reset, requeues without counting the attempt, and resumes by itself', async () => {
    const counter = join(scratch.path, `limit-${randomBytes(4).toString('hex')}`);
    const limited = await createTask({
      title: 'Hits the limit',
      description: fakeScript('Work until the limit.', { steps: [{ limitUntil: { file: counter, times: 1, resetInMs: 3000 } }, { text: 'Done after the reset.' }] }),
      assignee: 'emp_402',
    });
    const pause = await until('the pause', async () => (await gate()).pauses.find((p) => p.scope === 'runtime:claude-code') ?? null);
    expect(pause).toMatchObject({ runtime: 'claude-code', reason: 'usage_limit', reportedReset: true, taskId: limited.id });
    const [limitedRun] = await runsOf(limited.id);
    expect(limitedRun).toMatchObject({ status: 'failed', errorCode: 'AGENT_RATE_LIMITED' });
    // The reset the agent reported (whole seconds), not a backoff.
    expect(Date.parse(pause.until) % 1000).toBe(0);
    expect(Date.parse(pause.until)).toBeGreaterThan(Date.parse(limitedRun!.endedAt!));

    const queued = await until('the requeue', async () => {
      const t = await getTask(limited.id);
      return t.status === 'queued' ? t : null;
    });
    expect(queued.attempts).toBe(0);
    const requeue = (await timelineOf(limited.id)).filter((e) => e.to === 'queued').at(-1)!;
    expect(requeue.reason).toContain(`paused until ${pause.until}`);
    expect(requeue.data).toMatchObject({ errorCode: 'AGENT_RATE_LIMITED', pausedUntil: pause.until });

    const meanwhile = await createTask({ title: 'Created during the pause', description: 'Work.', assignee: 'emp_402' });
    const [done, other] = await Promise.all([settled(limited.id), settled(meanwhile.id)]);
    expect(done).toMatchObject({ status: 'completed', attempts: 1 });
    expect(other.status).toBe('completed');
    const after = [...(await runsOf(limited.id)).slice(1), ...(await runsOf(meanwhile.id))];
    expect(after).toHaveLength(2);
    for (const run of after) expect(Date.parse(run.createdAt)).toBeGreaterThanOrEqual(Date.parse(pause.until));
    expect((await gate()).pauses).toEqual([]);
  });

  it('pauses for RATE_LIMIT_BACKOFF when the agent reports no reset time', async () => {
    const counter = join(scratch.path, `limit-${randomBytes(4).toString('hex')}`);
    const limited = await createTask({
      title: 'Rate limited',
      description: fakeScript('Work.', { steps: [{ limitUntil: { file: counter, times: 1 } }, { text: 'Done.' }] }),
      assignee: 'emp_402',
    });
    const pause = await until('the pause', async () => (await gate()).pauses.find((p) => p.taskId === limited.id) ?? null);
    expect(pause).toMatchObject({ reason: 'rate_limit', reportedReset: false });
    expect(Date.parse(pause.until) - Date.parse(pause.createdAt)).toBe(BACKOFF_MS);
    const done = await settled(limited.id);
    expect(done).toMatchObject({ status: 'completed', attempts: 1 });
    const runs = await runsOf(limited.id);
    expect(runs).toHaveLength(2);
    expect(Date.parse(runs[1]!.createdAt)).toBeGreaterThanOrEqual(Date.parse(pause.until));
  });

  it('ends a pause early on request and answers 404 for an unknown pause', async () => {
    const missing = await call('DELETE', '/api/dispatch/pauses/runtime:codex');
    expect(missing.status).toBe(404);
    expect(apiErrorBody.parse(missing.json).error.code).toBe('NOT_FOUND');
  });
});
