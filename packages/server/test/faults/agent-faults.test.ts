/**
 * Faults of the agent process, through the real server and the task flow (embedded store):
 *  - an agent that hangs (no output, never exits): the idle limit ends it, run `timed_out`, the
 *    task fails by policy (no retries left);
 *  - an agent that ignores SIGINT and SIGTERM: the same limit escalates to SIGKILL, the run is
 *    `timed_out` and its process group is gone;
 *  - an agent that floods output (10 MB as fast as it can) past RUN_LOG_CAP_MB=1: the run
 *    completes, the stored log stops near the cap with a `log.truncated` event and summaries of
 *    what was left out, the server keeps
 *    answering.
 * Must hold afterwards, read from the store: those statuses, no run active, no task running.
 * (Supervisor-level coverage of the same mechanisms: integration/supervisor-timeouts,
 * supervisor-escalation and supervisor-output.)
 */
import { runList } from '@dash/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistryFixture } from '../support/employee-registry-fixture.js';
import { killAllServers, type SpawnedServer } from '../support/server-process.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';
import { alive, call, createTask, fakeScript, faultTeam, readSqliteStore, sqliteQuery, startFaultServer, stuck, waitForTasks, waitUntil } from './fault-harness.js';

describe('fault: misbehaving agents', () => {
  let registry: RegistryFixture;
  let dataDir: TempDir;
  let server: SpawnedServer;

  beforeAll(async () => {
    registry = await faultTeam(3, 1);
    dataDir = await makeTempDir('dash-fault-agents-');
    server = await startFaultServer(registry, {
      DATA_DIR: dataDir.path,
      MAX_CONCURRENT_PROCESSES: '3',
      AGENT_IDLE_TIMEOUT: '2s',
      RUN_LOG_CAP_MB: '1',
    });
  });
  afterAll(async () => {
    await server?.stop();
    await killAllServers();
    await registry?.cleanup();
    await dataDir?.cleanup();
  });

  it('ends a hanging agent, kills one that ignores SIGTERM, caps one that floods, and leaves nothing stuck', async () => {
    const hang = await createTask(server, 'Hangs', fakeScript('Hang.', { steps: [{ text: 'about to hang' }, { hang: true }] }), { maxRetries: 0 });
    const deaf = await createTask(
      server,
      'Ignores SIGTERM',
      fakeScript('Ignore signals.', { ignoreSignals: ['SIGINT', 'SIGTERM'], steps: [{ text: 'deaf now' }, { hang: true }] }),
      { maxRetries: 0 },
    );
    const flood = await createTask(server, 'Floods', fakeScript('Flood.', { steps: [{ emit: { count: 50_000, text: 'flood', bytes: 200 } }, { text: 'end of flood' }] }), {
      maxRetries: 0,
    });

    // The deaf agent's process group id, while it runs (the store clears pid when a run ends).
    let deafPid: number | null = null;
    await waitUntil('the deaf agent to start', async () => {
      const runs = runList.parse((await call(server, 'GET', `/api/tasks/${deaf.id}/runs`)).json).items;
      deafPid = runs[0]?.pid ?? null;
      return deafPid !== null;
    });
    // While the flood runs, the API keeps answering.
    expect((await call(server, 'GET', '/api/tasks')).status).toBe(200);

    const settled = await waitForTasks(server, [hang.id, deaf.id, flood.id], (t) => t.status === 'failed' || t.status === 'completed', 90_000);
    expect(settled.map((t) => `${t.title}:${t.status}`)).toEqual(['Hangs:failed', 'Ignores SIGTERM:failed', 'Floods:completed']);
    expect((await call(server, 'GET', '/ready')).status).toBe(200);
    expect(await server.stop()).toEqual({ code: 0, signal: null });

    const store = readSqliteStore(dataDir.path);
    expect(stuck(store)).toEqual([]);
    const runOf = (taskId: string) => {
      const runs = store.runs.filter((r) => r.task_id === taskId);
      expect(runs).toHaveLength(1);
      return runs[0]!;
    };
    expect(runOf(hang.id)).toMatchObject({ status: 'timed_out' });
    const deafRun = runOf(deaf.id);
    expect(deafRun).toMatchObject({ status: 'timed_out' });
    expect(deafRun.exit_signal).toBe('SIGKILL');
    expect(alive(deafPid!)).toBe(false);

    const floodRun = runOf(flood.id);
    expect(floodRun.status).toBe('succeeded');
    // The stored log says where it was cut, and summarizes what was left out.
    const types = sqliteQuery<{ type: string; n: number }>(dataDir.path, 'select type, count(*) as n from run_events where run_id = ? group by type', floodRun.id);
    const byType = Object.fromEntries(types.map((t) => [t.type, Number(t.n)]));
    expect(byType['log.truncated']).toBe(1);
    expect(byType['log.summary']).toBeGreaterThan(0);
    // The cap is on stored bytes: 1 MB, plus at most the summary events written after it.
    expect(floodRun.event_bytes).toBeLessThan(2 * 1024 * 1024);
    const events = store.events.get(floodRun.id);
    expect(events?.rows).toBe(events?.distinctSeq);
    expect(events!.rows).toBeLessThan(50_000);
  });
});
