/**
 * The /api/memory routes through fastify.inject on the real HTTP server factory (zod validation,
 * error mapping, the OpenAPI document), over a memory service on a temp SQLite store with the hash
 * provider. Each response is checked against the shared schema the web app uses.
 */
import { Writable } from 'node:stream';
import {
  apiErrorBody,
  createMemoryResult,
  MEMORY_CONTENT_MAX_CHARS,
  memoryAllStatsResult,
  memoryArchiveResult,
  memoryCompanyCleanupResult,
  memoryCleanupResult,
  memoryContextResult,
  memoryDeleteResult,
  memoryExpertiseResult,
  memoryLifecycleResult,
  memoryList,
  memoryReembedResult,
  memoryRestoreResult,
  memorySearchResult,
  memoryStatsResult,
  memoryStorageResult,
  memoryView,
} from '@dash/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Lifecycle } from '../../src/lifecycle/lifecycle.js';
import { createLogger } from '../../src/observability/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { createHttpServer, type HttpServer } from '../../src/transport/http/http-server.js';
import { registerOpenApi } from '../../src/transport/http/routes/openapi.js';
import { memoryRoutes } from '../../src/transport/http/routes/memory-routes.js';
import type { InjectOptions } from 'fastify';
import { authedInject, makeTestAuth, type TestAuth } from '../support/auth.js';
import { makeMemoryHarness, type MemoryHarness } from '../support/memory-harness.js';

let h: MemoryHarness;
let server: HttpServer;
let auth: TestAuth;
/** Every request carries an admin API token (the routes need viewer to admin). */
const api = (options: InjectOptions) => authedInject(auth)(server, options);

beforeEach(async () => {
  h = await makeMemoryHarness('sqlite');
  const logger = createLogger({ level: 'silent', nodeId: 'test' }, new Writable({ write: (_c, _e, cb) => cb() }));
  const metrics = createMetrics({ activeProcesses: () => 0, queueDepth: () => ({}) });
  const lifecycle = new Lifecycle({ logger, drainTimeoutMs: 1_000 });
  auth = await makeTestAuth({ store: h.store });
  server = createHttpServer({ logger, metrics, lifecycle, auth: auth.authenticator }).server;
  registerOpenApi(server);
  await server.register(memoryRoutes, { resolve: () => ({ memory: h.service }) });
  await lifecycle.start();
});
afterEach(async () => {
  await server.close();
  await auth.close();
  await h.cleanup();
});

const post = (url: string, payload: unknown) => api({ method: 'POST', url, payload: payload as Record<string, unknown> });
const get = (url: string) => api({ method: 'GET', url });
const errorOf = (payload: string) => apiErrorBody.parse(JSON.parse(payload)).error;

async function write(employeeId: string, content: string, metadata: Record<string, unknown> = {}, type = 'experience'): Promise<string> {
  const res = await post(`/api/memory/${type}`, { employeeId, content, metadata });
  expect(res.statusCode, res.payload).toBe(201);
  return createMemoryResult.parse(res.json()).memoryId;
}

describe('memory routes', () => {
  it('writes the four types with the origin response shape', async () => {
    for (const type of ['experience', 'knowledge', 'decision'] as const) {
      const res = await post(`/api/memory/${type}`, {
        employeeId: 'emp_002',
        content: `A ${type} about API versioning`,
        context: { project: 'dashboard' },
        metadata: { importance: 5, tags: ['api'], scope: 'company' },
      });
      expect(res.statusCode).toBe(201);
      const body = createMemoryResult.parse(res.json());
      expect(body).toMatchObject({ success: true, employeeId: 'emp_002', type, memory: { scope: 'company', importance: 5, tags: ['api'] } });
      expect(body.memoryId).toBe(body.memory.id);
    }
    const interaction = await post('/api/memory/interaction', { employeeId: 'emp_005', query: 'Where are fixtures?', response: 'In test/fixtures' });
    expect(interaction.statusCode).toBe(201);
    expect(createMemoryResult.parse(interaction.json()).memory).toMatchObject({ type: 'interaction', importance: 4 });
  });

  it('answers 404 for an unknown employee, 413 for oversized content, 403 for a forbidden share', async () => {
    const unknown = await post('/api/memory/experience', { employeeId: 'emp_999', content: 'x' });
    expect(unknown.statusCode).toBe(404);
    expect(errorOf(unknown.payload).code).toBe('NOT_FOUND');

    const big = await post('/api/memory/knowledge', { employeeId: 'emp_004', content: 'a'.repeat(MEMORY_CONTENT_MAX_CHARS + 1) });
    expect(big.statusCode).toBe(413);
    expect(errorOf(big.payload)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', fields: [{ path: 'body.content' }] });

    const shared = await post('/api/memory/knowledge', { employeeId: 'emp_005', content: 'share me', metadata: { scope: 'department' } });
    expect(shared.statusCode).toBe(403);
    expect(errorOf(shared.payload)).toMatchObject({ code: 'FORBIDDEN', fields: [{ path: 'body.metadata.scope' }] });

    for (const url of ['/api/memory/stats/emp_999', '/api/memory/lifecycle/nobody', '/api/memory/storage/emp_000', '/api/memory/expertise/emp_999/testing']) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
  });

  it('answers 400 naming the field for invalid filters and bodies', async () => {
    const cases: [unknown, string][] = [
      [{ employeeId: 'emp_004', query: 'x', options: { minImportance: 11 } }, 'body.options.minImportance'],
      [{ employeeId: 'emp_004', query: 'x', options: { topK: 0 } }, 'body.options.topK'],
      [{ employeeId: 'emp_004', query: 'x', options: { memoryTypes: ['memo'] } }, 'body.options.memoryTypes.0'],
      [{ employeeId: 'emp_004', query: 'x', options: { timeRange: { start: 'yesterday' } } }, 'body.options.timeRange.start'],
      [{ employeeId: 'emp_004', query: 'x', options: { timeRange: { start: '2025-08-02T00:00:00Z', end: '2025-08-01T00:00:00Z' } } }, 'body.options.timeRange.end'],
      [{ employeeId: 'emp_004', query: 'x', options: { tags: ['ok', ''] } }, 'body.options.tags.1'],
      [{ employeeId: 'emp_004', query: 'x', options: { sortBy: 'date' } }, 'body.options'],
      [{ employeeId: 'emp_004', query: '' }, 'body.query'],
    ];
    for (const [payload, path] of cases) {
      const res = await post('/api/memory/search', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      const error = errorOf(res.payload);
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.fields?.map((f) => f.path), JSON.stringify(payload)).toContain(path);
    }
    const tooManyTags = await post('/api/memory/experience', { employeeId: 'emp_004', content: 'x', metadata: { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) } });
    expect(errorOf(tooManyTags.payload).fields?.[0]?.path).toBe('body.metadata.tags');
    const badImportance = await post('/api/memory/decision', { employeeId: 'emp_004', content: 'x', metadata: { importance: -1 } });
    expect(errorOf(badImportance.payload).fields?.[0]?.path).toBe('body.metadata.importance');
    expect((await get('/api/memory/mem_00000000-0000-4000-8000-000000000000')).statusCode).toBe(400);
  });

  it('searches and builds a context without ever returning embeddings', async () => {
    const id = await write('emp_009', 'Raised the Postgres connection pool to 40 after the timeout storm', { tags: ['postgres', 'pool'] });
    await write('emp_009', 'Rotated the TLS certificates on the ingress');
    const res = await post('/api/memory/search', { employeeId: 'emp_009', query: 'postgres pool timeouts', options: { topK: 1, boostRecent: false } });
    expect(res.statusCode).toBe(200);
    const body = memorySearchResult.parse(res.json());
    expect(body).toMatchObject({ success: true, employeeId: 'emp_009', query: 'postgres pool timeouts', total: 1, results: [{ id }] });
    expect(res.payload).not.toMatch(/embeddings|"vector"\s*:\s*\[/);
    expect(body.results[0]?.scores.lexical).toBeGreaterThan(0);

    const ctx = await post('/api/memory/context', { employeeId: 'emp_009', taskDescription: 'Investigate database pool timeouts', tokenBudget: 200 });
    expect(ctx.statusCode).toBe(200);
    const context = memoryContextResult.parse(ctx.json()).context;
    expect(context.memories[0]?.id).toBe(id);
    expect(context.prompt).toContain(`[${id}]`);
    expect(context.tokensUsed).toBeLessThanOrEqual(200);
  });

  it('lists, reads, edits and deletes by id as an employee', async () => {
    const own = await write('emp_006', 'Test plan for the billing export');
    const list = memoryList.parse((await get('/api/memory?employeeId=emp_006&limit=10')).json());
    expect(list.items.map((m) => m.id)).toEqual([own]);
    expect(list.nextCursor).toBeNull();

    expect(memoryView.parse((await get(`/api/memory/${own}?employeeId=emp_006`)).json()).content).toBe('Test plan for the billing export');
    const stranger = await get(`/api/memory/${own}?employeeId=emp_007`);
    expect(stranger.statusCode).toBe(404);
    expect(errorOf(stranger.payload).code).toBe('MEMORY_NOT_FOUND');
    expect((await get(`/api/memory/${own}`)).statusCode).toBe(400);

    const patched = await api({ method: 'PATCH', url: `/api/memory/${own}?employeeId=emp_006`, payload: { importance: 9, tags: ['billing'] } });
    expect(patched.statusCode).toBe(200);
    expect(memoryView.parse(patched.json())).toMatchObject({ importance: 9, tags: ['billing'] });
    const empty = await api({ method: 'PATCH', url: `/api/memory/${own}?employeeId=emp_006`, payload: {} });
    expect(empty.statusCode).toBe(400);

    const deleted = await api({ method: 'DELETE', url: `/api/memory/${own}?employeeId=emp_006` });
    expect(memoryDeleteResult.parse(deleted.json())).toEqual({ success: true, deleted: own });
    expect((await get(`/api/memory/${own}?employeeId=emp_006`)).statusCode).toBe(404);
  });

  it('pages the list with a cursor', async () => {
    for (let i = 0; i < 5; i++) {
      await write('emp_013', `Build note ${i}`);
      h.clock.advanceDays(1);
    }
    const first = memoryList.parse((await get('/api/memory?employeeId=emp_013&limit=2')).json());
    const second = memoryList.parse((await get(`/api/memory?employeeId=emp_013&limit=2&cursor=${encodeURIComponent(first.nextCursor ?? '')}`)).json());
    const third = memoryList.parse((await get(`/api/memory?employeeId=emp_013&limit=2&cursor=${encodeURIComponent(second.nextCursor ?? '')}`)).json());
    expect([...first.items, ...second.items, ...third.items].map((m) => m.content)).toEqual(['Build note 4', 'Build note 3', 'Build note 2', 'Build note 1', 'Build note 0']);
    expect(third.nextCursor).toBeNull();
  });

  it('archives and restores, reporting per-id errors', async () => {
    const mine = await write('emp_010', 'Pinned the base image digest');
    const theirs = await write('emp_008', 'Someone else\'s private note');
    const archived = memoryArchiveResult.parse((await post('/api/memory/archive', { employeeId: 'emp_010', memoryIds: [mine, theirs] })).json());
    expect(archived.archive).toEqual({ archivedCount: 1, archivedMemories: [mine], errors: [{ memoryId: theirs, code: 'MEMORY_NOT_FOUND', message: expect.any(String) }] });
    const restored = memoryRestoreResult.parse((await post('/api/memory/restore', { employeeId: 'emp_010', memoryIds: [mine] })).json());
    expect(restored.restore).toEqual({ restoredCount: 1, restoredMemories: [mine], errors: [] });
  });

  it('serves expertise, stats, lifecycle, storage, cleanup and re-embedding', async () => {
    await write('emp_003', 'Release approval checklist: tests green, changelog, rollback plan', { tags: ['release_approval', 'checklist'], importance: 8 });
    await write('emp_003', 'Quality gates for release candidates', { tags: ['quality_gates'], importance: 7 }, 'knowledge');

    const expertise = memoryExpertiseResult.parse((await get('/api/memory/expertise/emp_003/release%20approval')).json()).expertise;
    expect(expertise).toMatchObject({ employeeId: 'emp_003', domain: 'release approval' });
    expect(expertise.expertiseScore).toBeGreaterThan(0);

    const one = memoryStatsResult.parse((await get('/api/memory/stats/emp_003')).json()).statistics;
    expect(one).toMatchObject({ employeeId: 'emp_003', role: 'qa_director', totalMemories: 2 });
    const all = memoryAllStatsResult.parse((await get('/api/memory/stats')).json());
    expect(all.statistics).toHaveLength(13);
    expect(all.totals).toMatchObject({ totalMemories: 2, embeddingProvider: 'hash-v1', embeddingDim: 512, vectorIndex: 'sqlite-vec' });

    expect(memoryLifecycleResult.parse((await get('/api/memory/lifecycle/emp_003')).json()).lifecycle.totalMemories).toBe(2);
    expect(memoryStorageResult.parse((await get('/api/memory/storage/emp_003')).json()).storage).toMatchObject({ memoryCount: 2, vectorCount: 2 });

    const cleanup = memoryCleanupResult.parse((await post('/api/memory/cleanup/emp_003', {})).json()).cleanup;
    expect(cleanup.config).toEqual({ ageThresholdDays: 180, importanceThreshold: 0.3, maxMemoriesToArchive: 100, dryRun: false });
    expect(cleanup.archival.archivedCount).toBe(0);
    const company = memoryCompanyCleanupResult.parse((await post('/api/memory/cleanup', { dryRun: true })).json()).companyWideCleanup;
    expect(company).toMatchObject({ totalEmployees: 13, successfulCleanups: 13, failedCleanups: 0 });
    expect((await post('/api/memory/cleanup/emp_003', { ageThresholdDays: 0 })).statusCode).toBe(400);

    expect(memoryReembedResult.parse((await post('/api/memory/reembed', {})).json()).reembed).toEqual({ provider: 'hash-v1', embedded: 0, failed: 0, remaining: 0 });
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = (await get('/api/docs/json')).json() as { paths: Record<string, unknown> };
    for (const path of ['/api/memory/search', '/api/memory/context', '/api/memory/{id}', '/api/memory/expertise/{employeeId}/{domain}']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});
