/**
 * The MemoryRepository over the store's Kysely instance (SQLite or PostgreSQL; see
 * storeDatabaseOf). It does not own the connection: close it before the store.
 *
 * Every write that touches a vector takes the next value of the `vector_rev` counter inside its
 * transaction. On PostgreSQL the counter row stays locked until commit, so revisions become
 * visible in order and an index following `vectorChanges` never skips one; on SQLite writes are
 * serialized anyway.
 */
import { type Kysely } from 'kysely';
import type { QueryTerm } from '../../domain/memory/query-expansion.js';
import type { CandidateFilter, LexicalHit, MemoryMeta, MemoryPage, MemoryPatch, MemoryRepository, MemoryStorageFigures, NewMemory, StoredMemory, VectorChange, VectorInput } from '../../ports/memory-repository.js';
import type { StoreDialect } from '../../ports/store.js';
import type { MemoryCipher } from '../memory-crypto/memory-cipher.js';
import type { StoreDatabase } from '../store/schema.js';
type Db = Kysely<StoreDatabase>;
export interface KyselyMemoryRepositoryOptions {
    db: Db;
    dialect: StoreDialect;
    cipher: MemoryCipher;
    /**
     * `in-memory` (default): BM25 over an in-process mirror of the blind postings, filled at open
     * and kept in step through the revision feed (lexical-mirror.ts). `sql`: BM25 in SQL on every
     * search (no RAM cost; slower past some tens of thousands of memories). Same scores either way.
     */
    lexicalIndex?: 'in-memory' | 'sql';
}
export declare class KyselyMemoryRepository implements MemoryRepository {
    #private;
    constructor(options: KyselyMemoryRepositoryOptions);
    open(): Promise<void>;
    insert(memory: NewMemory, vector: VectorInput | null): Promise<StoredMemory>;
    get(id: string): Promise<StoredMemory | null>;
    getMany(ids: readonly string[]): Promise<StoredMemory[]>;
    update(id: string, patch: MemoryPatch, vector?: VectorInput | null): Promise<StoredMemory | null>;
    delete(id: string): Promise<boolean>;
    setArchived(ids: readonly string[], archivedAt: string | null): Promise<string[]>;
    listOwned(employeeId: string, options: {
        type?: StoredMemory['type'];
        includeArchived: boolean;
        limit: number;
        cursor?: string;
    }): Promise<MemoryPage>;
    metaOwned(employeeId: string): Promise<MemoryMeta[]>;
    filterCandidates(ids: readonly string[], filter: CandidateFilter): Promise<MemoryMeta[]>;
    lexicalSearch(terms: readonly QueryTerm[], partitions: readonly string[], limit: number, includeArchived: boolean): Promise<LexicalHit[]>;
    recordAccess(ids: readonly string[], at: string): Promise<void>;
    vectorChanges(afterRev: number, limit: number, provider: string): Promise<VectorChange[]>;
    needingEmbedding(provider: string, limit: number, afterId?: string): Promise<StoredMemory[]>;
    countNeedingEmbedding(provider: string, employeeId?: string): Promise<number>;
    putVectors(items: readonly ({
        id: string;
    } & VectorInput)[]): Promise<void>;
    storageOf(employeeId: string): Promise<MemoryStorageFigures>;
    owners(): Promise<string[]>;
}
export {};
