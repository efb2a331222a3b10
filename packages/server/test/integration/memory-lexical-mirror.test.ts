/**
 * The in-memory lexical mirror (adapters/memory-store/lexical-mirror.ts) gives the same BM25
 * hits and scores as the SQL path over the same store, on SQLite and PostgreSQL, and follows
 * writes made by another repository instance (another replica) after it was loaded: edits,
 * scope changes, archiving, deletion, and memories stored without a vector.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryCipher } from '../../src/adapters/memory-crypto/memory-cipher.js';
import { KyselyMemoryRepository } from '../../src/adapters/memory-store/kysely-memory-repository.js';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import { AppError } from '../../src/domain/app-error.js';
import { softwareQueryExpander } from '../../src/domain/memory/query-expansion.js';
import type { EmbeddingProvider } from '../../src/ports/embedding-provider.js';
import type { LexicalHit } from '../../src/ports/memory-repository.js';
import { makeMemoryHarness, type MemoryDialect, type MemoryHarness } from '../support/memory-harness.js';

const fixtures = new URL('../fixtures/memory-retrieval/', import.meta.url);
const memories = (JSON.parse(readFileSync(new URL('memories.json', fixtures), 'utf8')) as { id: string; employeeId: string; content: string; tags: string[] }[]).slice(0, 60);
const queries = (JSON.parse(readFileSync(new URL('queries.json', fixtures), 'utf8')) as { query: string }[]).slice(0, 40).map((q) => q.query);

/** A provider that is down: memories written through it are stored without a vector. */
const downProvider: EmbeddingProvider = {
  id: 'hash-v1',
  dim: 512,
  embed: () => Promise.reject(new AppError('MEMORY_EMBEDDING_FAILED', { message: 'provider down (test)' })),
  close: () => Promise.resolve(),
};

const ALL_PARTITIONS = ['company', 'dept:executive', 'dept:development', 'dept:operations', 'dept:support', ...Array.from({ length: 13 }, (_, i) => `emp:emp_${String(i + 1).padStart(3, '0')}`)];

function expectSameHits(mirror: LexicalHit[], sql: LexicalHit[], query: string): void {
  expect(mirror.map((h) => h.id).sort(), query).toEqual(sql.map((h) => h.id).sort());
  const sqlScore = new Map(sql.map((h) => [h.id, h.score]));
  for (const hit of mirror) expect(hit.score, `${query}: ${hit.id}`).toBeCloseTo(sqlScore.get(hit.id) ?? Number.NaN, 9);
  for (let i = 1; i < mirror.length; i++) expect((mirror[i - 1] as LexicalHit).score).toBeGreaterThanOrEqual((mirror[i] as LexicalHit).score);
}

describe.each<MemoryDialect>(['sqlite', 'postgres'])('lexical mirror on %s', (dialect) => {
  let h: MemoryHarness;
  const repositories = (): { mirror: KyselyMemoryRepository; sql: KyselyMemoryRepository } => ({
    mirror: new KyselyMemoryRepository({ ...storeDatabaseOf(h.store), cipher: new MemoryCipher(h.key) }),
    sql: new KyselyMemoryRepository({ ...storeDatabaseOf(h.store), cipher: new MemoryCipher(h.key), lexicalIndex: 'sql' }),
  });
  const compare = async (mirror: KyselyMemoryRepository, sql: KyselyMemoryRepository, partitions: readonly string[], includeArchived = false): Promise<number> => {
    let hits = 0;
    for (const query of queries) {
      const terms = softwareQueryExpander.expand(query).terms;
      const [fromMirror, fromSql] = await Promise.all([mirror.lexicalSearch(terms, partitions, 1000, includeArchived), sql.lexicalSearch(terms, partitions, 1000, includeArchived)]);
      expectSameHits(fromMirror, fromSql, query);
      hits += fromMirror.length;
    }
    return hits;
  };

  beforeEach(async () => {
    h = await makeMemoryHarness(dialect);
  });
  afterEach(async () => {
    await h.cleanup();
  });

  it('scores like SQL BM25 after loading, and follows later writes from another instance', async () => {
    const ids: string[] = [];
    for (const [i, m] of memories.entries()) {
      const scope = i % 3 === 0 ? 'company' : i % 3 === 1 ? 'department' : 'private';
      const owner = scope === 'private' ? m.employeeId : 'emp_001';
      ids.push((await h.service.create('experience', { employeeId: owner, content: m.content, metadata: { scope, tags: m.tags } })).id);
    }
    const { mirror, sql } = repositories();
    await mirror.open();
    // Opening again (two services sharing one repository) reloads instead of adding twice.
    await mirror.open();
    await sql.open();
    expect(await compare(mirror, sql, ALL_PARTITIONS)).toBeGreaterThan(100);
    expect(await compare(mirror, sql, ['emp:emp_004', 'dept:development', 'company'])).toBeGreaterThan(10);

    // Writes through the harness's own repository, after the mirror was loaded.
    const [edited, rescoped, archived, deleted] = ids as [string, string, string, string];
    await h.service.update('emp_001', edited, { content: 'Kubernetes readiness probes and terraform state locks, rewritten' });
    await h.service.update('emp_001', rescoped, { scope: 'private' });
    await h.service.archive({ employeeId: 'emp_001', memoryIds: [archived] });
    await h.service.delete('emp_001', deleted);
    const { service: offline } = await h.reopen({ embeddings: downProvider });
    const unembedded = await offline.create('knowledge', { employeeId: 'emp_009', content: 'Terraform plan output is attached to every infrastructure pull request' });
    expect(unembedded.embedding).toBeNull();

    expect(await compare(mirror, sql, ALL_PARTITIONS)).toBeGreaterThan(100);
    expect(await compare(mirror, sql, ALL_PARTITIONS, true)).toBeGreaterThan(100);
    const terraform = softwareQueryExpander.expand('terraform').terms;
    const found = (await mirror.lexicalSearch(terraform, ALL_PARTITIONS, 50, false)).map((hit) => hit.id);
    expect(found).toContain(edited);
    expect(found).toContain(unembedded.id);
    const all = (await mirror.lexicalSearch(softwareQueryExpander.expand(memories[3]?.content ?? '').terms, ALL_PARTITIONS, 1000, false)).map((hit) => hit.id);
    expect(all).not.toContain(archived);
    expect(all).not.toContain(deleted);
    const withArchived = (await mirror.lexicalSearch(softwareQueryExpander.expand(memories[2]?.content ?? '').terms, ALL_PARTITIONS, 1000, true)).map((hit) => hit.id);
    expect(withArchived).toContain(archived);
  });
});
