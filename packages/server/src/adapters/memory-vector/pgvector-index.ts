/**
 * `pgvector`: the vectors in a PostgreSQL table of the store's database, searched by the server.
 *
 * Tables (created at open, idempotently, under an advisory lock so replicas starting together do
 * not race on the DDL; not store migrations, because the extension may be absent):
 *  - `memory_pgvector_<dim>`: id, partition, `vector(dim)`; an HNSW index (`vector_cosine_ops`)
 *    and a btree on the partition, so the planner can scan a small partition exactly instead of
 *    filtering the HNSW graph. One table per dimension: a provider with another dimension starts
 *    a fresh table, and the tables of other dimensions are dropped at open (the store re-embeds
 *    every memory for the new provider, so their content is dead; a fleet must switch providers
 *    together anyway, since replicas with different providers would also clear each other's
 *    index on every sync). pgvector's HNSW takes at most 2,000 dimensions: above that the table
 *    has no HNSW index and searches are exact scans of the asked partitions.
 *  - `memory_pgvector_checkpoints`: one row per index table: the checkpoint and a write `epoch`.
 *
 * HNSW is approximate (the contract allows it; similarities are exact `<=>` cosine distances).
 * Each search sets `hnsw.ef_search` for its k in its own transaction (`set_config(…, true)`, so a
 * pooled connection keeps no setting), and on pgvector ≥ 0.8 `hnsw.iterative_scan = strict_order`,
 * which keeps scanning the graph until k rows pass the partition filter. On older versions a k
 * beyond what one HNSW scan can return (ef_search ≤ 1000) is answered by an exact scan.
 *
 * Shared by every replica on the database, unlike the in-memory index, so writes are fenced:
 * `checkpoint()` takes the row's epoch, and each write (upsert, remove, setCheckpoint, clear)
 * commits only if the epoch is still the one this instance last read or wrote, bumping it. When two
 * replicas sync at once, the first to write wins and the other's writes in that pass are dropped:
 * they come from its own read of the store's change feed, possibly older than what the winner
 * applied, and the next sync pass (which starts with `checkpoint()`) replays whatever is missing.
 * Only the memory service's sync writes to an index, always after `checkpoint()`.
 *
 * The index talks through a SqlDatabase it does not own: `close()` leaves the connection open.
 */
import type { IndexCheckpoint, VectorEntry, VectorHit, VectorIndex, VectorSearchOptions } from '../../ports/vector-index.js';
import type { SqlDatabase, SqlRunner } from './sql-runner.js';

/** pgvector's `vector` type takes at most 16,000 dimensions, its HNSW index 2,000. */
export const PGVECTOR_MAX_DIM = 16_000;
export const PGVECTOR_HNSW_MAX_DIM = 2_000;
const CHECKPOINTS = 'memory_pgvector_checkpoints';
const TABLE_PREFIX = 'memory_pgvector_';
/** Rows per insert statement (a 512-d vector is ~10 KB of text). */
const UPSERT_CHUNK = 250;
const MIN_EF_SEARCH = 64;
const MAX_EF_SEARCH = 1_000;

export interface PgvectorIndexOptions {
  sql: SqlDatabase;
  dim: number;
}

interface Setup {
  epoch: number;
  iterativeScan: boolean;
}

export class PgvectorIndex implements VectorIndex {
  readonly kind = 'pgvector';
  readonly dim: number;
  readonly #sql: SqlDatabase;
  readonly #table: string;
  readonly #iterativeScan: boolean;
  readonly #hnsw: boolean;
  #epoch: number;

  /** Creates the extension and the tables if needed; throws when that fails (no extension, no privilege). */
  static async open(options: PgvectorIndexOptions): Promise<PgvectorIndex> {
    const { dim, sql } = options;
    if (!Number.isInteger(dim) || dim < 1 || dim > PGVECTOR_MAX_DIM) throw new RangeError(`pgvector index: bad dimension ${dim}`);
    const table = `${TABLE_PREFIX}${dim}`;
    const setup = await sql.transaction(async (tx): Promise<Setup> => {
      await tx.query(`select pg_advisory_xact_lock(hashtext('dash.memory_pgvector'))`);
      await tx.query('create extension if not exists vector');
      await tx.query(`create table if not exists ${CHECKPOINTS} (index_name text primary key, provider text, rev bigint, epoch bigint not null default 0)`);
      const stale = await tx.query<{ name: string }>(
        `select table_name as name from information_schema.tables where table_schema = current_schema() and table_name ~ '^memory_pgvector_[0-9]+$' and table_name <> $1`,
        [table],
      );
      for (const { name } of stale) {
        if (!/^memory_pgvector_\d+$/.test(name)) continue;
        await tx.query(`drop table if exists "${name}"`);
        await tx.query(`delete from ${CHECKPOINTS} where index_name = $1`, [name]);
      }
      await tx.query(`create table if not exists "${table}" (id text primary key, partition text not null, embedding vector(${dim}) not null)`);
      await tx.query(`create index if not exists "${table}_partition_idx" on "${table}" (partition)`);
      if (dim <= PGVECTOR_HNSW_MAX_DIM) await tx.query(`create index if not exists "${table}_hnsw_idx" on "${table}" using hnsw (embedding vector_cosine_ops)`);
      await tx.query(`insert into ${CHECKPOINTS} (index_name) values ($1) on conflict (index_name) do nothing`, [table]);
      const [version] = await tx.query<{ v: string }>(`select extversion as v from pg_extension where extname = 'vector'`);
      const [row] = await tx.query<{ epoch: number }>(`select epoch::float8 as epoch from ${CHECKPOINTS} where index_name = $1`, [table]);
      return { epoch: row?.epoch ?? 0, iterativeScan: supportsIterativeScan(version?.v ?? '') };
    });
    return new PgvectorIndex(sql, dim, table, setup);
  }

  private constructor(sql: SqlDatabase, dim: number, table: string, setup: Setup) {
    this.#sql = sql;
    this.dim = dim;
    this.#table = table;
    this.#epoch = setup.epoch;
    this.#iterativeScan = setup.iterativeScan;
    this.#hnsw = dim <= PGVECTOR_HNSW_MAX_DIM;
  }

  async upsert(entries: readonly VectorEntry[]): Promise<void> {
    const bad = entries.find((e) => e.vector.length !== this.dim);
    if (bad) throw new RangeError(`pgvector index: vector has ${bad.vector.length} dimensions, expected ${this.dim}`);
    // One row per id (the last one wins): `on conflict do update` cannot touch a row twice.
    const latest = [...new Map(entries.map((e) => [e.id, e])).values()];
    if (latest.length === 0) return;
    await this.#write(async (tx) => {
      for (let i = 0; i < latest.length; i += UPSERT_CHUNK) {
        const chunk = latest.slice(i, i + UPSERT_CHUNK);
        await tx.query(
          `insert into "${this.#table}" (id, partition, embedding)
           select u.id, u.partition, u.embedding::vector from unnest($1::text[], $2::text[], $3::text[]) as u(id, partition, embedding)
           on conflict (id) do update set partition = excluded.partition, embedding = excluded.embedding`,
          [chunk.map((e) => e.id), chunk.map((e) => e.partition), chunk.map((e) => vectorLiteral(e.vector))],
        );
      }
    });
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.#write((tx) => tx.query(`delete from "${this.#table}" where id = any($1::text[])`, [[...ids]]));
  }

  async search(query: Float32Array, options: VectorSearchOptions): Promise<VectorHit[]> {
    const partitions = [...new Set(options.partitions)];
    if (partitions.length === 0 || options.k <= 0) return [];
    const k = Math.floor(options.k);
    const rows = await this.#sql.transaction(async (tx) => {
      if (this.#hnsw) {
        await tx.query(`select set_config('hnsw.ef_search', $1, true)`, [String(Math.min(MAX_EF_SEARCH, Math.max(MIN_EF_SEARCH, 2 * k)))]);
        if (this.#iterativeScan) await tx.query(`select set_config('hnsw.iterative_scan', 'strict_order', true)`);
        else if (k > MAX_EF_SEARCH) await tx.query(`select set_config('enable_indexscan', 'off', true)`);
      }
      return tx.query<{ id: string; distance: number }>(
        `select id, embedding <=> $1::vector as distance from "${this.#table}" where partition = any($2::text[]) order by embedding <=> $1::vector limit $3`,
        [vectorLiteral(query), partitions, k],
      );
    });
    const hits = rows.map((r) => ({ id: r.id, similarity: 1 - Number(r.distance) }));
    // Equal distances come back in no particular order: ties by id, like the other indexes.
    hits.sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return hits;
  }

  async similarities(query: Float32Array, ids: readonly string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.#sql.query<{ id: string; distance: number }>(
      `select id, embedding <=> $1::vector as distance from "${this.#table}" where id = any($2::text[])`,
      [vectorLiteral(query), [...new Set(ids)]],
    );
    return new Map(rows.map((r) => [r.id, 1 - Number(r.distance)]));
  }

  async count(): Promise<number> {
    const [row] = await this.#sql.query<{ n: number }>(`select count(*)::float8 as n from "${this.#table}"`);
    return Number(row?.n ?? 0);
  }

  async checkpoint(): Promise<IndexCheckpoint | null> {
    const [row] = await this.#sql.query<{ provider: string | null; rev: number | null; epoch: number }>(
      `select provider, rev::float8 as rev, epoch::float8 as epoch from ${CHECKPOINTS} where index_name = $1`,
      [this.#table],
    );
    if (!row) return null;
    this.#epoch = Number(row.epoch);
    return row.provider === null || row.rev === null ? null : { provider: row.provider, rev: Number(row.rev) };
  }

  async setCheckpoint(checkpoint: IndexCheckpoint): Promise<void> {
    await this.#write((tx) => tx.query(`update ${CHECKPOINTS} set provider = $2, rev = $3 where index_name = $1`, [this.#table, checkpoint.provider, checkpoint.rev]));
  }

  async clear(): Promise<void> {
    await this.#write(async (tx) => {
      await tx.query(`truncate "${this.#table}"`);
      await tx.query(`update ${CHECKPOINTS} set provider = null, rev = null where index_name = $1`, [this.#table]);
    });
  }

  /** The connection belongs to the caller: nothing to release. */
  close(): Promise<void> {
    return Promise.resolve();
  }

  /** Runs `work` in a transaction if this instance still holds the write epoch (see the module comment). */
  async #write(work: (tx: SqlRunner) => Promise<unknown>): Promise<void> {
    const epoch = await this.#sql.transaction(async (tx) => {
      const [row] = await tx.query<{ epoch: number }>(
        `update ${CHECKPOINTS} set epoch = epoch + 1 where index_name = $1 and epoch = $2 returning epoch::float8 as epoch`,
        [this.#table, this.#epoch],
      );
      if (!row) return null;
      await work(tx);
      return Number(row.epoch);
    });
    if (epoch !== null) this.#epoch = epoch;
  }
}

/** pgvector's text form, `[x,y,…]`: a float32's shortest double form parses back to the same float32. */
function vectorLiteral(vector: Float32Array): string {
  return `[${vector.join(',')}]`;
}

/** `hnsw.iterative_scan` arrived in pgvector 0.8.0. */
function supportsIterativeScan(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map((part) => Number.parseInt(part, 10) || 0);
  return major > 0 || minor >= 8;
}
