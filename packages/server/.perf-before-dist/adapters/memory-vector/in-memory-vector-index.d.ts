/**
 * `in-memory`: vectors cached in process memory, one contiguous Float32Array per partition, searched
 * by scanning every vector of the asked partitions (no graph, no clustering: nothing to build or
 * tune, and a write is visible at once). The path for PostgreSQL without pgvector, the fallback
 * when sqlite-vec cannot load, and the fast choice for large embedded sets.
 *
 *  - Up to `exactUpTo` vectors per search (default 4,096) it computes every cosine similarity
 *    (dot products of unit vectors): exact.
 *  - Beyond that it first scans 512-bit sketches, which is ~7× cheaper, keeps the best
 *    max(RESCORE_FACTOR × k, MIN_RESCORE) and rescores those exactly. A sketch is the signs of the
 *    vector after a fixed random rotation (two rounds of random sign flips and a fast
 *    Walsh-Hadamard transform): each bit is a random hyperplane, so the Hamming distance of two
 *    sketches estimates the angle between the vectors (SimHash). Without the rotation, sparse
 *    vectors (the hash embedder's) give sketches full of zeros and the estimate breaks down.
 *    Results are near-exact: bench/memory/search.ts reports the measured recall against a full scan.
 *
 * Nothing is persistent: a new instance is empty with no checkpoint, and the memory service fills
 * it from the store's change feed (so several replicas each keep their own copy in step).
 * Memory: 4 × dim + 64 bytes per vector (2.1 KiB at 512-d; 100,000 memories ≈ 211 MB).
 */
import type { IndexCheckpoint, VectorEntry, VectorHit, VectorIndex, VectorSearchOptions } from '../../ports/vector-index.js';
export declare const DEFAULT_EXACT_UP_TO = 4096;
export interface InMemoryVectorIndexOptions {
    /** Searches over at most this many vectors are exact; larger ones use the sketch pre-filter. @default 4096 */
    exactUpTo?: number;
}
export declare class InMemoryVectorIndex implements VectorIndex {
    #private;
    readonly kind = "in-memory";
    readonly dim: number;
    constructor(dim: number, options?: InMemoryVectorIndexOptions);
    upsert(entries: readonly VectorEntry[]): Promise<void>;
    remove(ids: readonly string[]): Promise<void>;
    search(query: Float32Array, options: VectorSearchOptions): Promise<VectorHit[]>;
    similarities(query: Float32Array, ids: readonly string[]): Promise<Map<string, number>>;
    count(): Promise<number>;
    checkpoint(): Promise<IndexCheckpoint | null>;
    setCheckpoint(checkpoint: IndexCheckpoint): Promise<void>;
    clear(): Promise<void>;
    close(): Promise<void>;
}
