/**
 * One image, several roles (SERVICE_ROLE), on the built server: an `api` process and a `worker`
 * process share a PostgreSQL database and Redis. Tasks created through the api process are run by
 * the worker; the worker serves no REST and the api process dispatches nothing (with the worker
 * stopped, a new task stays queued). A `bridge` process starts with its probes and without the
 * dashboard's REST API.
 */
import { randomBytes } from 'node:crypto';
import { apiErrorBody, healthResponse, task as taskSchema, type Task } from '@dash/shared';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_AGENT } from '../fixtures/fake-agent/fake-agent-runner.js';
import { fakeScript, teamMember, teamRegistry } from '../support/core-loop-harness.js';
import { makeRegistryFixture, type RegistryFixture } from '../support/employee-registry-fixture.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { killAllServers, startServer, type SpawnedServer } from '../support/server-process.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const TOKEN = randomBytes(30).toString('base64url');
const EMPLOYEE = 'emp_201';

/** The one place HTTP calls get their credentials. */
function api(base: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

async function taskOf(base: string, id: string): Promise<Task> {
  return taskSchema.parse(await (await api(base, `/api/tasks/${id}`)).json());
}

describe('SERVICE_ROLE=api and SERVICE_ROLE=worker as separate processes (PostgreSQL + Redis)', () => {
  let registry: RegistryFixture;
  let database: TestDatabase;
  const prefix = `dash-roles-${randomBytes(4).toString('hex')}`;
  let apiServer: SpawnedServer;
  let worker: SpawnedServer;

  beforeAll(async () => {
    registry = await makeRegistryFixture();
    await registry.write(teamRegistry([teamMember(EMPLOYEE)]));
    database = await createTestDatabase();
    const shared = {
      DATABASE_URL: database.url,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      EMPLOYEE_REGISTRY_DIR: registry.path,
      AGENT_CLAUDE_BIN: FAKE_AGENT,
      DISPATCH_INTERVAL: '200ms',
      MEMORY_EMBEDDINGS: 'hash',
      MEMORY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      MEMORY_CLEANUP_CRON: 'off',
      DASHBOARD_ADMIN_TOKEN: TOKEN,
    };
    apiServer = await startServer({ env: { ...shared, SERVICE_ROLE: 'api', NODE_ID: 'api-1' } });
    worker = await startServer({ env: { ...shared, SERVICE_ROLE: 'worker', NODE_ID: 'worker-1' } });
  });

  afterAll(async () => {
    await killAllServers();
    await database?.drop();
    await registry?.cleanup();
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    try {
      for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 }) as AsyncIterable<string[]>) {
        if (keys.length > 0) await redis.del(...keys);
      }
    } finally {
      await redis.quit();
    }
  });

  it('the worker serves probes only; its health lists the store and the Redis queue', async () => {
    const tasks = await api(worker.url, '/api/tasks');
    expect(tasks.status).toBe(404);
    expect(apiErrorBody.parse(await tasks.json()).error.code).toBe('ROUTE_NOT_FOUND');
    expect((await api(worker.url, '/ready')).status).toBe(200);
    expect(await (await api(worker.url, '/metrics')).text()).toContain('dashboard_active_processes_total');
    const health = healthResponse.parse(await (await api(worker.url, '/health')).json());
    expect(health.dependencies.map((d) => [d.name, d.kind, d.status])).toEqual([
      ['store', 'postgres', 'up'],
      ['queue', 'redis', 'up'],
      ['memory-api', 'http', 'not_configured'],
      ['api-bridge', 'http', 'not_configured'],
    ]);
  });

  it('a task created on the api process is run by the worker', async () => {
    const res = await api(apiServer.url, '/api/tasks', { title: 'Split roles', description: fakeScript('Do it.', { steps: [{ text: 'Done.' }] }), assignee: EMPLOYEE });
    expect(res.status).toBe(201);
    const { id } = taskSchema.parse(await res.json());
    const deadline = Date.now() + 60_000;
    let t = await taskOf(apiServer.url, id);
    while (t.status !== 'completed' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      t = await taskOf(apiServer.url, id);
    }
    expect(t.status).toBe('completed');
    const runs = (await (await api(apiServer.url, `/api/tasks/${id}/runs`)).json()) as { items: { nodeId: string }[] };
    expect(runs.items.map((r) => r.nodeId)).toEqual(['worker-1']);
  });

  it('the api process starts no agent itself: an ad-hoc run is refused with RUN_NEEDS_WORKER', async () => {
    const res = await api(apiServer.url, '/api/runs', { runtime: 'claude-code', prompt: fakeScript('x', { steps: [{ text: 'ok' }] }) });
    expect(res.status).toBe(409);
    expect(apiErrorBody.parse(await res.json()).error.code).toBe('RUN_NEEDS_WORKER');
    const runs = (await (await api(apiServer.url, '/api/runs')).json()) as { items: { taskId: string | null }[] };
    expect(runs.items.filter((r) => r.taskId === null)).toEqual([]);
  });

  it('the api process dispatches nothing: with the worker stopped, a new task stays queued', async () => {
    expect(await worker.stop()).toEqual({ code: 0, signal: null });
    const res = await api(apiServer.url, '/api/tasks', { title: 'Waits for a worker', description: fakeScript('x', { steps: [{ text: 'ok' }] }), assignee: EMPLOYEE });
    const { id } = taskSchema.parse(await res.json());
    // Several dispatch intervals of the api process pass; a dispatcher there would have started it.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await taskOf(apiServer.url, id)).status).toBe('queued');
  });
});

describe('SERVICE_ROLE=bridge', () => {
  it('starts and serves /health, /ready and /metrics, but not the dashboard\'s REST API', async () => {
    const bridge = await startServer({ env: { SERVICE_ROLE: 'bridge', DASHBOARD_ADMIN_TOKEN: TOKEN } });
    try {
      expect(bridge.port).toBeGreaterThan(0);
      expect((await api(bridge.url, '/ready')).status).toBe(200);
      expect((await api(bridge.url, '/metrics')).status).toBe(200);
      expect(healthResponse.parse(await (await api(bridge.url, '/health')).json()).status).toBe('ok');
      for (const path of ['/api/tasks', '/api/memory/stats', '/api/runs']) expect((await api(bridge.url, path)).status).toBe(404);
    } finally {
      await bridge.stop();
    }
  });
});
