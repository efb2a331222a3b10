/**
 * Fault: the server is killed with SIGKILL while tasks are running (embedded: SQLite and the
 * embedded queue). Must hold afterwards, read from the store once the restarted server has
 * settled everything: the interrupted runs are `lost` (RUN_LOST), their tasks were requeued by
 * the retry policy and completed, no run is left active and no task `running`.
 * (The orphan-killing half of reconciliation is e2e/runs-api.test.ts "server killed mid-run".)
 */
import type { Task } from '@dash/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { killAllServers } from '../support/server-process.js';
import { makeTempDir } from '../support/temp-dir.js';
import { createTask, fakeScript, faultTeam, getTask, readSqliteStore, startFaultServer, stuck, waitForTasks, waitUntil } from './fault-harness.js';

afterAll(async () => {
  await killAllServers();
});

describe('fault: kill -9 of the server mid-run', () => {
  it('reconciles the runs as lost, requeues their tasks by policy, and leaves nothing stuck', async () => {
    const registry = await faultTeam(2, 1);
    const dataDir = await makeTempDir('dash-fault-kill-');
    try {
      const env = { DATA_DIR: dataDir.path, MAX_CONCURRENT_PROCESSES: '2' };
      const first = await startFaultServer(registry, env);
      const work = fakeScript('Work slowly.', { steps: [{ text: 'started' }, { sleep: 1500 }, { text: 'done' }] });
      const tasks: Task[] = [];
      for (let i = 0; i < 4; i += 1) tasks.push(await createTask(first, `Kill ${i}`, work, { maxRetries: 2 }));
      // Two are running (the cap), two wait in the queue.
      await waitUntil('two running tasks', async () => (await Promise.all(tasks.map((t) => getTask(first, t.id)))).filter((t) => t.status === 'running').length === 2);
      await first.stop('SIGKILL');

      const interrupted = readSqliteStore(dataDir.path);
      const runningAtKill = interrupted.tasks.filter((t) => t.status === 'running').map((t) => t.id);
      expect(runningAtKill).toHaveLength(2);

      const second = await startFaultServer(registry, env);
      await waitForTasks(second, tasks.map((t) => t.id), (t) => t.status === 'completed', 90_000);
      expect(await second.stop()).toEqual({ code: 0, signal: null });

      const after = readSqliteStore(dataDir.path);
      expect(stuck(after)).toEqual([]);
      expect(after.tasks.map((t) => t.status)).toEqual(['completed', 'completed', 'completed', 'completed']);
      for (const id of runningAtKill) {
        const runs = after.runs.filter((r) => r.task_id === id);
        expect(runs.map((r) => `${r.status}:${r.error_code ?? ''}`).sort()).toEqual(['lost:RUN_LOST', 'succeeded:']);
        const moves = after.timeline.filter((e) => e.task_id === id).map((e) => `${e.from_status ?? 'null'}>${e.to_status}`);
        expect(moves).toEqual(['null>queued', 'queued>running', 'running>failed', 'failed>queued', 'queued>running', 'running>completed']);
        expect(after.timeline.find((e) => e.task_id === id && e.to_status === 'failed')?.reason).toMatch(/RUN_LOST/);
        expect(after.tasks.find((t) => t.id === id)?.attempts).toBe(2);
      }
      // Every stored run's events are whole: one row per seq, none duplicated.
      for (const [, e] of after.events) expect(e.rows).toBe(e.distinctSeq);
    } finally {
      await registry.cleanup();
      await dataDir.cleanup();
    }
  });
});
