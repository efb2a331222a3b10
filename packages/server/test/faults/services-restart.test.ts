/**
 * Faults of the services a scale-out server depends on, for ONE server on PostgreSQL + BullMQ on
 * Redis (a fresh database, a random queue prefix): the machine's Redis is restarted (without
 * persistence, so its jobs are gone) and then PostgreSQL is restarted, each while tasks are being
 * dispatched and run. Must hold afterwards, read from the PostgreSQL store: every task completed,
 * no run active, no task running, no event stored twice. The services are always restored in
 * `finally` (commands: /work/.library/env/machines/node-svc.md, .ci/run).
 * The multi-replica version of these faults is the topology test (scaleout).
 */
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import type { Task } from '@dash/shared';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistryFixture } from '../support/employee-registry-fixture.js';
import { createTestDatabase, withAdminClient, type TestDatabase } from '../support/postgres.js';
import { killAllServers, type SpawnedServer } from '../support/server-process.js';
import { createTask, fakeScript, faultTeam, getTask, readPostgresStore, runCommand, sleep, startFaultServer, stuck, waitForTasks, waitUntil, withServerOutput } from './fault-harness.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisUp(): Promise<boolean> {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

function startRedis(): void {
  runCommand(['redis-server', '--daemonize', 'yes', '--bind', '127.0.0.1', '-::1', '--port', '6379', '--save', '', '--appendonly', 'no', '--dir', '/var/lib/redis', '--logfile', '/var/log/redis/ci.log']);
}

async function pgUp(): Promise<boolean> {
  try {
    await withAdminClient((c) => c.query('select 1'));
    return true;
  } catch {
    return false;
  }
}

const pgCluster = (): string => readdirSync('/etc/postgresql')[0]!;

describe('fault: Redis and PostgreSQL restarted under load (one server)', () => {
  let registry: RegistryFixture;
  let database: TestDatabase;
  let server: SpawnedServer;
  const prefix = `dash-fault-${randomBytes(5).toString('hex')}`;

  beforeAll(async () => {
    registry = await faultTeam(3, 1);
    database = await createTestDatabase();
    server = await startFaultServer(registry, { DATABASE_URL: database.url, REDIS_URL, QUEUE_PREFIX: prefix, MAX_CONCURRENT_PROCESSES: '2', DISPATCH_LEASE: '3s' });
  });
  afterAll(async () => {
    await server?.stop();
    await killAllServers();
    // Whatever happened, the machine's services are up again for everyone else.
    if (!(await redisUp())) startRedis();
    if (!(await pgUp())) runCommand(['pg_ctlcluster', '--skip-systemctl-redirect', pgCluster(), 'main', 'start']);
    await waitUntil('PostgreSQL back', pgUp, 60_000);
    await database?.drop();
    await registry?.cleanup();
  });

  const load = async (label: string, count: number): Promise<Task[]> => {
    const tasks: Task[] = [];
    const work = fakeScript('Work.', { steps: [{ text: 'working' }, { sleep: 400 }, { text: 'done' }] });
    for (let i = 0; i < count; i += 1) tasks.push(await createTask(server, `${label} ${i}`, work, { maxRetries: 3 }));
    return tasks;
  };
  const completedCount = async (tasks: readonly Task[]): Promise<number> =>
    (await Promise.all(tasks.map((t) => getTask(server, t.id)))).filter((t) => t.status === 'completed').length;

  it('Redis restarted mid-load: every task still completes, nothing stuck', async () => {
    const tasks = await load('Redis', 12);
    await waitUntil('a few tasks done', async () => (await completedCount(tasks)) >= 3, 60_000);
    try {
      // SHUTDOWN NOSAVE: the queue's jobs and the bus's subscriptions are gone with it.
      runCommand(['redis-cli', '-h', '127.0.0.1', '-p', '6379', 'shutdown', 'nosave']);
      await waitUntil('Redis down', async () => !(await redisUp()), 10_000);
      await sleep(1000);
    } finally {
      if (!(await redisUp())) startRedis();
      await waitUntil('Redis back', redisUp, 30_000);
    }
    await withServerOutput(server, () => waitForTasks(server, tasks.map((t) => t.id), (t) => t.status === 'completed', 120_000));
    const store = await readPostgresStore(database.url);
    expect(stuck(store)).toEqual([]);
    for (const [, e] of store.events) expect(e.rows).toBe(e.distinctSeq);
  });

  it('PostgreSQL restarted mid-load: every task still completes, nothing stuck', async () => {
    const tasks = await load('Postgres', 12);
    await waitUntil('a few tasks done', async () => (await completedCount(tasks)) >= 3, 60_000);
    try {
      runCommand(['pg_ctlcluster', '--skip-systemctl-redirect', pgCluster(), 'main', 'restart'], 120_000);
    } finally {
      if (!(await pgUp())) runCommand(['pg_ctlcluster', '--skip-systemctl-redirect', pgCluster(), 'main', 'start']);
      await waitUntil('PostgreSQL back', pgUp, 60_000);
    }
    await withServerOutput(server, () => waitForTasks(server, tasks.map((t) => t.id), (t) => t.status === 'completed', 120_000));
    expect((await server.api('/ready')).status).toBe(200);
    expect(await server.stop()).toEqual({ code: 0, signal: null });

    const store = await readPostgresStore(database.url);
    expect(stuck(store)).toEqual([]);
    expect(store.tasks.filter((t) => t.status !== 'completed')).toEqual([]);
    expect(tasks.map((t) => store.tasks.find((x) => x.id === t.id)?.status)).toEqual(tasks.map(() => 'completed'));
    for (const [, e] of store.events) expect(e.rows).toBe(e.distinctSeq);
  });
});
