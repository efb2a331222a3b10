/**
 * Persistence of employee memories in the main store (SQLite or PostgreSQL). One implementation
 * over Kysely for both dialects (adapters/memory-store).
 *
 * Encryption at rest is the repository's business: content and context go in and come out as
 * plaintext, and are stored sealed with AES-256-GCM under MEMORY_ENCRYPTION_KEY. Lexical search
 * works on a blind index (keyed hashes of the normalized tokens), so no plaintext is at rest.
 * Type, scope, tags, importance, times and vectors are stored in clear (they drive filtering).
 *
 * Vectors: each memory has at most one stored vector, with the id and dimension of the provider
 * that made it. Every vector write (insert, replace, move to another partition, archive, delete)
 * gets the next change revision, in commit order, so vector indexes can follow the changes. So
 * does every change to a memory's lexical terms or partition (a memory without a vector keeps a
 * tombstone row for it), so an in-process mirror of the lexical index can follow them too.
 */
import type { DepartmentId, EmployeeRole, MemoryContext, MemoryScope, MemorySource, MemoryType } from '@dash/shared';
import type { QueryTerm } from '../domain/memory/query-expansion.js';

export interface StoredMemory {
  id: string;
  employeeId: string;
  type: MemoryType;
  scope: MemoryScope;
  department: string;
  content: string;
  context: MemoryContext;
  tags: string[];
  importance: number;
  source: MemorySource;
  createdAt: string;
  updatedAt: string;
  lastAccessedAt: string | null;
  accessCount: number;
  archivedAt: string | null;
  embedding: { provider: string; dim: number } | null;
}

/** Metadata only (nothing decrypted): for filtering, ranking and the statistics views. */
export interface MemoryMeta {
  id: string;
  employeeId: string;
  type: MemoryType;
  scope: MemoryScope;
  importance: number;
  tags: string[];
  accessCount: number;
  createdAt: string;
  lastAccessedAt: string | null;
  archivedAt: string | null;
  embeddingProvider: string | null;
}

export interface NewMemory {
  id: string;
  employeeId: string;
  type: MemoryType;
  scope: MemoryScope;
  department: string;
  /** The index partition (domain/memory/memory-access.ts partitionOf). */
  partition: string;
  content: string;
  context: MemoryContext;
  tags: string[];
  importance: number;
  source: MemorySource;
  createdAt: string;
}

export interface MemoryPatch {
  content?: string;
  context?: MemoryContext;
  tags?: string[];
  importance?: number;
  scope?: MemoryScope;
  partition?: string;
  updatedAt: string;
}

export interface VectorInput {
  provider: string;
  vector: Float32Array;
}

export interface CandidateFilter {
  /** Only memories owned by this employee. */
  employeeId?: string;
  types?: readonly MemoryType[];
  /** ISO 8601 bounds on createdAt, inclusive. */
  createdFrom?: string;
  createdTo?: string;
  minImportance?: number;
  /** At least one of these tags. */
  tags?: readonly string[];
  includeArchived: boolean;
}

export interface LexicalHit {
  id: string;
  /**
   * BM25 in rare-word units (the sum divided by `rareTermIdf(documents)`, domain/memory/
   * bm25-terms.ts): about 1 per distinctive query word the memory contains; higher is better.
   */
  score: number;
}

/** One vector change for index maintenance; `vector` null = drop the id from the index. */
export interface VectorChange {
  rev: number;
  id: string;
  partition: string;
  vector: Float32Array | null;
}

export interface MemoryPage {
  items: StoredMemory[];
  nextCursor: string | null;
}

export interface MemoryStorageFigures {
  memoryCount: number;
  archivedCount: number;
  vectorCount: number;
  contentBytes: number;
  vectorBytes: number;
}

export interface MemoryRepository {
  /**
   * Checks MEMORY_ENCRYPTION_KEY against the key check value stored with the memories (recording
   * it on first use, or replacing it while no memory is stored). Throws AppError
   * MEMORY_KEY_MISMATCH when they differ: never silently unreadable memories.
   */
  open(): Promise<void>;
  /** Inserts the memory (and its vector, if any) in one transaction. */
  insert(memory: NewMemory, vector: VectorInput | null): Promise<StoredMemory>;
  /** Decrypts; throws MEMORY_KEY_MISMATCH when a row does not open with the key. */
  get(id: string): Promise<StoredMemory | null>;
  /** In the order of `ids`, unknown ids left out. */
  getMany(ids: readonly string[]): Promise<StoredMemory[]>;
  /** `vector` undefined = keep; null = drop (content changed, new vector pending). */
  update(id: string, patch: MemoryPatch, vector?: VectorInput | null): Promise<StoredMemory | null>;
  delete(id: string): Promise<boolean>;
  /** Sets or clears archivedAt on the given ids; answers the ids that changed. */
  setArchived(ids: readonly string[], archivedAt: string | null): Promise<string[]>;
  /** The employee's own memories, newest first. */
  listOwned(employeeId: string, options: { type?: MemoryType; includeArchived: boolean; limit: number; cursor?: string }): Promise<MemoryPage>;
  /** Metadata of every memory the employee owns (archived too). */
  metaOwned(employeeId: string): Promise<MemoryMeta[]>;
  /** Metadata of the ids that pass the filter (nothing decrypted), any order. */
  filterCandidates(ids: readonly string[], filter: CandidateFilter): Promise<MemoryMeta[]>;
  /**
   * Best lexical matches of the query's terms (normalized tokens with weights, see
   * domain/memory/query-expansion.ts) among the partitions (archived ones only when asked).
   */
  lexicalSearch(terms: readonly QueryTerm[], partitions: readonly string[], limit: number, includeArchived: boolean): Promise<LexicalHit[]>;
  recordAccess(ids: readonly string[], at: string): Promise<void>;
  /** Vector changes after `afterRev`, oldest first; vectors of other providers come as drops. */
  vectorChanges(afterRev: number, limit: number, provider: string): Promise<VectorChange[]>;
  /** Memories with no vector from `provider`, by id, after `afterId`. */
  needingEmbedding(provider: string, limit: number, afterId?: string): Promise<StoredMemory[]>;
  countNeedingEmbedding(provider: string, employeeId?: string): Promise<number>;
  /** Stores vectors for existing memories (skips ids deleted meanwhile). */
  putVectors(items: readonly ({ id: string } & VectorInput)[]): Promise<void>;
  storageOf(employeeId: string): Promise<MemoryStorageFigures>;
  /** Owners of at least one memory. */
  owners(): Promise<string[]>;
}

/** The employees the memory service serves (the employee registry, adapted). */
export interface MemoryMemberDirectory {
  /** Null for an unknown or retired employee. */
  get(id: string): Promise<{ id: string; role: EmployeeRole; department: DepartmentId; isDepartmentHead: boolean } | null>;
  list(): Promise<{ id: string; role: EmployeeRole; department: DepartmentId; isDepartmentHead: boolean }[]>;
}
