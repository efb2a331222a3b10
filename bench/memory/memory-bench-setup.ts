/**
 * Shared set-up of the memory benchmarks: a memory service over a fresh store (SQLite in a temp
 * dir, or a fresh PostgreSQL database on TEST_DATABASE_URL), with a chosen embedding provider and
 * vector index, and a directory in which every employee may share with the whole company (the
 * benchmarks store company-wide memories so every query searches the whole set).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { employeeRoleIds, type DepartmentId, type EmployeeRole } from '@dash/shared';
import { MemoryCipher } from '../../packages/server/src/adapters/memory-crypto/memory-cipher.js';
import { HashEmbeddingProvider } from '../../packages/server/src/adapters/memory-embeddings/hash-embedding-provider.js';
import { UseLiteEmbeddingProvider } from '../../packages/server/src/adapters/memory-embeddings/use-lite-embedding-provider.js';
import { KyselyMemoryRepository } from '../../packages/server/src/adapters/memory-store/kysely-memory-repository.js';
import { InMemoryVectorIndex } from '../../packages/server/src/adapters/memory-vector/in-memory-vector-index.js';
import { SqliteVecIndex } from '../../packages/server/src/adapters/memory-vector/sqlite-vec-index.js';
import { storeDatabaseOf } from '../../packages/server/src/adapters/store/kysely-store.js';
import { openStore } from '../../packages/server/src/adapters/store/open-store.js';
import type { Clock } from '../../packages/server/src/ports/clock.js';
import type { EmbeddingProvider } from '../../packages/server/src/ports/embedding-provider.js';
import { silentLogger } from '../../packages/server/src/ports/logger.js';
import type { MemoryMemberDirectory } from '../../packages/server/src/ports/memory-repository.js';
import type { Store } from '../../packages/server/src/ports/store.js';
import type { VectorIndex } from '../../packages/server/src/ports/vector-index.js';
import { MemoryService } from '../../packages/server/src/services/memory/memory-service.js';
import { createTestDatabase, type TestDatabase } from '../../packages/server/test/support/postgres.js';
import { makeTempDir, type TempDir } from '../../packages/server/test/support/temp-dir.js';

export type ProviderName = 'hash' | 'use-lite';
export type StoreName = 'sqlite' | 'postgres';

export class BenchClock implements Clock {
  ms = Date.parse('2025-09-01T12:00:00.000Z');
  now(): number {
    return this.ms;
  }
  isoNow(): string {
    return new Date(this.ms).toISOString();
  }
}

/** emp_001 … emp_013 in registry order; each one heads their "department" so they may share company-wide. */
export const BENCH_DEPARTMENTS: Record<string, DepartmentId> = {
  emp_001: 'executive', emp_002: 'executive', emp_003: 'executive',
  emp_004: 'development', emp_005: 'development', emp_006: 'development', emp_007: 'development',
  emp_008: 'operations', emp_009: 'operations', emp_010: 'operations',
  emp_011: 'support', emp_012: 'support', emp_013: 'support',
};

export function benchDirectory(): MemoryMemberDirectory {
  const members = Object.entries(BENCH_DEPARTMENTS).map(([id, department], i) => ({
    id,
    role: employeeRoleIds[i] as EmployeeRole,
    department,
    isDepartmentHead: true,
  }));
  return { get: (id) => Promise.resolve(members.find((m) => m.id === id) ?? null), list: () => Promise.resolve(members) };
}

export function makeProvider(name: ProviderName): EmbeddingProvider {
  return name === 'hash' ? new HashEmbeddingProvider() : new UseLiteEmbeddingProvider();
}

/** Remembers embeddings by text, so repeated runs over the same queries skip the model. */
export class CachingProvider implements EmbeddingProvider {
  readonly #cache = new Map<string, Float32Array>();
  constructor(private readonly inner: EmbeddingProvider) {}
  get id(): string {
    return this.inner.id;
  }
  get dim(): number {
    return this.inner.dim;
  }
  get bagOfWords(): boolean {
    return this.inner.bagOfWords === true;
  }
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const missing = [...new Set(texts.filter((t) => !this.#cache.has(t)))];
    if (missing.length > 0) {
      const vectors = await this.inner.embed(missing);
      missing.forEach((t, i) => this.#cache.set(t, vectors[i] as Float32Array));
    }
    return texts.map((t) => this.#cache.get(t) as Float32Array);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

export interface BenchMemory {
  service: MemoryService;
  repository: KyselyMemoryRepository;
  index: VectorIndex;
  embeddings: EmbeddingProvider;
  store: Store;
  clock: BenchClock;
  /** Another service on the same store and key with another vector index (filled from the store), opened. */
  withIndex(index: VectorIndex): Promise<MemoryService>;
  close(): Promise<void>;
}

export async function openBenchMemory(options: { store: StoreName; embeddings: EmbeddingProvider; index?: 'sqlite-vec' | 'in-memory' }): Promise<BenchMemory> {
  const dir: TempDir = await makeTempDir('dash-memory-bench-');
  let database: TestDatabase | null = null;
  let store: Store;
  if (options.store === 'sqlite') {
    store = await openStore({ kind: 'sqlite', file: join(dir.path, 'dashboard.sqlite') });
  } else {
    database = await createTestDatabase();
    store = await openStore({ kind: 'postgres', url: database.url, poolSize: 4 });
  }
  const indexKind = options.index ?? (options.store === 'sqlite' ? 'sqlite-vec' : 'in-memory');
  const index: VectorIndex =
    indexKind === 'sqlite-vec'
      ? SqliteVecIndex.open({ file: join(dir.path, 'memory-vectors.sqlite'), dim: options.embeddings.dim })
      : new InMemoryVectorIndex(options.embeddings.dim);
  const repository = new KyselyMemoryRepository({ ...storeDatabaseOf(store), cipher: new MemoryCipher(randomBytes(32)) });
  const clock = new BenchClock();
  const make = (vectorIndex: VectorIndex): MemoryService =>
    new MemoryService(
      { repository, index: vectorIndex, embeddings: options.embeddings, members: benchDirectory(), clock, logger: silentLogger, newId: randomUUID },
      { backgroundReembed: false },
    );
  const service = make(index);
  await service.open();
  const extra: { service: MemoryService; index: VectorIndex }[] = [];
  return {
    service,
    repository,
    index,
    embeddings: options.embeddings,
    store,
    clock,
    withIndex: async (other) => {
      const next = make(other);
      extra.push({ service: next, index: other });
      await next.open();
      return next;
    },
    close: async () => {
      for (const e of extra) {
        await e.service.close();
        await e.index.close();
      }
      await service.close();
      await index.close();
      await store.close();
      await database?.drop();
      await dir.cleanup();
    },
  };
}
