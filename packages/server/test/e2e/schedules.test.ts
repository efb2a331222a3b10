/**
 * Schedules through the BUILT server and the fake agent (as `claude`), SQLite on a DATA_DIR kept
 * across a restart:
 *  - bad input answers 400 with SCHEDULE_CRON_INVALID / VALIDATION_FAILED naming the field (404
 *    WORKFLOW_TEMPLATE_NOT_FOUND for a workflow target naming no template in force), and creates
 *    nothing;
 *  - next fire times follow the expression in its time zone;
 *  - a schedule fires by itself: tasks created by `schedule:<id>` run to the end and the schedule
 *    records what it created; disabled it has no next fire; deleted it is gone;
 *  - a schedule whose target is a workflow template starts a workflow run of that template (its
 *    steps, in order, run to the end by the fake agent) and records `workflow:<id>`;
 *  - missed fires (the server was down at the fire time): `skip` runs nothing and records the
 *    skipped fire, `run_once` starts its task once on catch-up; both go on with the next fire.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  apiErrorBody,
  schedule as scheduleSchema,
  scheduleList,
  scheduleNextRuns,
  task as taskSchema,
  workflowRun,
  type Schedule,
  type Task,
  type WorkflowRun,
  type WorkflowTemplateFileInput,
} from '@dash/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_AGENT } from '../fixtures/fake-agent/fake-agent-runner.js';
import { fakeScript, teamMember, teamRegistry } from '../support/core-loop-harness.js';
import { makeRegistryFixture, type RegistryFixture } from '../support/employee-registry-fixture.js';
import { killAllServers, startServer, type SpawnedServer } from '../support/server-process.js';

/** SCHEDULES_CHECK_SECONDS=1: the grace before a fire counts as missed is 5 s (app-schedules.ts). */
const GRACE_MS = 5_000;

/** A two-step template for emp_481's role, written beside the shipped ones before the server boots. */
const SCHEDULED_FLOW: WorkflowTemplateFileInput = {
  version: 1,
  id: 'scheduled_check',
  name: 'Scheduled check',
  description: 'Build, then check: started by a schedule.',
  phases: [
    { key: 'build', name: 'Build', description: 'Build it.', instructions: 'Build the thing.', requiredRoles: ['senior_developer'] },
    { key: 'check', name: 'Check', description: 'Check it.', instructions: 'Check what was built.', requiredRoles: ['senior_developer'], dependsOn: ['build'] },
  ],
};

describe('schedules e2e', () => {
  let server: SpawnedServer;
  let registry: RegistryFixture;
  let dataDir: string;

  const boot = async (): Promise<SpawnedServer> =>
    startServer({
      env: {
        DATA_DIR: dataDir,
        AGENT_CLAUDE_BIN: FAKE_AGENT,
        AGENT_CODEX_BIN: '/nonexistent/codex',
        EMPLOYEE_REGISTRY_DIR: registry.path,
        DISPATCH_INTERVAL: '200ms',
        SCHEDULES_CHECK_SECONDS: '1',
      },
    });

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
  const getSchedule = (id: string): Promise<Schedule> => ok('GET', `/api/schedules/${id}`, undefined, (v) => scheduleSchema.parse(v));
  const getTask = (id: string): Promise<Task> => ok('GET', `/api/tasks/${id}`, undefined, (v) => taskSchema.parse(v));
  const until = async <T>(what: string, probe: () => Promise<T | null>, timeoutMs = 30_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== null) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${server.stdout().slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const taskTarget = (title: string) => ({ kind: 'task', task: { title, description: 'Scheduled work.', assignee: 'emp_481' } });
  const taskIdOf = (s: Schedule): string => {
    expect(s.lastResult).toMatch(/^task:/);
    return s.lastResult!.slice('task:'.length);
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'dash-schedules-'));
    registry = await makeRegistryFixture();
    await registry.write(teamRegistry([teamMember('emp_481', { maxConcurrentTasks: 2 })]));
    writeFileSync(join(registry.path, 'workflows', 'scheduled-check.json'), `${JSON.stringify(SCHEDULED_FLOW, null, 2)}\n`);
    server = await boot();
  }, 60_000);

  afterAll(async () => {
    if (server) await server.stop();
    await killAllServers();
    await registry?.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('rejects a bad expression, time zone or body with the field at fault, creating nothing', async () => {
    const badCron = await call('POST', '/api/schedules', { name: 'x', cron: 'every day', target: taskTarget('x') });
    expect(badCron.status).toBe(400);
    expect(apiErrorBody.parse(badCron.json).error).toMatchObject({ code: 'SCHEDULE_CRON_INVALID', fields: [expect.objectContaining({ path: 'body.cron' })] });
    const badZone = await call('POST', '/api/schedules', { name: 'x', cron: '0 9 * * *', timezone: 'Mars/Olympus', target: taskTarget('x') });
    expect(badZone.status).toBe(400);
    expect(apiErrorBody.parse(badZone.json).error).toMatchObject({ code: 'SCHEDULE_CRON_INVALID', fields: [expect.objectContaining({ path: 'body.timezone' })] });
    const badBody = await call('POST', '/api/schedules', { name: 'x', cron: '0 9 * * *', missedRunPolicy: 'later', target: taskTarget('x') });
    expect(badBody.status).toBe(400);
    expect(apiErrorBody.parse(badBody.json).error.code).toBe('VALIDATION_FAILED');
    const unknownTemplate = await call('POST', '/api/schedules', { name: 'x', cron: '0 9 * * *', target: { kind: 'workflow', workflow: { templateId: 'no_such_flow', title: 'x', request: 'y' } } });
    expect(unknownTemplate.status).toBe(404);
    expect(apiErrorBody.parse(unknownTemplate.json).error).toMatchObject({
      code: 'WORKFLOW_TEMPLATE_NOT_FOUND',
      fields: [expect.objectContaining({ path: 'body.target.workflow.templateId' })],
    });
    expect((await ok('GET', '/api/schedules', undefined, (v) => scheduleList.parse(v))).items).toEqual([]);
    expect((await call('GET', '/api/schedules/nope')).status).toBe(404);
  });

  it('lists next fire times in the schedule\'s time zone', async () => {
    const created = await ok('POST', '/api/schedules', { name: 'Weekday standup', cron: '0 9 * * 1-5', timezone: 'Europe/Berlin', enabled: true, target: taskTarget('Standup') }, (v) => scheduleSchema.parse(v), 201);
    const next = await ok('GET', `/api/schedules/${created.id}/next?count=7`, undefined, (v) => scheduleNextRuns.parse(v));
    expect(next.times).toHaveLength(7);
    expect(next.times[0]).toBe(created.nextRunAt);
    const berlin = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'short', hour: '2-digit', minute: '2-digit', hour12: false });
    for (const t of next.times) {
      const parts = Object.fromEntries(berlin.formatToParts(new Date(t)).map((p) => [p.type, p.value]));
      expect(`${parts['hour']}:${parts['minute']}`).toBe('09:00');
      expect(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']).toContain(parts['weekday']);
    }
    expect((await call('DELETE', `/api/schedules/${created.id}`)).status).toBe(204);
    expect((await call('GET', `/api/schedules/${created.id}`)).status).toBe(404);
  });

  it('fires by itself, creating tasks that run; disabled it has no next fire', async () => {
    const created = await ok('POST', '/api/schedules', { name: 'Every 2 s', cron: '*/2 * * * * *', target: taskTarget('Recurring') }, (v) => scheduleSchema.parse(v), 201);
    expect(created.nextRunAt).not.toBeNull();
    const fired = await until('a fire', async () => {
      const s = await getSchedule(created.id);
      return s.lastResult !== null ? s : null;
    });
    expect(fired.lastError).toBeNull();
    const task = await until('the scheduled task to finish', async () => {
      const t = await getTask(taskIdOf(fired));
      return t.status === 'completed' ? t : null;
    });
    expect(task).toMatchObject({ title: 'Recurring', createdBy: `schedule:${created.id}`, assignedTo: 'emp_481' });
    expect(Date.parse(fired.nextRunAt!)).toBeGreaterThan(Date.parse(fired.lastRunAt!));

    const disabled = await ok('PATCH', `/api/schedules/${created.id}`, { enabled: false }, (v) => scheduleSchema.parse(v));
    expect(disabled).toMatchObject({ enabled: false, nextRunAt: null });
    expect((await ok('GET', `/api/schedules/${created.id}/next`, undefined, (v) => scheduleNextRuns.parse(v))).times).toEqual([]);
  });

  it('fires a workflow target: the run has the template\'s steps, run in order to the end, and the fire is recorded', async () => {
    // One fire a minute, a few seconds ahead: the test sees exactly one fire.
    const second = new Date(Date.now() + 4_000).getUTCSeconds();
    const request = fakeScript('Check the nightly build.', { steps: [{ sleep: 200 }, { text: 'Checked.' }] });
    const created = await ok(
      'POST',
      '/api/schedules',
      { name: 'Nightly check', cron: `${second} * * * * *`, target: { kind: 'workflow', workflow: { templateId: 'scheduled_check', title: 'Nightly check', request } } },
      (v) => scheduleSchema.parse(v),
      201,
    );
    expect(created.target).toMatchObject({ kind: 'workflow', workflow: { templateId: 'scheduled_check', priority: 'medium' } });
    const dueAt = created.nextRunAt!;
    const fired = await until('the workflow fire', async () => {
      const s = await getSchedule(created.id);
      return s.lastResult !== null || s.lastError !== null ? s : null;
    });
    expect(fired.lastError).toBeNull();
    expect(fired.lastResult).toMatch(/^workflow:/);
    expect(Date.parse(fired.lastRunAt!)).toBeGreaterThanOrEqual(Date.parse(dueAt));
    expect(Date.parse(fired.nextRunAt!) - Date.parse(dueAt)).toBe(60_000);
    const runId = fired.lastResult!.slice('workflow:'.length);

    const getRun = (id: string): Promise<WorkflowRun> => ok('GET', `/api/workflows/runs/${id}`, undefined, (v) => workflowRun.parse(v));
    const run = await until('the scheduled workflow run to finish', async () => {
      const r = await getRun(runId);
      return r.status === 'completed' || r.status === 'failed' || r.status === 'cancelled' ? r : null;
    }, 60_000);
    expect(run).toMatchObject({
      status: 'completed',
      templateId: 'scheduled_check',
      title: 'Nightly check',
      request,
      createdBy: `schedule:${created.id}`,
      selection: { mode: 'explicit' },
    });
    expect(run.steps.map((s) => [s.key, s.status])).toEqual([
      ['build', 'completed'],
      ['check', 'completed'],
    ]);
    // Each step ran as a task of emp_481's; the second began once the first had completed.
    const [build, check] = await Promise.all(run.steps.map((s) => getTask(s.tasks[0]!.taskId)));
    expect([build, check].map((t) => [t!.assignedTo, t!.status])).toEqual([
      ['emp_481', 'completed'],
      ['emp_481', 'completed'],
    ]);
    expect(Date.parse(run.steps[1]!.startedAt!)).toBeGreaterThanOrEqual(Date.parse(run.steps[0]!.completedAt!));

    // Pointing it at a template that is not in force is refused, naming the field; nothing changes.
    const retarget = await call('PATCH', `/api/schedules/${created.id}`, { target: { kind: 'workflow', workflow: { templateId: 'no_such_flow', title: 'x', request: 'y' } } });
    expect(retarget.status).toBe(404);
    expect(apiErrorBody.parse(retarget.json).error.fields).toEqual([expect.objectContaining({ path: 'body.target.workflow.templateId' })]);
    expect((await getSchedule(created.id)).target).toEqual(created.target);

    // The one fire started one run (the next is a minute away); then the schedule goes.
    expect((await call('DELETE', `/api/schedules/${created.id}`)).status).toBe(204);
    const runs = await ok('GET', '/api/workflows/runs?templateId=scheduled_check', undefined, (v) => v as { items: Array<{ id: string; createdBy: string }> });
    expect(runs.items.map((r) => [r.id, r.createdBy])).toEqual([[runId, `schedule:${created.id}`]]);
  }, 90_000);

  it('handles fires missed while the server was down by policy: skip runs nothing, run_once runs once', async () => {
    // One fire a minute, at a second far enough ahead to stop the server before it.
    const second = new Date(Date.now() + 12_000).getUTCSeconds();
    const cron = `${second} * * * * *`;
    const skip = await ok('POST', '/api/schedules', { name: 'Skip', cron, missedRunPolicy: 'skip', target: taskTarget('Skipped') }, (v) => scheduleSchema.parse(v), 201);
    const once = await ok('POST', '/api/schedules', { name: 'Once', cron, missedRunPolicy: 'run_once', target: taskTarget('Caught up') }, (v) => scheduleSchema.parse(v), 201);
    const dueAt = Date.parse(skip.nextRunAt!);
    expect(Date.parse(once.nextRunAt!)).toBe(dueAt);
    await server.stop();
    // Down past the fire and its grace: the fire was missed.
    await new Promise((r) => setTimeout(r, Math.max(0, dueAt + GRACE_MS + 1_000 - Date.now())));
    server = await boot();

    const skipped = await until('the skip decision', async () => {
      const s = await getSchedule(skip.id);
      return s.lastError !== null ? s : null;
    });
    expect(skipped).toMatchObject({ lastResult: null, lastRunAt: null, lastError: `missed fire of ${new Date(dueAt).toISOString()} skipped` });
    // The next fire of the same expression, after the restart.
    expect(Date.parse(skipped.nextRunAt!)).toBeGreaterThan(dueAt + GRACE_MS);
    expect((Date.parse(skipped.nextRunAt!) - dueAt) % 60_000).toBe(0);
    const caughtUp = await until('the catch-up fire', async () => {
      const s = await getSchedule(once.id);
      return s.lastResult !== null ? s : null;
    });
    expect(Date.parse(caughtUp.lastRunAt!)).toBeGreaterThan(dueAt + GRACE_MS);
    expect(caughtUp.nextRunAt).toBe(skipped.nextRunAt);
    const task = await until('the catch-up task to finish', async () => {
      const t = await getTask(taskIdOf(caughtUp));
      return t.status === 'completed' ? t : null;
    });
    expect(task).toMatchObject({ title: 'Caught up', createdBy: `schedule:${once.id}` });
  }, 90_000);
});
