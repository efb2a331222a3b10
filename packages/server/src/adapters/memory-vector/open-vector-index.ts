/**
 * Picks the vector index (MEMORY_VECTOR_INDEX, default `auto`):
 *  - SQLite store: sqlite-vec in its own file while the store holds at most
 *    EMBEDDED_IN_MEMORY_ABOVE memories (persistent, no RAM, nothing to fill at start); above that,
 *    the in-memory index, because sqlite-vec scans every vector (p95 47 ms at 10,000 and 82 ms at
 *    100,000 memories against 21 and 13 ms, docs/benchmarks.md#memory). The choice is made at
 *    start. If the extension fails to load (it is pre-1.0 and native), the in-memory index, with
 *    a warning;
 *  - PostgreSQL store: pgvector when the extension is available on the server
 *    (`pg_available_extensions`), else the in-memory index over vectors cached from the store. If
 *    the extension is available but the index cannot be set up (typically: this role may not
 *    `create extension`), the in-memory index, with a warning.
 * `in-memory` forces the in-memory index (also on SQLite, where it is faster than sqlite-vec for
 * large sets, at the price of RAM and a fill from the store at start); `sqlite-vec` and `pgvector`
 * fail instead of falling back.
 */
import { sql as kyselySql, type Kysely } from 'kysely';
import type { MemoryVectorIndexName } from '../../config/env-schema.js';
import type { StoreDialect } from '../../ports/store.js';
import type { VectorIndex } from '../../ports/vector-index.js';
import type { StoreDatabase } from '../store/schema.js';
import { InMemoryVectorIndex } from './in-memory-vector-index.js';
import { PgvectorIndex } from './pgvector-index.js';
import { kyselySqlDatabase, type SqlDatabase } from './sql-runner.js';

/** Above this many memories, `auto` on SQLite picks the in-memory index over sqlite-vec. */
export const EMBEDDED_IN_MEMORY_ABOVE = 5_000;

export interface OpenVectorIndexOptions {
  kind: MemoryVectorIndexName;
  dialect: StoreDialect;
  /** The store's database; on PostgreSQL the pgvector index talks through it unless `sql` is given. */
  db?: Kysely<StoreDatabase>;
  /** The PostgreSQL connection for pgvector, instead of one over `db` (tests pass an embedded PGlite). */
  sql?: SqlDatabase;
  /** The sqlite-vec file (SQLite store only). */
  file: string;
  dim: number;
  /** Overrides EMBEDDED_IN_MEMORY_ABOVE (tests). */
  embeddedInMemoryAbove?: number;
  logger: { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void };
}

/** Whether the PostgreSQL server can `create extension vector` (or has it already). */
export async function pgvectorAvailable(sql: SqlDatabase): Promise<boolean> {
  const rows = await sql.query<{ one: number }>(`select 1 as one from pg_available_extensions where name = 'vector'`);
  return rows.length > 0;
}

export async function openVectorIndex(options: OpenVectorIndexOptions): Promise<VectorIndex> {
  const { kind, dialect, logger } = options;
  if (kind === 'in-memory') return new InMemoryVectorIndex(options.dim);
  if (kind === 'sqlite-vec' || (kind === 'auto' && dialect === 'sqlite')) {
    if (dialect !== 'sqlite') throw new Error('MEMORY_VECTOR_INDEX=sqlite-vec needs the embedded SQLite store (no DATABASE_URL)');
    if (kind === 'auto' && options.db) {
      const memories = await countMemories(options.db);
      const threshold = options.embeddedInMemoryAbove ?? EMBEDDED_IN_MEMORY_ABOVE;
      if (memories > threshold) {
        logger.info({ memories, threshold }, 'many memories: memory search uses the in-memory index (faster than sqlite-vec at this size)');
        return new InMemoryVectorIndex(options.dim);
      }
    }
    try {
      const { SqliteVecIndex } = await import('./sqlite-vec-index.js');
      return SqliteVecIndex.open({ file: options.file, dim: options.dim });
    } catch (err) {
      if (kind === 'sqlite-vec') throw err;
      logger.warn({ err }, 'sqlite-vec could not be loaded; memory search uses the in-memory index');
      return new InMemoryVectorIndex(options.dim);
    }
  }
  if (dialect !== 'postgres') throw new Error('MEMORY_VECTOR_INDEX=pgvector needs a PostgreSQL store (DATABASE_URL)');
  const sql = options.sql ?? (options.db ? kyselySqlDatabase(options.db) : null);
  if (sql === null) throw new TypeError('openVectorIndex: a PostgreSQL store needs `db` or `sql`');
  if (!(await pgvectorAvailable(sql))) {
    if (kind === 'pgvector') throw new Error('MEMORY_VECTOR_INDEX=pgvector, but the PostgreSQL server has no vector extension (pg_available_extensions)');
    logger.info({}, 'pgvector is not installed on the PostgreSQL server; memory search uses the in-memory index');
    return new InMemoryVectorIndex(options.dim);
  }
  try {
    const index = await PgvectorIndex.open({ sql, dim: options.dim });
    logger.info({ dim: options.dim }, 'memory search uses pgvector');
    return index;
  } catch (err) {
    if (kind === 'pgvector') throw new Error(`MEMORY_VECTOR_INDEX=pgvector, but the pgvector index could not be set up: ${errorMessage(err)}`, { cause: err });
    logger.warn({ err }, 'pgvector is available but its index could not be set up (may this role create the extension?); memory search uses the in-memory index');
    return new InMemoryVectorIndex(options.dim);
  }
}

async function countMemories(db: Kysely<StoreDatabase>): Promise<number> {
  const { rows } = await kyselySql<{ n: number | string }>`select count(*) as n from memories`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

const errorMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));
