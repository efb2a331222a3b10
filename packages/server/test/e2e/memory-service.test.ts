/**
 * The memory service as its own process (SERVICE_ROLE=memory) behind a dashboard process with
 * MEMORY_API_URL, both built servers, on SQLite (each its own DATA_DIR) and on PostgreSQL (one
 * database, as Compose runs them). The dashboard does not open the memory store: /api/memory is
 * proxied (bodies, statuses, error bodies and the request id go through), and its own calls use
 * the HTTP MemoryApi adapter. Killing the memory process makes /api/memory answer 503
 * MEMORY_UNAVAILABLE and /health report it down while tasks keep running; restarting it recovers.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { apiErrorBody, createMemoryResult, healthResponse, memorySearchResult, memoryView, task as taskSchema, type Task } from '@dash/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HttpMemoryApi } from '../../src/adapters/memory-http/http-memory-api.js';
import { isAppError } from '../../src/domain/app-error.js';
import { FAKE_AGENT } from '../fixtures/fake-agent/fake-agent-runner.js';
import { fakeScript, teamMember, teamRegistry } from '../support/core-loop-harness.js';
import { makeRegistryFixture, type RegistryFixture } from '../support/employee-registry-fixture.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { freePort, killAllServers, startServer, type SpawnedServer } from '../support/server-process.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

/** Admin API token given to both processes (DASHBOARD_ADMIN_TOKEN); every call below presents it. */
const TOKEN = randomBytes(30).toString('base64url');
const MEMORY_KEY = randomBytes(32).toString('base64');
const EMPLOYEE = 'emp_201';

/** The one place HTTP calls get their credentials. */
function api(base: string, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${TOKEN}`);
  if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  return fetch(`${base}${path}`, { ...init, headers });
}
const json = async (res: Response): Promise<unknown> => JSON.parse(await res.text()) as unknown;
const errorOf = async (res: Response) => apiErrorBody.parse(await json(res)).error;

describe.each(['sqlite', 'postgres'] as const)('memory service as its own process (%s)', (kind) => {
  let registry: RegistryFixture;
  let memoryData: TempDir;
  let database: TestDatabase | null = null;
  let memoryPort: number;
  let memory: SpawnedServer;
  let dashboard: SpawnedServer;

  const storeEnv = (): Record<string, string> => (database === null ? {} : { DATABASE_URL: database.url });
  const startMemory = (): Promise<SpawnedServer> =>
    startServer({
      env: {
        SERVICE_ROLE: 'memory',
        PORT: String(memoryPort),
        DATA_DIR: memoryData.path,
        NODE_ID: 'memory-1',
        EMPLOYEE_REGISTRY_DIR: registry.path,
        MEMORY_EMBEDDINGS: 'hash',
        MEMORY_ENCRYPTION_KEY: MEMORY_KEY,
        MEMORY_CLEANUP_CRON: 'off',
        DASHBOARD_ADMIN_TOKEN: TOKEN,
        ...storeEnv(),
      },
    });

  beforeAll(async () => {
    registry = await makeRegistryFixture();
    await registry.write(teamRegistry([teamMember(EMPLOYEE, { maxConcurrentTasks: 2 })]));
    memoryData = await makeTempDir('dash-memory-role-');
    if (kind === 'postgres') database = await createTestDatabase();
    memoryPort = await freePort();
    memory = await startMemory();
    dashboard = await startServer({
      env: {
        NODE_ID: 'dash-1',
        EMPLOYEE_REGISTRY_DIR: registry.path,
        AGENT_CLAUDE_BIN: FAKE_AGENT,
        DISPATCH_INTERVAL: '200ms',
        MEMORY_API_URL: memory.url,
        MEMORY_API_TOKEN: TOKEN,
        MEMORY_API_TIMEOUT: '3s',
        MEMORY_ENCRYPTION_KEY: MEMORY_KEY,
        HEALTH_TIMEOUT: '1s',
        DASHBOARD_ADMIN_TOKEN: TOKEN,
        ...storeEnv(),
      },
    });
  });

  afterAll(async () => {
    await killAllServers();
    await database?.drop();
    await memoryData?.cleanup();
    await registry?.cleanup();
  });

  let stored: string;

  it('stores through the dashboard, reads it back, and the memory lives in the memory process', async () => {
    const res = await api(dashboard.url, '/api/memory/knowledge', {
      method: 'POST',
      headers: { 'x-request-id': `e2e-store-${kind}` },
      body: JSON.stringify({ employeeId: EMPLOYEE, content: 'The billing service retries webhooks with exponential backoff.', metadata: { tags: ['billing'] } }),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-request-id')).toBe(`e2e-store-${kind}`);
    const created = createMemoryResult.parse(await json(res));
    stored = created.memoryId;
    expect(created.memory.embedding).toEqual({ provider: 'hash-v1', dim: 512 });
    // The memory process served it under the same request id (its log line may come a moment later).
    await vi.waitFor(() => expect(memory.logs().some((l) => l.requestId === `e2e-store-${kind}`)).toBe(true), { timeout: 10_000 });

    const read = await api(dashboard.url, `/api/memory/${stored}?employeeId=${EMPLOYEE}`);
    expect(read.status).toBe(200);
    expect(memoryView.parse(await json(read))).toMatchObject({ id: stored, content: 'The billing service retries webhooks with exponential backoff.', tags: expect.arrayContaining(['billing']) });

    const direct = await api(memory.url, `/api/memory/${stored}?employeeId=${EMPLOYEE}`);
    expect(direct.status).toBe(200);

    const found = await api(dashboard.url, '/api/memory/search', { method: 'POST', body: JSON.stringify({ employeeId: EMPLOYEE, query: 'webhook backoff billing' }) });
    expect(found.status).toBe(200);
    expect(memorySearchResult.parse(await json(found)).results.map((r) => r.memory.id)).toContain(stored);

    // The dashboard never opened a memory store of its own.
    expect(existsSync(join(dashboard.dataDir, 'memory.key'))).toBe(false);
    expect(existsSync(join(dashboard.dataDir, 'memory-vectors.sqlite'))).toBe(false);
    const health = healthResponse.parse(await json(await api(dashboard.url, '/health')));
    expect(health.dependencies.find((d) => d.name === 'memory-api')).toMatchObject({ status: 'up', latencyMs: expect.any(Number) });
  });

  it('passes the memory API\'s errors through unchanged: 404 unknown employee, 413 too large, 400 with the field', async () => {
    const post = (base: string, path: string, body: unknown) => api(base, path, { method: 'POST', body: JSON.stringify(body) });
    const cases: [string, unknown, number, string][] = [
      ['/api/memory/knowledge', { employeeId: 'emp_999', content: 'x' }, 404, 'NOT_FOUND'],
      ['/api/memory/knowledge', { employeeId: EMPLOYEE, content: 'y'.repeat(10_001) }, 413, 'PAYLOAD_TOO_LARGE'],
      ['/api/memory/search', { employeeId: EMPLOYEE, query: 'x', options: { topK: 0 } }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [path, body, status, code] of cases) {
      const [viaDashboard, direct] = [await post(dashboard.url, path, body), await post(memory.url, path, body)];
      expect([viaDashboard.status, direct.status]).toEqual([status, status]);
      const [a, b] = [await errorOf(viaDashboard), await errorOf(direct)];
      expect(a.code).toBe(code);
      expect({ ...a, requestId: '' }).toEqual({ ...b, requestId: '' });
    }
    const tooLarge = await errorOf(await post(dashboard.url, '/api/memory/knowledge', { employeeId: EMPLOYEE, content: 'y'.repeat(10_001) }));
    expect(tooLarge.fields).toEqual([{ path: 'body.content', message: expect.any(String) }]);
    const badField = await errorOf(await post(dashboard.url, '/api/memory/search', { employeeId: EMPLOYEE, query: 'x', options: { topK: 0 } }));
    expect(badField.fields?.map((f) => f.path)).toEqual(['body.options.topK']);
    // A declared body over the 1 MiB limit is refused before it is sent on.
    const huge = await post(dashboard.url, '/api/memory/knowledge', { employeeId: EMPLOYEE, content: 'z'.repeat(1_100_000) });
    expect(huge.status).toBe(413);
    expect((await errorOf(huge)).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('the HTTP MemoryApi adapter maps the same errors back to AppErrors', async () => {
    const adapter = new HttpMemoryApi({ baseUrl: memory.url, timeoutMs: 5_000, headers: () => ({ authorization: `Bearer ${TOKEN}` }) });
    const failure = async (promise: Promise<unknown>) => {
      try {
        await promise;
      } catch (err) {
        if (isAppError(err)) return { code: err.code, status: err.status, fields: err.fields };
        throw err;
      }
      throw new Error('expected a failure');
    };
    expect(await failure(adapter.store({ type: 'knowledge', employeeId: 'emp_999', content: 'x' }))).toMatchObject({ code: 'NOT_FOUND', status: 404 });
    expect(await failure(adapter.store({ type: 'knowledge', employeeId: EMPLOYEE, content: 'y'.repeat(10_001) }))).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      fields: [{ path: 'body.content' }],
    });
    expect(await failure(adapter.search({ employeeId: EMPLOYEE, query: 'x', options: { topK: 0 } }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [{ path: 'body.options.topK' }],
    });
    const context = await adapter.context({ employeeId: EMPLOYEE, taskDescription: 'Fix webhook retries in billing' });
    expect(context.context.memories.map((m) => m.id)).toContain(stored);
  });

  it('with the memory process gone: 503 MEMORY_UNAVAILABLE, /health shows it down, tasks still run; a restart recovers', async () => {
    await memory.stop('SIGKILL');

    const res = await api(dashboard.url, `/api/memory/${stored}?employeeId=${EMPLOYEE}`);
    expect(res.status).toBe(503);
    expect(await errorOf(res)).toMatchObject({ code: 'MEMORY_UNAVAILABLE', message: expect.stringContaining(memory.url) });

    const healthRes = await api(dashboard.url, '/health');
    expect(healthRes.status).toBe(200);
    const health = healthResponse.parse(await json(healthRes));
    expect(health.status).toBe('degraded');
    expect(health.dependencies.find((d) => d.name === 'memory-api')).toMatchObject({ status: 'down', required: false });

    const created = await api(dashboard.url, '/api/tasks', {
      method: 'POST',
      body: JSON.stringify({ title: 'Runs without memory', description: fakeScript('Do it.', { steps: [{ text: 'Done.' }] }), assignee: EMPLOYEE }),
    });
    expect(created.status).toBe(201);
    const task = taskSchema.parse(await json(created));
    const done = await waitForTask(dashboard.url, task.id, (t) => t.status === 'completed' || t.status === 'failed');
    expect(done.status).toBe('completed');
    // The run asked the memory API through the HTTP adapter, failed, and went ahead without memories.
    const metrics = await (await api(dashboard.url, '/metrics')).text();
    expect(metrics).toMatch(/dashboard_memory_recall_total\{outcome="failed"\} [1-9]/);

    memory = await startMemory();
    const back = await api(dashboard.url, `/api/memory/${stored}?employeeId=${EMPLOYEE}`);
    expect(back.status).toBe(200);
    expect(memoryView.parse(await json(back)).id).toBe(stored);
    const healed = healthResponse.parse(await json(await api(dashboard.url, '/health')));
    expect(healed.dependencies.find((d) => d.name === 'memory-api')?.status).toBe('up');
    expect(healed.status).toBe('ok');
  });
});

async function waitForTask(base: string, id: string, done: (t: Task) => boolean): Promise<Task> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const t = taskSchema.parse(await json(await api(base, `/api/tasks/${id}`)));
    if (done(t)) return t;
    if (Date.now() > deadline) throw new Error(`task ${id} is still ${t.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a memory API that does not answer in time', () => {
  it('the proxy answers 503 MEMORY_UNAVAILABLE after MEMORY_API_TIMEOUT, and so does the HTTP adapter', async () => {
    // Accepts connections and requests, never answers.
    const pending: ServerResponse[] = [];
    const silent = createServer((_req, res) => void pending.push(res));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    const dashboard = await startServer({ env: { MEMORY_API_URL: silentUrl, MEMORY_API_TIMEOUT: '500ms', DASHBOARD_ADMIN_TOKEN: TOKEN, MEMORY_CLEANUP_CRON: 'off' } });
    try {
      const res = await api(dashboard.url, '/api/memory/search', { method: 'POST', body: JSON.stringify({ employeeId: EMPLOYEE, query: 'x' }) });
      expect(res.status).toBe(503);
      expect(await errorOf(res)).toMatchObject({ code: 'MEMORY_UNAVAILABLE', message: expect.stringContaining('no answer within 500ms') });

      const adapter = new HttpMemoryApi({ baseUrl: silentUrl, timeoutMs: 300 });
      await expect(adapter.search({ employeeId: EMPLOYEE, query: 'x' })).rejects.toMatchObject({ code: 'MEMORY_UNAVAILABLE', status: 503 });
    } finally {
      await dashboard.stop();
      for (const res of pending) res.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});
