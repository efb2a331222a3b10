/**
 * Fault: the disk fills up while a run's events are being written (embedded store). DATA_DIR is a
 * small tmpfs mounted for this test (the suite runs as root, as CI does); a filler file takes
 * every free byte while an agent is printing (8 s of output, ~800 KB).
 * Must hold: the failed writes are logged with a clear error (SQLITE_FULL / disk full); the
 * server keeps answering (API and /ready) while the disk is full, and a write request is refused
 * with 507 STORE_FULL (not a bare 500); once space is freed the run completes with every one of
 * its events stored exactly once (they waited in memory), nothing is stuck; `PRAGMA integrity_check` of
 * the store says ok, and the server restarts on it.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, rmdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiErrorBody } from '@dash/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { killAllServers } from '../support/server-process.js';
import {
  call,
  createTask,
  fakeScript,
  faultTeam,
  readSqliteStore,
  runCommand,
  sleep,
  sqliteIntegrity,
  sqliteQuery,
  startFaultServer,
  stuck,
  waitForTasks,
  waitUntil,
  withServerOutput,
} from './fault-harness.js';

/** Writes zeros into `file` until the filesystem refuses (ENOSPC); returns the bytes written. */
function fillDisk(file: string): number {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  let written = 0;
  try {
    for (;;) written += writeSync(fd, chunk);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    closeSync(fd);
  }
  return written;
}

afterAll(async () => {
  await killAllServers();
});

describe('fault: disk full while writing events', () => {
  it('logs a clear error, keeps serving, settles the run once space is back, and leaves the store intact', async () => {
    const registry = await faultTeam(1, 1);
    const mountPoint = mkdtempSync(join(tmpdir(), 'dash-fault-disk-'));
    runCommand(['mount', '-t', 'tmpfs', '-o', 'size=24m', 'tmpfs', mountPoint]);
    try {
      const env = { DATA_DIR: mountPoint, MAX_CONCURRENT_PROCESSES: '1' };
      const server = await startFaultServer(registry, env);
      const warmUp = await createTask(server, 'Before', fakeScript('Warm up.', { steps: [{ text: 'fine' }] }));
      await waitForTasks(server, [warmUp.id], (t) => t.status === 'completed');

      // The agent is running and its events are being stored when the disk fills up.
      const noisy = await createTask(server, 'Writes into a full disk', fakeScript('Print a lot.', { steps: [{ emit: { count: 4000, rate: 500, text: 'line', bytes: 200 } }, { text: 'end' }] }), {
        maxRetries: 0,
      });
      await waitForTasks(server, [noisy.id], (t) => t.status === 'running');
      const filler = join(mountPoint, 'filler');
      expect(fillDisk(filler)).toBeGreaterThan(0);
      await withServerOutput(server, () =>
        waitUntil('a disk-full error in the log', () => /SQLITE_FULL|disk is full|ENOSPC/i.test(server.stdout()), 60_000),
      );
      // The server keeps answering while the disk is full; a write says why it cannot be done.
      expect((await call(server, 'GET', '/ready')).status).toBe(200);
      expect((await call(server, 'GET', '/api/tasks')).status).toBe(200);
      const refused = await call(server, 'POST', '/api/tasks', { title: 'No room', description: 'x', priority: 'low' });
      await withServerOutput(server, async () => {
        expect(refused.status).toBe(507);
        expect(apiErrorBody.parse(refused.json).error.code).toBe('STORE_FULL');
      });
      await sleep(1000);

      rmSync(filler);
      const [settled] = await withServerOutput(server, () =>
        waitForTasks(server, [noisy.id], (t) => t.status === 'completed' || t.status === 'failed', 90_000),
      );
      // The events waited in memory (retried with backoff) until there was room again: the run
      // completed and not one of its 4,000 lines is missing from the store.
      expect(settled!.status).toBe('completed');
      expect(await server.stop()).toEqual({ code: 0, signal: null });

      expect(sqliteIntegrity(mountPoint)).toBe('ok');
      const store = readSqliteStore(mountPoint);
      expect(stuck(store)).toEqual([]);
      for (const [, e] of store.events) expect(e.rows).toBe(e.distinctSeq);
      const noisyRun = store.runs.find((r) => r.task_id === noisy.id);
      expect(noisyRun).toMatchObject({ status: 'succeeded' });
      const lines = sqliteQuery<{ n: number }>(mountPoint, "select count(*) as n from run_events where run_id = ? and payload like '%line #%'", noisyRun!.id);
      expect(Number(lines[0]!.n)).toBe(4000);

      const again = await startFaultServer(registry, env);
      expect((await call(again, 'GET', `/api/runs/${noisyRun!.id}`)).status).toBe(200);
      expect(await again.stop()).toEqual({ code: 0, signal: null });
    } finally {
      await killAllServers();
      spawnSync('umount', ['-l', mountPoint]);
      rmdirSync(mountPoint);
      await registry.cleanup();
    }
  });
});
