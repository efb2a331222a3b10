/**
 * A memory service over a real store (a temp SQLite file, or a fresh PostgreSQL database), with a
 * chosen vector index and embedding provider, and the employees of the committed default registry.
 * `reopen` builds another service on the same database (a restart, or a second replica).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { registryFile } from '@dash/shared';
import { MemoryCipher } from '../../src/adapters/memory-crypto/memory-cipher.js';
import { HashEmbeddingProvider } from '../../src/adapters/memory-embeddings/hash-embedding-provider.js';
import { KyselyMemoryRepository } from '../../src/adapters/memory-store/kysely-memory-repository.js';
import { InMemoryVectorIndex } from '../../src/adapters/memory-vector/in-memory-vector-index.js';
import { SqliteVecIndex } from '../../src/adapters/memory-vector/sqlite-vec-index.js';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import type { MemoryMember } from '../../src/domain/memory/memory-access.js';
import type { Clock } from '../../src/ports/clock.js';
import type { EmbeddingProvider } from '../../src/ports/embedding-provider.js';
import type { Logger } from '../../src/ports/logger.js';
import type { MemoryMemberDirectory } from '../../src/ports/memory-repository.js';
import type { Store } from '../../src/ports/store.js';
import type { VectorIndex } from '../../src/ports/vector-index.js';
import { MemoryService } from '../../src/services/memory/memory-service.js';
import { DEFAULT_REGISTRY_DIR } from './employee-registry-fixture.js';
import { createTestDatabase, type TestDatabase } from './postgres.js';
import { makeTempDir, type TempDir } from './temp-dir.js';

export type MemoryDialect = 'sqlite' | 'postgres';
export type IndexKind = 'sqlite-vec' | 'in-memory';

/** A clock tests can move. */
export class TestClock implements Clock {
  constructor(public ms = Date.parse('2025-08-01T12:00:00.000Z')) {}
  now(): number {
    return this.ms;
  }
  isoNow(): string {
    return new Date(this.ms).toISOString();
  }
  advanceDays(days: number): void {
    this.ms += days * 24 * 3600 * 1000;
  }
}

export interface CapturingLogger extends Logger {
  lines: { level: string; obj: object; msg: string | undefined }[];
}

export function capturingLogger(): CapturingLogger {
  const lines: CapturingLogger['lines'] = [];
  const at = (level: string) => (obj: object, msg?: string) => void lines.push({ level, obj, msg });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** The employees of the committed default registry, as the memory service sees them. */
export async function registryMembers(): Promise<MemoryMemberDirectory & { all: MemoryMember[] }> {
  const registry = registryFile.parse(JSON.parse(await readFile(join(DEFAULT_REGISTRY_DIR, 'employee-registry.json'), 'utf8')));
  const heads = new Set(Object.values(registry.departments).map((d) => d.head));
  const all: MemoryMember[] = registry.employees.map((e) => ({ id: e.id, role: e.role, department: e.department, isDepartmentHead: heads.has(e.id) }));
  return {
    all,
    get: (id) => Promise.resolve(all.find((m) => m.id === id) ?? null),
    list: () => Promise.resolve([...all]),
  };
}

export interface ServiceOptions {
  key?: Buffer;
  embeddings?: EmbeddingProvider;
  index?: IndexKind;
  backgroundReembed?: boolean;
}

export interface MemoryHarness {
  dialect: MemoryDialect;
  store: Store;
  service: MemoryService;
  index: VectorIndex;
  key: Buffer;
  clock: TestClock;
  logger: CapturingLogger;
  /** Another service on the same database (opened); closed by cleanup. */
  reopen(options?: ServiceOptions): Promise<{ service: MemoryService; index: VectorIndex }>;
  /** The same, without opening (to test open() failures). */
  build(options?: ServiceOptions): { service: MemoryService; index: VectorIndex };
  cleanup(): Promise<void>;
}

export async function makeMemoryHarness(dialect: MemoryDialect, options: ServiceOptions = {}): Promise<MemoryHarness> {
  const dir: TempDir = await makeTempDir('dash-memory-');
  let database: TestDatabase | null = null;
  let store: Store;
  if (dialect === 'sqlite') {
    store = await openStore({ kind: 'sqlite', file: join(dir.path, 'dashboard.sqlite') });
  } else {
    database = await createTestDatabase();
    store = await openStore({ kind: 'postgres', url: database.url, poolSize: 4 });
  }
  const members = await registryMembers();
  const clock = new TestClock();
  const logger = capturingLogger();
  const key = options.key ?? randomBytes(32);
  const services: { service: MemoryService; index: VectorIndex }[] = [];

  const build = (opts: ServiceOptions = {}): { service: MemoryService; index: VectorIndex } => {
    const merged = { ...options, ...opts };
    const embeddings = merged.embeddings ?? new HashEmbeddingProvider();
    const kind = merged.index ?? (dialect === 'sqlite' ? 'sqlite-vec' : 'in-memory');
    const index: VectorIndex =
      kind === 'sqlite-vec' ? SqliteVecIndex.open({ file: join(dir.path, 'memory-vectors.sqlite'), dim: embeddings.dim }) : new InMemoryVectorIndex(embeddings.dim);
    const service = new MemoryService(
      {
        repository: new KyselyMemoryRepository({ ...storeDatabaseOf(store), cipher: new MemoryCipher(merged.key ?? key) }),
        index,
        embeddings,
        members,
        clock,
        logger,
        newId: randomUUID,
      },
      { backgroundReembed: merged.backgroundReembed ?? false },
    );
    services.push({ service, index });
    return { service, index };
  };
  const first = build();
  await first.service.open();
  return {
    dialect,
    store,
    service: first.service,
    index: first.index,
    key,
    clock,
    logger,
    build,
    reopen: async (opts) => {
      const next = build(opts);
      await next.service.open();
      return next;
    },
    cleanup: async () => {
      for (const s of services) {
        await s.service.close();
        await s.index.close();
      }
      await store.close();
      await database?.drop();
      await dir.cleanup();
    },
  };
}
