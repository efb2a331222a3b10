/**
 * Nearest-neighbour search over memory vectors, by cosine similarity, restricted to partitions
 * (a partition names who may read the memories in it: `emp:<id>`, `dept:<id>`, `company`; see
 * domain/memory/memory-access.ts). Implementations: sqlite-vec (embedded), a scan over
 * vectors cached in memory (PostgreSQL without pgvector, and the fallback), pgvector (when the
 * extension is installed).
 *
 * The index is DERIVED data: the store's memory_vectors table is the truth. An index reflects the
 * store up to a checkpoint (the store's change revision it has applied, for one embedding
 * provider); the memory service brings it up to date from the store's change feed before
 * searching and after writing. Persistent indexes keep their checkpoint across restarts; in-memory
 * ones start empty (no checkpoint) and are filled from the feed.
 *
 * Contract:
 *  - vectors have length `dim` and unit norm; `upsert` replaces an id's vector and partition;
 *  - `search` returns at most `k` hits from the given partitions only, best first, with
 *    `similarity` = cosine similarity in [-1, 1]; exact implementations return the true top k,
 *    approximate ones (the in-memory index's sketch pre-filter on large scans, pgvector HNSW) may
 *    miss some, but the similarities they report are exact;
 *  - `remove` of an unknown id is a no-op; `clear` empties the index and its checkpoint.
 */
export interface VectorEntry {
    id: string;
    partition: string;
    vector: Float32Array;
}
export interface VectorHit {
    id: string;
    similarity: number;
}
export interface VectorSearchOptions {
    partitions: readonly string[];
    k: number;
}
export interface IndexCheckpoint {
    /** The embedding provider id whose vectors the index holds. */
    provider: string;
    /** The store's change revision applied last. */
    rev: number;
}
export interface VectorIndex {
    /** `sqlite-vec`, `in-memory` or `pgvector`. */
    readonly kind: string;
    readonly dim: number;
    upsert(entries: readonly VectorEntry[]): Promise<void>;
    remove(ids: readonly string[]): Promise<void>;
    search(query: Float32Array, options: VectorSearchOptions): Promise<VectorHit[]>;
    /** Exact cosine similarity of `query` with each of these entries (ids not in the index are left out). */
    similarities(query: Float32Array, ids: readonly string[]): Promise<Map<string, number>>;
    count(): Promise<number>;
    checkpoint(): Promise<IndexCheckpoint | null>;
    /** Records the checkpoint (persistently where the index is persistent). */
    setCheckpoint(checkpoint: IndexCheckpoint): Promise<void>;
    clear(): Promise<void>;
    close(): Promise<void>;
}
