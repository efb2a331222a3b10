/**
 * The scheduled memory cleanup runs in one process only. Two `memory` processes share a store —
 * one PostgreSQL database (advisory lock), or one DATA_DIR on SQLite (file lock) — with the
 * cleanup scheduled every second. Only the leader runs it (every recorded run carries its
 * NODE_ID, and the other's metrics count no run); kill the leader and the other takes over.
 */
import { randomBytes } from 'node:crypto';
import { memoryCleanupScheduleResult, type ScheduledJobStatus } from '@dash/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRegistryFixture, type RegistryFixture } from '../support/employee-registry-fixture.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { killAllServers, startServer, type SpawnedServer } from '../support/server-process.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

const TOKEN = randomBytes(30).toString('base64url');
const MEMORY_KEY = randomBytes(32).toString('base64');

/** The one place HTTP calls get their credentials. */
function api(base: string, path: string): Promise<Response> {
  return fetch(`${base}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
}

async function schedule(server: SpawnedServer): Promise<ScheduledJobStatus> {
  const res = await api(server.url, '/api/memory/cleanup/schedule');
  if (res.status !== 200) throw new Error(`schedule: HTTP ${res.status} ${await res.text()}`);
  return memoryCleanupScheduleResult.parse(await res.json()).schedule;
}

async function cleanupRunsCounted(server: SpawnedServer): Promise<number> {
  const text = await (await api(server.url, '/metrics')).text();
  const match = /dashboard_scheduled_job_runs_total\{job="memory-cleanup",outcome="succeeded"\} (\d+)/.exec(text);
  return match ? Number(match[1]) : 0;
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each(['postgres', 'sqlite'] as const)('scheduled memory cleanup with two processes on one store (%s)', (kind) => {
  let registry: RegistryFixture;
  let shared: TempDir;
  let database: TestDatabase | null = null;
  let a: SpawnedServer;
  let b: SpawnedServer;

  const start = (nodeId: string): Promise<SpawnedServer> =>
    startServer({
      env: {
        SERVICE_ROLE: 'memory',
        NODE_ID: nodeId,
        EMPLOYEE_REGISTRY_DIR: registry.path,
        MEMORY_EMBEDDINGS: 'hash',
        MEMORY_ENCRYPTION_KEY: MEMORY_KEY,
        MEMORY_CLEANUP_CRON: '* * * * * *',
        MEMORY_CLEANUP_TZ: 'Europe/Berlin',
        DASHBOARD_ADMIN_TOKEN: TOKEN,
        ...(database === null ? { DATA_DIR: shared.path } : { DATABASE_URL: database.url }),
      },
    });

  beforeAll(async () => {
    registry = await makeRegistryFixture();
    shared = await makeTempDir('dash-cleanup-leader-');
    if (kind === 'postgres') database = await createTestDatabase();
    a = await start('memory-a');
    // `a` leads before `b` starts.
    await until('memory-a to lead', async () => ((await schedule(a)).leader ? true : null));
    b = await start('memory-b');
  });

  afterAll(async () => {
    await killAllServers();
    await database?.drop();
    await shared?.cleanup();
    await registry?.cleanup();
  });

  it('only the leader runs it', async () => {
    const status = await until('three recorded runs', async () => {
      const s = await schedule(b);
      return s.recentRuns.length >= 3 ? s : null;
    });
    expect(status).toMatchObject({ enabled: true, cron: '* * * * * *', timezone: 'Europe/Berlin', nodeId: 'memory-b', leader: false });
    expect(new Set(status.recentRuns.map((r) => r.nodeId))).toEqual(new Set(['memory-a']));
    expect(status.recentRuns.every((r) => r.outcome === 'succeeded')).toBe(true);
    const employees = (await registry.read()).employees.length;
    expect(status.lastRun?.summary).toMatchObject({ employees, cleanedUp: employees, failed: 0 });
    // One run per fire: no second ever started twice.
    const seconds = status.recentRuns.map((r) => r.startedAt.slice(0, 19));
    expect(new Set(seconds).size).toBe(seconds.length);
    expect((await schedule(a)).leader).toBe(true);
    expect(await cleanupRunsCounted(a)).toBeGreaterThanOrEqual(3);
    expect(await cleanupRunsCounted(b)).toBe(0);
  });

  it('the other process takes over when the leader dies', async () => {
    await a.stop('SIGKILL');
    const status = await until('memory-b to run the cleanup', async () => {
      const s = await schedule(b);
      return s.lastRun?.nodeId === 'memory-b' ? s : null;
    });
    expect(status.leader).toBe(true);
    expect(await cleanupRunsCounted(b)).toBeGreaterThanOrEqual(1);
  });
});
