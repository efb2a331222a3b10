/**
 * The memory service against a real store, run on SQLite (memory-service-sqlite.test.ts) and on
 * PostgreSQL (memory-service-postgres.test.ts): encryption at rest, the key check, the permission
 * model, search filters and ranking, context packing, edits, archive/restore, cleanup, the
 * statistics views and re-embedding. Embeddings come from the deterministic hash provider.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { MEMORY_CONTENT_MAX_CHARS, memorySearchOptions, type MemorySearchOptionsInput, type MemoryView } from '@dash/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HashEmbeddingProvider } from '../../src/adapters/memory-embeddings/hash-embedding-provider.js';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import { AppError, isAppError } from '../../src/domain/app-error.js';
import type { EmbeddingProvider } from '../../src/ports/embedding-provider.js';
import type { MemoryService } from '../../src/services/memory/memory-service.js';
import { makeMemoryHarness, type MemoryDialect, type MemoryHarness } from '../support/memory-harness.js';

const codeOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
    return 'resolved';
  } catch (err) {
    return isAppError(err) ? err.code : `not an AppError: ${String(err)}`;
  }
};

const options = (input: MemorySearchOptionsInput = {}) => memorySearchOptions.parse(input);

/** A provider with another id (as after a configuration change) that can be told to fail. */
class SwitchableProvider implements EmbeddingProvider {
  readonly dim = 512;
  failing = false;
  calls = 0;
  readonly #hash = new HashEmbeddingProvider();
  constructor(readonly id: string) {}
  embed(texts: readonly string[]): Promise<Float32Array[]> {
    this.calls += 1;
    if (this.failing) return Promise.reject(new AppError('MEMORY_EMBEDDING_FAILED', { message: 'stub provider is down' }));
    return this.#hash.embed(texts);
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

export function defineMemoryServiceSuite(dialect: MemoryDialect): void {
  describe(`memory service on ${dialect}`, () => {
    let h: MemoryHarness;
    let memory: MemoryService;

    beforeEach(async () => {
      h = await makeMemoryHarness(dialect);
      memory = h.service;
    });
    afterEach(async () => {
      await h.cleanup();
    });

    const store = (employeeId: string, content: string, extra: Partial<{ scope: 'private' | 'department' | 'company'; tags: string[]; importance: number; type: 'experience' | 'knowledge' | 'decision' }> = {}) =>
      memory.create(extra.type ?? 'experience', {
        employeeId,
        content,
        metadata: {
          ...(extra.scope && { scope: extra.scope }),
          ...(extra.tags && { tags: extra.tags }),
          ...(extra.importance !== undefined && { importance: extra.importance }),
        },
      });
    const searchIds = async (employeeId: string, query: string, opts: MemorySearchOptionsInput = {}): Promise<string[]> =>
      (await memory.search.search({ employeeId, query, options: options({ topK: 20, ...opts }) })).results.map((r) => r.id);

    it('stores a memory with the type defaults and reads it back', async () => {
      const knowledge = await memory.create('knowledge', {
        employeeId: 'emp_004',
        content: 'Kysely migrations must be listed in migrations/index.ts; there is no folder scan.',
        context: { domain: 'persistence' },
        metadata: { tags: ['kysely', 'migrations'], source: { runId: 'run-1', taskId: 'task-9' } },
      });
      expect(knowledge).toMatchObject({
        employeeId: 'emp_004',
        type: 'knowledge',
        scope: 'private',
        department: 'development',
        importance: 6,
        tags: ['kysely', 'migrations'],
        context: { domain: 'persistence', confidence: 8 },
        source: { runId: 'run-1', taskId: 'task-9' },
        accessCount: 0,
        archivedAt: null,
        embedding: { provider: 'hash-v1', dim: 512 },
      });
      expect(knowledge.id).toMatch(/^mem_[0-9a-f-]{36}$/);
      expect(await memory.get('emp_004', knowledge.id)).toEqual(knowledge);

      const decision = await store('emp_002', 'Chose PostgreSQL advisory locks for migrations', { type: 'decision' });
      expect(decision).toMatchObject({ importance: 8, context: { outcome: 'pending' } });
      const interaction = await memory.createInteraction({ employeeId: 'emp_005', query: 'How do I run one test?', response: 'npx vitest run <file>', metadata: { tags: ['testing', 'Interaction'] } });
      expect(interaction).toMatchObject({ type: 'interaction', importance: 4, tags: ['interaction', 'learning', 'testing'], content: 'Query: How do I run one test?\nResponse: npx vitest run <file>' });
    });

    it('keeps content, context and words out of the database in clear', async () => {
      const secret = 'Rotated the zanzibarian deploy token after the quokka incident';
      const stored = await memory.create('experience', {
        employeeId: 'emp_008',
        content: secret,
        context: { project: 'platypus-gateway', lessons_learned: ['never paste wombat tokens'] },
      });
      const { db } = storeDatabaseOf(h.store);
      const dump = JSON.stringify([
        await db.selectFrom('memories').selectAll().execute(),
        await db.selectFrom('memory_terms').selectAll().execute(),
        await db.selectFrom('memory_meta').selectAll().execute(),
      ]);
      for (const word of ['zanzibarian', 'quokka', 'platypus', 'wombat', 'Rotated', 'deploy', 'token']) expect(dump).not.toContain(word);
      const row = await db.selectFrom('memories').select(['sealed']).where('id', '=', stored.id).executeTakeFirstOrThrow();
      expect(row.sealed.startsWith('v1:')).toBe(true);
      // ... and still searchable, lexically and by vector.
      expect(await searchIds('emp_008', 'quokka incident', { mode: 'lexical' })).toEqual([stored.id]);
      expect(await searchIds('emp_008', 'zanzibarian deploy token', { mode: 'vector' })).toEqual([stored.id]);
      expect(h.logger.lines.map((l) => JSON.stringify(l)).join('\n')).not.toMatch(/zanzibarian|quokka|platypus|wombat/);
    });

    it('refuses to open with another key (MEMORY_KEY_MISMATCH), and a tampered row never reads as garbage', async () => {
      const stored = await store('emp_005', 'The flaky e2e test was a race on the port file');
      const other = h.build({ key: randomBytes(32) });
      const err = await other.service.open().catch((e: unknown) => e);
      expect(isAppError(err) && err.code).toBe('MEMORY_KEY_MISMATCH');
      expect((err as Error).message).toMatch(/MEMORY_ENCRYPTION_KEY/);

      const again = await h.reopen({ key: h.key });
      expect((await again.service.get('emp_005', stored.id)).content).toBe('The flaky e2e test was a race on the port file');

      const { db } = storeDatabaseOf(h.store);
      const donor = await store('emp_005', 'another memory');
      const { sealed } = await db.selectFrom('memories').select('sealed').where('id', '=', donor.id).executeTakeFirstOrThrow();
      await db.updateTable('memories').set({ sealed }).where('id', '=', stored.id).execute();
      expect(await codeOf(memory.get('emp_005', stored.id))).toBe('MEMORY_KEY_MISMATCH');
    });

    it('enforces the permission model on reads, searches and writes', async () => {
      const juniorPrivate = await store('emp_005', 'My notes on the checkout retry bug');
      const headShared = await store('emp_004', 'Development rule: every checkout change needs a contract test', { scope: 'department' });
      const company = await store('emp_001', 'Company rule: checkout releases go out on Tuesdays', { scope: 'company' });

      // private: owner only
      expect(await codeOf(memory.get('emp_006', juniorPrivate.id))).toBe('MEMORY_NOT_FOUND');
      expect(await codeOf(memory.get('emp_001', juniorPrivate.id))).toBe('MEMORY_NOT_FOUND');
      expect(await searchIds('emp_006', 'checkout retry bug')).not.toContain(juniorPrivate.id);
      expect(await searchIds('emp_005', 'checkout retry bug')).toContain(juniorPrivate.id);

      // department: members and leadership read; other departments do not
      expect((await memory.get('emp_005', headShared.id)).id).toBe(headShared.id);
      expect((await memory.get('emp_002', headShared.id)).id).toBe(headShared.id);
      expect(await codeOf(memory.get('emp_009', headShared.id))).toBe('MEMORY_NOT_FOUND');
      expect(await searchIds('emp_006', 'checkout contract test')).toContain(headShared.id);
      expect(await searchIds('emp_003', 'checkout contract test')).toContain(headShared.id);
      expect(await searchIds('emp_009', 'checkout contract test')).not.toContain(headShared.id);

      // company: everyone reads
      expect(await searchIds('emp_012', 'checkout releases Tuesdays')).toContain(company.id);

      // writes: members read shared memories but may not change them; sharing is for heads and leadership
      expect(await codeOf(memory.update('emp_005', headShared.id, { importance: 1 }))).toBe('FORBIDDEN');
      expect(await codeOf(memory.delete('emp_006', headShared.id))).toBe('FORBIDDEN');
      expect(await codeOf(store('emp_005', 'I want to share this', { scope: 'department' }))).toBe('FORBIDDEN');
      expect(await codeOf(store('emp_005', 'I want to share this', { scope: 'company' }))).toBe('FORBIDDEN');
      expect(await codeOf(memory.update('emp_005', juniorPrivate.id, { scope: 'department' }))).toBe('FORBIDDEN');
      expect(await codeOf(memory.update('emp_006', juniorPrivate.id, { importance: 1 }))).toBe('MEMORY_NOT_FOUND');
      expect((await memory.update('emp_002', headShared.id, { importance: 9 })).importance).toBe(9);
      const archive = await memory.archive({ employeeId: 'emp_006', memoryIds: [headShared.id, juniorPrivate.id] });
      expect(archive).toEqual({
        done: [],
        errors: [
          { memoryId: headShared.id, code: 'FORBIDDEN', message: expect.any(String) },
          { memoryId: juniorPrivate.id, code: 'MEMORY_NOT_FOUND', message: expect.any(String) },
        ],
      });

      // a head moving their shared memory back to private takes it out of the department's reach
      await memory.update('emp_004', headShared.id, { scope: 'private' });
      expect(await codeOf(memory.get('emp_005', headShared.id))).toBe('MEMORY_NOT_FOUND');
      expect(await searchIds('emp_006', 'checkout contract test')).not.toContain(headShared.id);
    });

    it('answers 404 for unknown employees and 413 for oversized content', async () => {
      expect(await codeOf(store('emp_999', 'hello'))).toBe('NOT_FOUND');
      expect(await codeOf(memory.search.search({ employeeId: 'nobody', query: 'x', options: options() }))).toBe('NOT_FOUND');
      expect(await codeOf(memory.insights.stats('emp_404'))).toBe('NOT_FOUND');
      const tooBig = await store('emp_004', 'x'.repeat(MEMORY_CONTENT_MAX_CHARS + 1)).catch((e: unknown) => e);
      expect(isAppError(tooBig) && tooBig.code).toBe('PAYLOAD_TOO_LARGE');
      expect((tooBig as AppError).fields).toEqual([{ path: 'body.content', message: expect.any(String) }]);
      expect((await store('emp_004', 'y'.repeat(MEMORY_CONTENT_MAX_CHARS))).content).toHaveLength(MEMORY_CONTENT_MAX_CHARS);
      expect(await codeOf(memory.create('experience', { employeeId: 'emp_004', content: 'ok', context: { blob: 'z'.repeat(25_000) } }))).toBe('PAYLOAD_TOO_LARGE');
    });

    it('ranks the relevant memory first and applies every filter', async () => {
      const redis = await store('emp_009', 'Redis eviction policy allkeys-lru stopped the cache from filling memory', { tags: ['redis', 'cache'], importance: 8 });
      const dns = await store('emp_009', 'DNS TTL of 5 minutes delayed the failover to the standby region', { tags: ['dns'], importance: 5 });
      const lowRedis = await store('emp_009', 'Redis cache keys should carry a version prefix', { tags: ['redis'], importance: 2, type: 'knowledge' });
      h.clock.advanceDays(10);
      const later = await store('emp_009', 'Redis memory alarm fired again; raised maxmemory to 2 GB', { tags: ['redis', 'alerts'] });

      expect((await searchIds('emp_009', 'redis cache eviction filling memory'))[0]).toBe(redis.id);
      expect((await searchIds('emp_009', 'failover delayed by DNS'))[0]).toBe(dns.id);
      expect(await searchIds('emp_009', 'redis', { memoryTypes: ['knowledge'] })).toEqual([lowRedis.id]);
      expect((await searchIds('emp_009', 'redis', { minImportance: 6 })).sort()).toEqual([later.id, redis.id].sort());
      expect(await searchIds('emp_009', 'redis', { tags: ['alerts'] })).toEqual([later.id]);
      const start = new Date(h.clock.now() - 24 * 3600 * 1000).toISOString();
      expect(await searchIds('emp_009', 'redis', { timeRange: { start } })).toEqual([later.id]);
      expect(await searchIds('emp_009', 'redis', { timeRange: { end: start } })).not.toContain(later.id);
      const accessed = (await memory.get('emp_009', redis.id)).accessCount;
      const top1 = await memory.search.search({ employeeId: 'emp_009', query: 'redis eviction', options: options({ topK: 1 }) });
      expect(top1.results.map((r) => r.id)).toEqual([redis.id]);
      expect(top1.results[0]).not.toHaveProperty('embeddings');
      expect(Object.keys(top1.results[0]?.memory ?? {})).not.toContain('vector');
      const after = await memory.get('emp_009', redis.id);
      expect(after.accessCount).toBe(accessed + 1);
      expect(after.lastAccessedAt).toBe(h.clock.isoNow());
    });

    it('archives, restores and searches archived memories only on request', async () => {
      const a = await store('emp_010', 'Threat model for the webhook receiver: replay attacks need a nonce');
      expect((await memory.archive({ employeeId: 'emp_010', memoryIds: [a.id] })).done).toEqual([a.id]);
      expect(await searchIds('emp_010', 'webhook replay nonce')).toEqual([]);
      expect(await searchIds('emp_010', 'webhook replay nonce', { includeArchived: true })).toEqual([a.id]);
      expect((await memory.get('emp_010', a.id)).archivedAt).not.toBeNull();
      expect((await memory.restore({ employeeId: 'emp_010', memoryIds: [a.id] })).done).toEqual([a.id]);
      expect(await searchIds('emp_010', 'webhook replay nonce', { mode: 'vector' })).toEqual([a.id]);
      expect(await searchIds('emp_010', 'webhook replay nonce', { mode: 'lexical' })).toEqual([a.id]);
    });

    it('re-indexes on edit and forgets on delete', async () => {
      const m = await store('emp_013', 'The release build takes 14 minutes because of the docs step');
      await memory.update('emp_013', m.id, { content: 'The release build takes 3 minutes since sourcemaps are skipped' });
      expect(await searchIds('emp_013', 'docs step', { mode: 'lexical' })).toEqual([]);
      expect(await searchIds('emp_013', 'sourcemaps skipped', { mode: 'lexical' })).toEqual([m.id]);
      expect(await searchIds('emp_013', 'release build sourcemaps', { mode: 'vector' })).toEqual([m.id]);
      const before = await h.index.count();
      await memory.delete('emp_013', m.id);
      expect(await h.index.count()).toBe(before - 1);
      expect(await searchIds('emp_013', 'release build sourcemaps')).toEqual([]);
      expect(await codeOf(memory.get('emp_013', m.id))).toBe('MEMORY_NOT_FOUND');
    });

    it('builds a task context within the token budget, citing each memory by id', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) {
        ids.push((await store('emp_011', `API docs lesson ${i}: document every error code of the runs API with an example body. ${'detail '.repeat(40)}`)).id);
      }
      await store('emp_011', 'Favourite colour of the office plant is green');
      const result = await memory.search.context({ employeeId: 'emp_011', taskDescription: 'Write the runs API error code documentation', tokenBudget: 300, options: { topK: 10 } });
      const ctx = result.context;
      expect(ctx.tokensUsed).toBeLessThanOrEqual(300);
      expect(ctx.memories.length).toBeGreaterThan(0);
      for (const m of ctx.memories) expect(ctx.prompt).toContain(`[${m.id}]`);
      expect(ctx.memories.every((m) => ids.includes(m.id))).toBe(true);
      expect(ctx.summary.totalMemories).toBe(ctx.memories.length);
      expect(ctx.summary.experienceCount).toBe(ctx.memories.length);
    });

    it('reports stats, lifecycle, storage, expertise, and cleans up old unused memories', async () => {
      const old = await store('emp_007', 'Manual test of the login page on Safari found a cookie bug', { importance: 1, tags: ['manual_testing', 'safari'] });
      // Critical (9+): never a cleanup candidate, however old and unused.
      await store('emp_007', 'Exploratory testing checklist for the login page', { importance: 9, tags: ['manual_testing', 'checklist'], type: 'knowledge' });
      h.clock.advanceDays(200);
      await store('emp_007', 'Automated the Safari login regression with Playwright', { importance: 8, tags: ['automation', 'safari'] });

      const stats = await memory.insights.stats('emp_007');
      expect(stats).toMatchObject({ employeeId: 'emp_007', role: 'test_engineer', department: 'development', totalMemories: 3, archivedMemories: 0, pendingEmbeddings: 0 });
      expect(stats.byType).toEqual({ experience: 2, knowledge: 1, decision: 0, interaction: 0 });
      expect((await memory.insights.allStats()).map((s) => s.employeeId)).toHaveLength(13);

      const lifecycle = await memory.insights.lifecycle('emp_007');
      expect(lifecycle).toMatchObject({ totalMemories: 3, byAge: { recent: 1, medium: 0, old: 2 }, cleanupCandidates: 1 });

      const storage = await memory.insights.storage('emp_007');
      expect(storage).toMatchObject({ memoryCount: 3, vectorCount: 3, vectorBytes: 3 * 512 * 4, storageStatus: 'ok' });
      expect(storage.contentBytes).toBeGreaterThan(0);

      const expertise = await memory.insights.expertise('emp_007', 'login testing');
      expect(expertise.experienceCount + expertise.knowledgeCount).toBeGreaterThanOrEqual(1);
      expect(expertise.keySkills.map((s) => s.skill)).toContain('manual_testing');
      expect((await memory.insights.expertise('emp_007', 'kubernetes helm charts')).expertiseScore).toBe(0);

      const dry = await memory.insights.cleanup('emp_007', { ageThresholdDays: 180, importanceThreshold: 0.3, maxMemoriesToArchive: 100, dryRun: true });
      expect(dry.analysis).toEqual({ totalMemories: 3, candidatesForArchival: 1, memoriesToArchive: 1 });
      expect(dry.archival.archivedCount).toBe(0);
      const real = await memory.insights.cleanup('emp_007', { ageThresholdDays: 180, importanceThreshold: 0.3, maxMemoriesToArchive: 100, dryRun: false });
      expect(real.archival).toEqual({ archivedCount: 1, archivedMemories: [old.id] });
      expect((await memory.insights.stats('emp_007')).archivedMemories).toBe(1);
    });

    it('stores memories while the provider is down and re-embeds them later, also after a provider change', async () => {
      const down = new SwitchableProvider('stub-v1');
      const first = await h.reopen({ embeddings: down, index: 'in-memory' });
      down.failing = true;
      const pending: MemoryView[] = [];
      for (const text of ['Canary analysis caught the memory leak', 'Blue green deploys need a drain step', 'Terraform state lock stuck after CI timeout']) {
        pending.push(await first.service.create('experience', { employeeId: 'emp_008', content: text }));
      }
      expect(pending.every((m) => m.embedding === null)).toBe(true);
      // Found lexically meanwhile; a hybrid search degrades instead of failing.
      expect((await first.service.search.search({ employeeId: 'emp_008', query: 'terraform state lock', options: options() })).results[0]?.id).toBe(pending[2]?.id);
      expect((await first.service.insights.stats('emp_008')).pendingEmbeddings).toBe(3);

      down.failing = false;
      expect(await first.service.reembed(2)).toEqual({ provider: 'stub-v1', embedded: 2, failed: 0, remaining: 1 });
      expect(await first.service.reembed(100)).toEqual({ provider: 'stub-v1', embedded: 1, failed: 0, remaining: 0 });
      expect(await first.index.count()).toBe(3);

      // Another provider id: every vector is stale until re-embedded; the index is rebuilt for it.
      const next = await h.reopen({ embeddings: new SwitchableProvider('stub-v2'), index: 'in-memory' });
      expect(await next.index.count()).toBe(0);
      expect((await next.service.insights.stats('emp_008')).pendingEmbeddings).toBe(3);
      expect((await next.service.reembed(1000)).remaining).toBe(0);
      expect(await next.index.count()).toBe(3);
      expect((await next.service.get('emp_008', pending[0]?.id ?? '')).embedding).toEqual({ provider: 'stub-v2', dim: 512 });
    });

    it('keeps a second instance (replica or restart) in step through the change feed', async () => {
      const other = await h.reopen({ index: 'in-memory' });
      const written = await store('emp_006', 'Quality gate: coverage must not drop below 80 percent on the payments module');
      const seen = await other.service.search.search({ employeeId: 'emp_006', query: 'payments coverage quality gate', options: options({ mode: 'vector' }) });
      expect(seen.results.map((r) => r.id)).toEqual([written.id]);
      await memory.delete('emp_006', written.id);
      const gone = await other.service.search.search({ employeeId: 'emp_006', query: 'payments coverage quality gate', options: options({ mode: 'vector' }) });
      expect(gone.results).toEqual([]);
    });

    it('rebuilds a lost vector index from the store', async () => {
      for (let i = 0; i < 5; i++) await store('emp_012', `Design system token ${i} for spacing and colour`);
      const { db } = storeDatabaseOf(h.store);
      const stored = Number((await sql<{ n: number }>`select count(*) as n from memory_vectors where vector is not null`.execute(db)).rows[0]?.n);
      await h.index.clear();
      const again = await h.reopen();
      expect(await again.index.count()).toBe(stored);
    });
  });
}
