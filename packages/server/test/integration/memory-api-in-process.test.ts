/**
 * The in-process MemoryApi adapter over a real memory service (temp SQLite store, hash provider):
 * the same validation as the routes, typed writes, waiting while the service starts and
 * MEMORY_UNAVAILABLE once it stopped. Also POST /api/memory/store, the route the HTTP adapter
 * calls for the same typed write.
 */
import { Writable } from 'node:stream';
import { apiErrorBody, createMemoryResult } from '@dash/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/domain/app-error.js';
import { Lifecycle } from '../../src/lifecycle/lifecycle.js';
import { createLogger } from '../../src/observability/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { InProcessMemoryApi } from '../../src/services/memory/in-process-memory-api.js';
import { createHttpServer } from '../../src/transport/http/http-server.js';
import { memoryRoutes } from '../../src/transport/http/routes/memory-routes.js';
import { makeTestAuth } from '../support/auth.js';
import { makeMemoryHarness, type MemoryHarness } from '../support/memory-harness.js';

let h: MemoryHarness;
beforeEach(async () => {
  h = await makeMemoryHarness('sqlite');
});
afterEach(async () => {
  await h.cleanup();
});

const failure = async (promise: Promise<unknown>): Promise<{ code: string; fields: unknown }> => {
  try {
    await promise;
  } catch (err) {
    if (isAppError(err)) return { code: err.code, fields: err.fields };
    throw err;
  }
  throw new Error('expected a failure');
};

describe('InProcessMemoryApi', () => {
  it('stores typed memories, searches and packs context like the API', async () => {
    const api = new InProcessMemoryApi();
    api.open(h.service);
    const stored = await api.store({ type: 'decision', employeeId: 'emp_004', content: 'We chose PostgreSQL for the task store.', metadata: { tags: ['db'] } });
    expect(createMemoryResult.parse(stored)).toMatchObject({ success: true, type: 'decision', employeeId: 'emp_004', memory: { importance: 8, tags: ['db'] } });
    const found = await api.search({ employeeId: 'emp_004', query: 'which database for the task store' });
    expect(found.results.map((r) => r.id)).toEqual([stored.memoryId]);
    const context = await api.context({ employeeId: 'emp_004', taskDescription: 'Pick the database for tasks', tokenBudget: 200 });
    expect(context.context.memories.map((m) => m.id)).toEqual([stored.memoryId]);
    expect(context.context.prompt).toContain(`[${stored.memoryId}]`);
  });

  it('validates bodies with the route schemas (400 VALIDATION_FAILED naming the field)', async () => {
    const api = new InProcessMemoryApi();
    api.open(h.service);
    const bad = await failure(api.store({ type: 'interaction' as 'decision', employeeId: 'emp_004', content: 'x' }));
    expect(bad).toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ path: 'body.type' })] });
    expect(await failure(api.context({ employeeId: 'emp_004', taskDescription: 'x', tokenBudget: 10 }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [expect.objectContaining({ path: 'body.tokenBudget' })],
    });
    expect((await failure(api.search({ employeeId: 'emp_999', query: 'x' }))).code).toBe('NOT_FOUND');
  });

  it('waits for the service while it starts, and answers MEMORY_UNAVAILABLE once it stopped', async () => {
    const api = new InProcessMemoryApi();
    const pending = api.search({ employeeId: 'emp_004', query: 'anything' });
    api.open(h.service);
    await expect(pending).resolves.toMatchObject({ success: true, results: [] });
    api.close();
    expect((await failure(api.search({ employeeId: 'emp_004', query: 'anything' }))).code).toBe('MEMORY_UNAVAILABLE');
    api.open(h.service);
    await expect(api.search({ employeeId: 'emp_004', query: 'anything' })).resolves.toMatchObject({ success: true });
  });
});

describe('POST /api/memory/store', () => {
  it('writes a memory of the type named in the body, and refuses other types', async () => {
    const logger = createLogger({ level: 'silent', nodeId: 'test' }, new Writable({ write: (_c, _e, cb) => cb() }));
    const lifecycle = new Lifecycle({ logger, drainTimeoutMs: 1_000 });
    const auth = await makeTestAuth();
    const { server } = createHttpServer({ logger, metrics: createMetrics({ activeProcesses: () => 0, queueDepth: () => ({}) }), lifecycle, auth: auth.authenticator });
    await server.register(memoryRoutes, { resolve: () => ({ memory: h.service }) });
    await lifecycle.start();
    // Every request of this test goes through here, with the test credentials.
    const post = (url: string, payload: Record<string, unknown>) => server.inject({ method: 'POST', url, payload, headers: auth.headers() });
    try {
      const ok = await post('/api/memory/store', { type: 'knowledge', employeeId: 'emp_004', content: 'Use keyset pages.' });
      expect(ok.statusCode, ok.payload).toBe(201);
      expect(createMemoryResult.parse(JSON.parse(ok.payload))).toMatchObject({ type: 'knowledge', memory: { importance: 6 } });
      const bad = await post('/api/memory/store', { type: 'interaction', employeeId: 'emp_004', content: 'x' });
      expect(bad.statusCode).toBe(400);
      expect(apiErrorBody.parse(JSON.parse(bad.payload)).error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [expect.objectContaining({ path: 'body.type' })] });
    } finally {
      await server.close();
      await auth.close();
    }
  });
});
