/**
 * The core loop over real HTTP against the built server, on both backends: embedded (SQLite and
 * the embedded queue) and scale-out (a fresh PostgreSQL database and BullMQ on Redis under a
 * random QUEUE_PREFIX). A private registry of three employees on the fake agent (as `claude`),
 * MAX_CONCURRENT_PROCESSES=2.
 *
 * 30 tasks with mixed priorities, two for an explicit assignee, a dependency chain of six and one
 * flaky task are created while the team is paused; activating the team starts dispatch. All
 * finish; the recorded runs show that ready tasks started in priority order, dependents only
 * after their dependencies, and that neither the cap nor any employee's slots were exceeded. Then
 * one task is reopened with a reason and runs again, one is resolved, and bad requests answer
 * 400/404/409 with their codes and change nothing.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import {
  apiErrorBody,
  dashboardStats,
  employeeView,
  run as runSchema,
  runList,
  task as taskSchema,
  taskList,
  taskTimeline,
  type Run,
  type Task,
  type TaskPriority,
} from '@dash/shared';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_AGENT } from '../fixtures/fake-agent/fake-agent-runner.js';
import { fakeScript, teamMember, teamRegistry } from '../support/core-loop-harness.js';
import { makeRegistryFixture, type RegistryFixture } from '../support/employee-registry-fixture.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { killAllServers, startServer, type SpawnedServer } from '../support/server-process.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const CAP = 2;
const SLOTS: Record<string, number> = { emp_201: 1, emp_202: 1, emp_203: 2 };
const WEIGHT: Record<TaskPriority, number> = { low: 1, medium: 2, high: 3, urgent: 4 };

interface Backend {
  name: string;
  env(): Promise<Record<string, string>>;
  cleanup(): Promise<void>;
}

const embedded: Backend = { name: 'embedded (SQLite, embedded queue)', env: async () => ({}), cleanup: async () => undefined };

function scaled(): Backend {
  let database: TestDatabase | null = null;
  const prefix = `dash-e2e-${randomBytes(5).toString('hex')}`;
  return {
    name: 'scale-out (PostgreSQL, BullMQ on Redis)',
    async env() {
      database = await createTestDatabase();
      return { DATABASE_URL: database.url, REDIS_URL, QUEUE_PREFIX: prefix };
    },
    async cleanup() {
      await database?.drop();
      const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
      try {
        for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 }) as AsyncIterable<string[]>) {
          if (keys.length > 0) await redis.del(...keys);
        }
      } finally {
        await redis.quit();
      }
    },
  };
}

/** Most runs alive at the same moment, from their recorded start and end times. */
function maxOverlap(runs: readonly Run[]): number {
  const points = runs.flatMap((r) => [
    { t: Date.parse(r.startedAt ?? ''), d: 1 },
    { t: Date.parse(r.endedAt ?? ''), d: -1 },
  ]);
  expect(points.every((p) => Number.isFinite(p.t))).toBe(true);
  points.sort((a, b) => a.t - b.t || a.d - b.d);
  let live = 0;
  let max = 0;
  for (const p of points) max = Math.max(max, (live += p.d));
  return max;
}

describe.each([embedded, scaled()])('core loop e2e: $name', (backend) => {
  let server: SpawnedServer;
  let registry: RegistryFixture;
  let scratch: TempDir;

  const url = (path: string): string => `${server.url}${path}`;
  const call = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> => {
    const res = await server.api(path, {
      method,
      ...(body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
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
  const errorOf = (json: unknown) => apiErrorBody.parse(json).error;
  const waitFor = async (id: string, predicate: (t: Task) => boolean, timeoutMs = 30_000): Promise<Task> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const t = await getTask(id);
      if (predicate(t)) return t;
      if (Date.now() > deadline) throw new Error(`task ${t.title} is still ${t.status}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const runsOfTask = async (id: string): Promise<Run[]> => ok('GET', `/api/tasks/${id}/runs`, undefined, (v) => runList.parse(v)).then((l) => l.items);

  beforeAll(async () => {
    scratch = await makeTempDir('dash-core-loop-');
    registry = await makeRegistryFixture();
    await registry.write(
      teamRegistry(
        Object.entries(SLOTS).map(([id, slots]) => teamMember(id, { status: 'paused', maxConcurrentTasks: slots })),
      ),
    );
    server = await startServer({
      env: {
        AGENT_CLAUDE_BIN: FAKE_AGENT,
        AGENT_CODEX_BIN: '/nonexistent/codex',
        AGENT_STOP_GRACE: '300ms',
        // Task-level retries, not supervisor restarts, are what the flaky task exercises.
        AGENT_MAX_RESTARTS: '0',
        MAX_CONCURRENT_PROCESSES: String(CAP),
        EMPLOYEE_REGISTRY_DIR: registry.path,
        DISPATCH_INTERVAL: '200ms',
        TASK_RETRY_BACKOFF: '200ms',
        ...(await backend.env()),
      },
    });
  });

  afterAll(async () => {
    if (server) expect(await server.stop()).toEqual({ code: 0, signal: null });
    await killAllServers();
    await backend.cleanup();
    await registry?.cleanup();
    await scratch?.cleanup();
  });

  let created: Task[] = [];
  let chain: Task[] = [];
  let flaky: Task;

  it('runs 30 tasks in priority and dependency order, within the cap and every employee\'s slots', async () => {
    const work = (ms = 150): string => fakeScript('Do the work.', { steps: [{ sleep: ms }, { text: 'Done.' }] });
    const priorities: TaskPriority[] = ['low', 'urgent', 'medium', 'high', 'medium', 'low', 'high', 'urgent', 'medium', 'low', 'high'];
    created = [];
    for (let i = 0; i < 22; i += 1) {
      created.push(
        await createTask({
          title: `Task ${i}`,
          description: work(),
          priority: priorities[i % priorities.length],
          labels: [i % 2 ? 'odd' : 'even'],
          ...(i === 5 || i === 12 ? { assignee: 'emp_203' } : {}),
        }),
      );
    }
    chain = [];
    for (let i = 0; i < 6; i += 1) {
      const prev = chain.at(-1);
      chain.push(await createTask({ title: `Chain ${i}`, description: work(80), priority: i % 2 ? 'urgent' : 'low', ...(prev && { dependsOn: [prev.id] }) }));
    }
    flaky = await createTask({
      title: 'Flaky',
      description: fakeScript('x', { steps: [{ crashUntil: { file: join(scratch.path, 'flaky'), times: 1, code: 5 } }, { text: 'ok' }] }),
      priority: 'high',
      maxRetries: 2,
    });
    const lonely = await createTask({ title: 'Labelled', description: work(50), priority: 'medium', requiredSkills: ['backend_development'], labels: ['solo'] });
    const all = [...created, ...chain, flaky, lonely];
    expect(all).toHaveLength(30);
    expect(chain.slice(1).every((t) => t.status === 'pending')).toBe(true);
    // Nobody is active yet: nothing has started.
    expect(runList.parse((await call('GET', '/api/runs')).json).items).toEqual([]);

    for (const id of Object.keys(SLOTS)) await ok('PATCH', `/api/employees/${id}`, { status: 'active' }, (v) => employeeView.parse(v));
    for (const t of all) await waitFor(t.id, (x) => x.status === 'completed', 60_000);

    const runs = runList.parse((await call('GET', '/api/runs?limit=200')).json).items;
    expect(runs.every((r) => r.status === 'succeeded' || (r.taskId === flaky.id && r.status === 'failed'))).toBe(true);
    expect(runs).toHaveLength(31);

    // The cap and every employee's slots held at every moment.
    expect(maxOverlap(runs)).toBeLessThanOrEqual(CAP);
    for (const [id, slots] of Object.entries(SLOTS)) expect(maxOverlap(runs.filter((r) => r.employeeId === id))).toBeLessThanOrEqual(slots);

    // Tasks queued before dispatch began and open to anyone started in dispatch order.
    const firstRun = new Map<string, Run>();
    for (const r of [...runs].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) if (!firstRun.has(r.taskId!)) firstRun.set(r.taskId!, r);
    const upFront = [...created, chain[0]!, flaky, lonely].filter((t) => t.assignee === null);
    const started = [...upFront].sort((a, b) => firstRun.get(a.id)!.createdAt.localeCompare(firstRun.get(b.id)!.createdAt));
    const expected = [...upFront].sort((a, b) => WEIGHT[b.priority] - WEIGHT[a.priority] || a.queuedAt!.localeCompare(b.queuedAt!));
    expect(started.map((t) => `${t.priority}:${t.title}`)).toEqual(expected.map((t) => `${t.priority}:${t.title}`));

    // Explicit assignees were honoured; dependents started only after their dependency ended.
    for (const t of created.filter((x) => x.assignee !== null)) expect(firstRun.get(t.id)?.employeeId).toBe('emp_203');
    for (let i = 1; i < chain.length; i += 1) {
      const before = firstRun.get(chain[i - 1]!.id)!;
      expect(Date.parse(firstRun.get(chain[i]!.id)!.startedAt!)).toBeGreaterThanOrEqual(Date.parse(before.endedAt!));
    }

    // The flaky task failed once and was retried after the backoff; the timeline says why.
    expect((await getTask(flaky.id)).attempts).toBe(2);
    const flakyTimeline = taskTimeline.parse((await call('GET', `/api/tasks/${flaky.id}/timeline`)).json).items;
    expect(flakyTimeline.map((e) => `${e.from}>${e.to}`)).toEqual([
      'null>queued',
      'queued>running',
      'running>failed',
      'failed>queued',
      'queued>running',
      'running>completed',
    ]);
    expect(flakyTimeline[2]?.reason).toMatch(/^AGENT_CRASHED/);
    expect(flakyTimeline[3]).toMatchObject({ actor: 'dispatcher', reason: 'Retry: attempt 2 of 3 in 0.2 s' });

    const done = await getTask(lonely.id);
    expect(done.assignment).toMatchObject({ mode: 'automatic', score: { skillMatch: 1 } });
    expect(done.assignment?.candidates.length).toBeGreaterThan(0);
  });

  it('reopens a task with a reason so it runs again, and resolves another', async () => {
    const target = created[3]!;
    const before = await getTask(target.id);
    const reopened = await ok('POST', `/api/tasks/${target.id}/reopen`, { reason: 'The summary is missing', reassignTo: 'emp_202' }, (v) => taskSchema.parse(v));
    expect(reopened).toMatchObject({ status: 'queued', attempts: 0, assignee: 'emp_202' });
    const again = await waitFor(target.id, (t) => t.status === 'completed' && t.lastRunId !== before.lastRunId);
    expect(again.assignedTo).toBe('emp_202');
    const runs = await runsOfTask(target.id);
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    const timeline = taskTimeline.parse((await call('GET', `/api/tasks/${target.id}/timeline`)).json).items;
    // The actor is who called the API: here the DASHBOARD_ADMIN_TOKEN, owned by `automation`.
    const caller = 'automation (token DASHBOARD_ADMIN_TOKEN)';
    expect(timeline.slice(-4).map((e) => `${e.from}>${e.to}:${e.actor}`)).toEqual([
      `completed>reopened:${caller}`,
      `reopened>queued:${caller}`,
      'queued>running:dispatcher',
      'running>completed:dispatcher',
    ]);
    expect(timeline.at(-4)?.reason).toBe('The summary is missing');
    const comments = (await call('GET', `/api/tasks/${target.id}/comments`)).json as { items: Array<{ kind: string; body: string }> };
    expect(comments.items).toEqual([expect.objectContaining({ kind: 'reopen_reason', body: 'The summary is missing' })]);

    const resolved = await ok('POST', `/api/tasks/${created[4]!.id}/resolve`, { comment: 'Accepted' }, (v) => taskSchema.parse(v));
    expect(resolved.status).toBe('resolved');
    const list = await ok('GET', '/api/tasks?status=resolved', undefined, (v) => taskList.parse(v));
    expect(list.items.map((t) => t.id)).toEqual([created[4]!.id]);
  });

  it('answers bad requests with 400/404/409 and stable codes, changing nothing', async () => {
    const count = async (): Promise<number> => dashboardStats.parse((await call('GET', '/api/stats')).json).tasks.total;
    const total = await count();

    let res = await call('POST', '/api/tasks', { title: '', priority: 'asap', status: 'completed' });
    expect(res.status).toBe(400);
    expect(errorOf(res.json)).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(errorOf(res.json).fields?.map((f) => f.path)).toEqual(expect.arrayContaining(['body.title', 'body.description', 'body.priority']));
    res = await call('POST', '/api/tasks', { title: 'x', description: 'y', assignee: 'emp_999' });
    expect([res.status, errorOf(res.json).code, errorOf(res.json).fields?.[0]?.path]).toEqual([400, 'VALIDATION_FAILED', 'body.assignee']);
    res = await call('POST', '/api/tasks', { title: 'x', description: 'y', dependsOn: ['nope'] });
    expect([res.status, errorOf(res.json).code]).toEqual([400, 'TASK_DEPENDENCY_NOT_FOUND']);
    expect(await count()).toBe(total);

    for (const [method, path] of [
      ['GET', '/api/tasks/nope'],
      ['POST', '/api/tasks/nope/resolve'],
      ['GET', '/api/tasks/nope/timeline'],
      ['DELETE', '/api/tasks/nope'],
    ] as const) {
      res = await call(method, path);
      expect([method, path, res.status, errorOf(res.json).code]).toEqual([method, path, 404, 'TASK_NOT_FOUND']);
    }

    // Reopen without a reason; a stale edit; a dependency cycle.
    const done = await getTask(created[6]!.id);
    res = await call('POST', `/api/tasks/${done.id}/reopen`, {});
    expect([res.status, errorOf(res.json).code]).toEqual([409, 'TASK_REOPEN_REASON_REQUIRED']);
    res = await call('PATCH', `/api/tasks/${done.id}`, { version: done.version - 1, title: 'stale' });
    expect([res.status, errorOf(res.json).code]).toEqual([409, 'TASK_VERSION_CONFLICT']);
    expect(await getTask(done.id)).toEqual(done);

    // A running task: cannot be resolved or deleted; cancelling stops its run.
    const long = await createTask({ title: 'Long', description: fakeScript('x', { steps: [{ sleep: 30_000 }] }) });
    const running = await waitFor(long.id, (t) => t.status === 'running');
    res = await call('POST', `/api/tasks/${long.id}/resolve`, {});
    expect([res.status, errorOf(res.json).code]).toEqual([409, 'TASK_ILLEGAL_TRANSITION']);
    res = await call('DELETE', `/api/tasks/${long.id}`);
    expect([res.status, errorOf(res.json).code]).toEqual([409, 'TASK_RUNNING']);
    res = await call('PATCH', `/api/tasks/${long.id}`, { version: running.version, dependsOn: [done.id] });
    expect([res.status, errorOf(res.json).code]).toEqual([409, 'TASK_NOT_EDITABLE']);
    expect(await getTask(long.id)).toEqual(running);
    const cancelled = await ok('POST', `/api/tasks/${long.id}/cancel`, { reason: 'Taking too long' }, (v) => taskSchema.parse(v));
    expect(cancelled.status).toBe('cancelled');
    const deadline = Date.now() + 10_000;
    let run = runSchema.parse((await call('GET', `/api/runs/${running.lastRunId}`)).json);
    while (run.status !== 'cancelled' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      run = runSchema.parse((await call('GET', `/api/runs/${running.lastRunId}`)).json);
    }
    expect(run.status).toBe('cancelled');
    expect((await getTask(long.id)).status).toBe('cancelled');

    // A dependency cycle through an edit (A waits for its paused assignee, so it stays queued).
    await ok('PATCH', '/api/employees/emp_201', { status: 'paused' }, (v) => employeeView.parse(v));
    const a = await createTask({ title: 'A', description: 'x', assignee: 'emp_201' });
    const b = await createTask({ title: 'B', description: 'x', dependsOn: [a.id] });
    res = await call('PATCH', `/api/tasks/${a.id}`, { version: a.version, dependsOn: [b.id] });
    expect([res.status, errorOf(res.json).code]).toEqual([400, 'TASK_DEPENDENCY_CYCLE']);
    expect(await getTask(a.id)).toEqual(a);
    await ok('POST', `/api/tasks/${a.id}/cancel`, {}, (v) => taskSchema.parse(v));
    expect((await getTask(b.id)).status).toBe('blocked');
    await ok('POST', `/api/tasks/${b.id}/cancel`, undefined, (v) => taskSchema.parse(v));
    await ok('PATCH', '/api/employees/emp_201', { status: 'active' }, (v) => employeeView.parse(v));
  });

  it('reports stats, employee stats, metrics and the OpenAPI document', async () => {
    const stats = dashboardStats.parse((await call('GET', '/api/stats')).json);
    expect(stats.tasks.byStatus.completed + stats.tasks.byStatus.resolved).toBe(30);
    expect(stats.tasks.byStatus.cancelled).toBe(3);
    expect(stats.throughput.completed).toBe(30);
    expect(stats.cost.totalUsd).toBeGreaterThan(0);
    expect(stats.cost.todayUsd).toBe(stats.cost.totalUsd);

    const emp = employeeView.parse((await call('GET', '/api/employees/emp_203')).json);
    expect(emp.stats?.runs).toBeGreaterThan(0);
    expect(emp.stats?.successRate).toBeGreaterThan(0);
    expect(emp.workload).toMatchObject({ slotsMax: 2, slotsUsed: 0 });

    const metrics = await (await fetch(url('/metrics'))).text();
    expect(metrics).toMatch(/dashboard_tasks_total\{outcome="completed",employee="emp_20[123]"\} \d+/);
    expect(metrics).toMatch(/dashboard_task_queue_depth\{state="completed"\} \d+/);
    expect(metrics).toMatch(/dashboard_task_queue_wait_seconds_count [1-9]/);
    expect(metrics).toMatch(/dashboard_task_run_duration_seconds_count [1-9]/);

    const doc = (await (await fetch(url('/api/docs/json'))).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.0.3');
    for (const path of ['/api/tasks', '/api/tasks/{id}', '/api/tasks/{id}/reopen', '/api/tasks/{id}/timeline', '/api/stats', '/api/employees', '/api/runs']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(Object.keys(doc.paths['/api/tasks/{id}'] ?? {}).sort()).toEqual(['delete', 'get', 'patch']);
    const page = await fetch(url('/api/docs/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
  });
});
