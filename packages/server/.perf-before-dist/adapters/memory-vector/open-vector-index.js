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
import { sql } from 'kysely';
import { InMemoryVectorIndex } from './in-memory-vector-index.js';
/** Whether the PostgreSQL server can `create extension vector`. */
export async function pgvectorAvailable(db) {
    const { rows } = await sql `select 1 as one from pg_available_extensions where name = 'vector'`.execute(db);
    return rows.length > 0;
}
export async function openVectorIndex(options) {
    const { kind, dialect, logger } = options;
    if (kind === 'in-memory')
        return new InMemoryVectorIndex(options.dim);
    if (kind === 'sqlite-vec' || (kind === 'auto' && dialect === 'sqlite')) {
        if (dialect !== 'sqlite')
            throw new Error('MEMORY_VECTOR_INDEX=sqlite-vec needs the embedded SQLite store (no DATABASE_URL)');
        try {
            const { SqliteVecIndex } = await import('./sqlite-vec-index.js');
            return SqliteVecIndex.open({ file: options.file, dim: options.dim });
        }
        catch (err) {
            if (kind === 'sqlite-vec')
                throw err;
            logger.warn({ err }, 'sqlite-vec could not be loaded; memory search uses the in-memory index');
            return new InMemoryVectorIndex(options.dim);
        }
    }
    if (dialect !== 'postgres')
        throw new Error('MEMORY_VECTOR_INDEX=pgvector needs a PostgreSQL store (DATABASE_URL)');
    const available = await pgvectorAvailable(options.db);
    if (available) {
        // The pgvector index itself is not part of this build yet (docs/memory.md): say so, and scan exactly.
        logger.info({}, 'pgvector is available on the server, but this version searches with the in-memory index');
    }
    else {
        logger.info({}, 'pgvector is not installed on the PostgreSQL server; memory search uses the in-memory index');
    }
    if (kind === 'pgvector')
        throw new Error(available ? 'MEMORY_VECTOR_INDEX=pgvector is not supported by this version yet' : 'MEMORY_VECTOR_INDEX=pgvector, but the PostgreSQL server has no vector extension');
    return new InMemoryVectorIndex(options.dim);
}
//# sourceMappingURL=open-vector-index.js.map