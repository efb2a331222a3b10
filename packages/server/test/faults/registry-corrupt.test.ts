/**
 * Fault: the employee registry file is corrupted (truncated mid-write, as a crashed editor or a
 * full disk leaves it). While the server runs: it keeps the registry it had, keeps serving and
 * dispatching, and says what is wrong. At start-up with the corrupted file: it refuses to start,
 * naming the file, and changes nothing in the store. Checked from the store: the employees rows
 * are the same before and after. (Service-level cases: integration/employees-reload and
 * employees-registry.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { killAllServers, spawnServer } from '../support/server-process.js';
import { makeTempDir } from '../support/temp-dir.js';
import { call, createTask, fakeScript, faultEnv, faultTeam, sqliteQuery, startFaultServer, waitForTasks, waitUntil } from './fault-harness.js';

afterAll(async () => {
  await killAllServers();
});

const EMPLOYEES_SQL = 'select * from employees order by id';

describe('fault: corrupted registry file', () => {
  it('keeps the last good registry while running, and refuses to start on it, store unchanged', async () => {
    const registry = await faultTeam(2, 1);
    const dataDir = await makeTempDir('dash-fault-registry-');
    try {
      const env = { DATA_DIR: dataDir.path };
      const server = await startFaultServer(registry, env);
      const good = readFileSync(registry.registryFile, 'utf8');
      const before = sqliteQuery<Record<string, unknown>>(dataDir.path, EMPLOYEES_SQL);
      expect(before.length).toBeGreaterThan(0);

      // Truncated in the middle of a JSON string.
      writeFileSync(registry.registryFile, good.slice(0, Math.floor(good.length / 2)));
      await waitUntil('the reload error to be logged', () => server.logs().some((l) => l.level === 40 && l.msg === 'employee registry is invalid; previous registry kept'), 30_000);
      const task = await createTask(server, 'Still dispatching', fakeScript('Go.', { steps: [{ text: 'ok' }] }));
      await waitForTasks(server, [task.id], (t) => t.status === 'completed');
      expect((await call(server, 'GET', '/api/employees')).status).toBe(200);
      expect(await server.stop()).toEqual({ code: 0, signal: null });
      const afterRun = sqliteQuery<Record<string, unknown>>(dataDir.path, EMPLOYEES_SQL);
      expect(afterRun.map((e) => [e.id, e.status])).toEqual(before.map((e) => [e.id, e.status]));

      // A start on the corrupted file stops with an error naming the file.
      const refused = await spawnServer({ env: faultEnv(registry, env) });
      const exit = await refused.exited;
      expect(exit.code).not.toBe(0);
      expect(`${refused.stdout()}${refused.stderr()}`).toContain('employee-registry.json');
      const afterStart = sqliteQuery<Record<string, unknown>>(dataDir.path, EMPLOYEES_SQL);
      expect(afterStart).toEqual(afterRun);
    } finally {
      await registry.cleanup();
      await dataDir.cleanup();
    }
  });
});
