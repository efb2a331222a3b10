/**
 * Re-embedding across a provider change, end to end on the built server (SERVICE_ROLE=memory), on
 * SQLite (sqlite-vec index) and PostgreSQL (in-memory index): memories stored with `hash` (512-d)
 * are, after a restart on `http` (a local OpenAI-compatible stub answering 256-d vectors),
 * re-embedded in the background — each memory then carries the new provider id and dimension —
 * and vector search finds them.
 */
import { randomBytes } from 'node:crypto';
import { createMemoryResult, memoryAllStatsResult, memorySearchResult, memoryView } from '@dash/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddingStub, type EmbeddingStub } from '../support/embedding-stub.js';
import { makeRegistryFixture, type RegistryFixture } from '../support/employee-registry-fixture.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { killAllServers, startServer, type SpawnedServer } from '../support/server-process.js';
import { makeTempDir, type TempDir } from '../support/temp-dir.js';

const TOKEN = randomBytes(30).toString('base64url');
const MEMORY_KEY = randomBytes(32).toString('base64');
const EMPLOYEE = 'emp_001';
const TEXTS = [
  'Postgres vacuum settings for the orders table were tuned to stop bloat.',
  'The login page flickers in Safari because of a CSS transition on the form.',
  'Kubernetes liveness probes must not call the database, or restarts cascade.',
];

/** The one place HTTP calls get their credentials. */
function api(base: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

describe.each(['sqlite', 'postgres'] as const)('re-embedding after a provider change (%s)', (kind) => {
  let registry: RegistryFixture;
  let data: TempDir;
  let database: TestDatabase | null = null;
  let stub: EmbeddingStub;
  let server: SpawnedServer;
  const ids: string[] = [];

  const start = (provider: Record<string, string>): Promise<SpawnedServer> =>
    startServer({
      env: {
        SERVICE_ROLE: 'memory',
        DATA_DIR: data.path,
        EMPLOYEE_REGISTRY_DIR: registry.path,
        MEMORY_ENCRYPTION_KEY: MEMORY_KEY,
        MEMORY_CLEANUP_CRON: 'off',
        DASHBOARD_ADMIN_TOKEN: TOKEN,
        ...(database !== null && { DATABASE_URL: database.url }),
        ...provider,
      },
    });

  beforeAll(async () => {
    registry = await makeRegistryFixture();
    data = await makeTempDir('dash-reembed-');
    if (kind === 'postgres') database = await createTestDatabase();
    stub = await startEmbeddingStub(256);
  });
  afterAll(async () => {
    await killAllServers();
    await stub?.close();
    await database?.drop();
    await data?.cleanup();
    await registry?.cleanup();
  });

  it('stores memories with the hash provider', async () => {
    server = await start({ MEMORY_EMBEDDINGS: 'hash' });
    for (const content of TEXTS) {
      const res = await api(server.url, '/api/memory/knowledge', { employeeId: EMPLOYEE, content });
      expect(res.status).toBe(201);
      const created = createMemoryResult.parse(await res.json());
      expect(created.memory.embedding).toEqual({ provider: 'hash-v1', dim: 512 });
      ids.push(created.memoryId);
    }
    expect(await server.stop()).toEqual({ code: 0, signal: null });
  });

  it('after a restart on another provider and dimension, every memory is re-embedded and found by vector search', async () => {
    server = await start({ MEMORY_EMBEDDINGS: 'http', MEMORY_EMBEDDINGS_URL: stub.url, MEMORY_EMBEDDINGS_MODEL: 'stub-256', MEMORY_EMBEDDINGS_DIM: '256' });

    const deadline = Date.now() + 60_000;
    for (;;) {
      const totals = memoryAllStatsResult.parse(await (await api(server.url, '/api/memory/stats')).json()).totals;
      expect(totals).toMatchObject({ embeddingProvider: 'http:stub-256', embeddingDim: 256 });
      if (totals.pendingEmbeddings === 0) break;
      if (Date.now() > deadline) throw new Error(`${totals.pendingEmbeddings} memories still wait for re-embedding`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    for (const id of ids) {
      const view = memoryView.parse(await (await api(server.url, `/api/memory/${id}?employeeId=${EMPLOYEE}`)).json());
      expect(view.embedding).toEqual({ provider: 'http:stub-256', dim: 256 });
    }
    // The stub embedded each stored memory's text.
    for (const content of TEXTS) expect(stub.inputs.some((input) => input.includes(content))).toBe(true);

    for (const [i, query] of ['vacuum bloat on the orders table', 'Safari login page flicker', 'liveness probes restart cascade'].entries()) {
      const res = await api(server.url, '/api/memory/search', { employeeId: EMPLOYEE, query, options: { mode: 'vector', topK: 3 } });
      expect(res.status).toBe(200);
      const hits = memorySearchResult.parse(await res.json()).results;
      expect(hits[0]?.id).toBe(ids[i]);
      expect(hits[0]?.scores.vector).toBeGreaterThan(0);
    }
  });
});
