import type { IndexCheckpoint, VectorEntry, VectorHit, VectorIndex, VectorSearchOptions } from '../../ports/vector-index.js';
export interface SqliteVecIndexOptions {
    /** The index file (e.g. `${DATA_DIR}/memory-vectors.sqlite`), or ':memory:'. */
    file: string;
    dim: number;
}
export declare class SqliteVecIndex implements VectorIndex {
    #private;
    readonly kind = "sqlite-vec";
    readonly dim: number;
    /** Opens (creating) the index file; throws when the extension cannot load (the caller falls back). */
    static open(options: SqliteVecIndexOptions): SqliteVecIndex;
    private constructor();
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
