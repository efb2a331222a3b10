/**
 * BUDGET_STOP_RUNNING through the BUILT server and the fake agent (as `claude`): once everyone's
 * daily budget (BUDGET_DAILY_USD) is spent by one task's run, another task's live run is stopped
 * cleanly and that task goes back to the queue with the attempt not counted; nothing new starts.
 */
import { dispatchGateStatus, runList, task as taskSchema, taskTimeline, type Run, type Task } from '@dash/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_AGENT } from '../fixtures/fake-agent/fake-agent-runner.js';
import { fakeScript, teamMember, teamRegistry } from '../support/core-loop-harness.js';
import { makeRegistryFixture, type RegistryFixture } from '../support/employee-registry-fixture.js';
import { killAllServers, startServer, type SpawnedServer } from '../support/server-process.js';

const DAILY = 0.001;

describe('BUDGET_STOP_RUNNING e2e', () => {
  let server: SpawnedServer;
  let registry: RegistryFixture;

  /** Every API call of this file goes through here (credentials from server-process.ts). */
  const api = async <T>(method: string, path: string, body: unknown, parse: (v: unknown) => T, status = 200): Promise<T> => {
    const res = await server.api(path, { method, ...(body !== undefined && { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }) });
    const text = await res.text();
    if (res.status !== status) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return parse(text === '' ? null : JSON.parse(text));
  };
  const getTask = (id: string): Promise<Task> => api('GET', `/api/tasks/${id}`, undefined, (v) => taskSchema.parse(v));
  const runsOf = async (id: string): Promise<Run[]> => (await api('GET', `/api/tasks/${id}/runs`, undefined, (v) => runList.parse(v))).items;
  const until = async <T>(what: string, probe: () => Promise<T | null>, timeoutMs = 30_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== null) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${server.stdout().slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const inStatus = (id: string, status: Task['status']): Promise<Task> =>
    until(`task ${id} to be ${status}`, async () => {
      const t = await getTask(id);
      return t.status === status ? t : null;
    });

  beforeAll(async () => {
    registry = await makeRegistryFixture();
    await registry.write(teamRegistry([teamMember('emp_471'), teamMember('emp_472')]));
    server = await startServer({
      env: {
        AGENT_CLAUDE_BIN: FAKE_AGENT,
        AGENT_CODEX_BIN: '/nonexistent/codex',
        AGENT_MAX_RESTARTS: '0',
        AGENT_STOP_GRACE: '2s',
        EMPLOYEE_REGISTRY_DIR: registry.path,
        DISPATCH_INTERVAL: '200ms',
        BUDGET_DAILY_USD: String(DAILY),
        BUDGET_STOP_RUNNING: 'true',
      },
    });
  }, 60_000);

  afterAll(async () => {
    if (server) expect(await server.stop()).toEqual({ code: 0, signal: null });
    await killAllServers();
    await registry?.cleanup();
  }, 60_000);

  it('stops a live run once the global budget is spent and requeues its task without counting the attempt', async () => {
    const long = await api('POST', '/api/tasks', { title: 'Long', description: fakeScript('Work long.', { steps: [{ text: 'started' }, { sleep: 120_000 }] }), assignee: 'emp_471' }, (v) => taskSchema.parse(v), 201);
    await inStatus(long.id, 'running');
    const spender = await api('POST', '/api/tasks', { title: 'Spender', description: 'Work.', assignee: 'emp_472' }, (v) => taskSchema.parse(v), 201);
    await inStatus(spender.id, 'completed');
    const [spent] = await runsOf(spender.id);
    expect(spent!.usage.costUsd).toBeGreaterThanOrEqual(DAILY);

    const requeued = await until('the stopped task back in the queue', async () => {
      const t = await getTask(long.id);
      return t.status === 'queued' && t.lastRunId !== null ? t : null;
    });
    expect(requeued.attempts).toBe(0);
    const [stopped] = await runsOf(long.id);
    expect(stopped!.status).toBe('cancelled');
    const timeline = (await api('GET', `/api/tasks/${long.id}/timeline`, undefined, (v) => taskTimeline.parse(v))).items;
    const viaFailed = timeline.filter((e) => e.to === 'failed').at(-1)!;
    expect(viaFailed.reason).toMatch(/^Stopped: the daily budget of \$0\.001 is spent/);
    const gate = await api('GET', '/api/dispatch/gate', undefined, (v) => dispatchGateStatus.parse(v));
    expect(gate.budgets.find((b) => b.id === '*')).toMatchObject({ limitUsd: DAILY, state: 'hard' });
    // The requeued task is not started again while the budget is spent.
    expect((await getTask(long.id)).status).toBe('queued');
    expect(await runsOf(long.id)).toHaveLength(1);
  });
});
