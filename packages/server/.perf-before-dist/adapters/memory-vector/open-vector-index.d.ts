/**
 * Picks the vector index (MEMORY_VECTOR_INDEX, default `auto`):
 *  - SQLite store: sqlite-vec in its own file; if the extension fails to load (it is pre-1.0 and
 *    native), the in-memory index, with a warning;
 *  - PostgreSQL store: pgvector when the extension is available on the server
 *    (`pg_available_extensions`), else the in-memory index over vectors cached from the store.
 * `in-memory` forces the in-memory index (also on SQLite, where it is faster than sqlite-vec for
 * large sets, at the price of RAM and a fill from the store at start); `sqlite-vec` and `pgvector`
 * fail instead of falling back.
 */
import { type Kysely } from 'kysely';
import type { MemoryVectorIndexName } from '../../config/env-schema.js';
import type { StoreDialect } from '../../ports/store.js';
import type { VectorIndex } from '../../ports/vector-index.js';
import type { StoreDatabase } from '../store/schema.js';
export interface OpenVectorIndexOptions {
    kind: MemoryVectorIndexName;
    dialect: StoreDialect;
    db: Kysely<StoreDatabase>;
    /** The sqlite-vec file (SQLite store only). */
    file: string;
    dim: number;
    logger: {
        info(obj: object, msg?: string): void;
        warn(obj: object, msg?: string): void;
    };
}
/** Whether the PostgreSQL server can `create extension vector`. */
export declare function pgvectorAvailable(db: Kysely<StoreDatabase>): Promise<boolean>;
export declare function openVectorIndex(options: OpenVectorIndexOptions): Promise<VectorIndex>;
