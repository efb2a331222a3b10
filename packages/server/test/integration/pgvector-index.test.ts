/**
 * The pgvector index. The machine's PostgreSQL has no pgvector (Debian has no package), so its SQL
 * runs on PGlite (PostgreSQL 17 in WASM with pgvector 0.8), one instance for the file: the
 * VectorIndex contract, write fencing between replicas, dimension changes, the memory service's
 * sync through a shared index, and openVectorIndex's choice (pgvector on PGlite; the in-memory
 * index on the machine's PostgreSQL, which lacks the extension).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite/vector';
import { memorySearchOptions } from '@dash/shared';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryCipher } from '../../src/adapters/memory-crypto/memory-cipher.js';
import { HashEmbeddingProvider } from '../../src/adapters/memory-embeddings/hash-embedding-provider.js';
import { KyselyMemoryRepository } from '../../src/adapters/memory-store/kysely-memory-repository.js';
import { openVectorIndex } from '../../src/adapters/memory-vector/open-vector-index.js';
import { PgvectorIndex } from '../../src/adapters/memory-vector/pgvector-index.js';
import { kyselySqlDatabase, type SqlDatabase, type SqlRunner } from '../../src/adapters/memory-vector/sql-runner.js';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import type { Store } from '../../src/ports/store.js';
import type { VectorIndex } from '../../src/ports/vector-index.js';
import { MemoryService } from '../../src/services/memory/memory-service.js';
import { CONTRACT_DIM, defineVectorIndexContract, seededVectors, unit } from '../contracts/vector-index.contract.js';
import { capturingLogger, registryMembers, TestClock } from '../support/memory-harness.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';

let pglite: Promise<PGlite> | null = null;
const embedded = (): Promise<PGlite> => (pglite ??= PGlite.create({ extensions: { vector } }));

afterAll(async () => {
  if (pglite) await (await pglite).close();
});

const runnerOf = (db: PGlite | Transaction): SqlRunner => ({
  query: async <Row extends object>(text: string, params: readonly unknown[] = []) => (await db.query<Row>(text, [...params])).rows,
});

/** A SqlDatabase over the shared PGlite (the production one is kyselySqlDatabase over the store's pool). */
async function pgliteSql(): Promise<SqlDatabase> {
  const db = await embedded();
  return { ...runnerOf(db), transaction: (work) => db.transaction((tx) => work(runnerOf(tx))) };
}

/** Drops every table the index creates (a fresh start for each test). */
async function dropIndexTables(sql: SqlDatabase): Promise<void> {
  const tables = await sql.query<{ name: string }>(`select table_name as name from information_schema.tables where table_schema = current_schema() and table_name like 'memory_pgvector_%'`);
  for (const { name } of tables) await sql.query(`drop table "${name}"`);
}

const indexTables = async (sql: SqlDatabase): Promise<string[]> =>
  (await sql.query<{ name: string }>(`select table_name as name from information_schema.tables where table_schema = current_schema() and table_name like 'memory_pgvector_%' order by 1`)).map(
    (r) => r.name,
  );

const axis = (i: number, dim = CONTRACT_DIM): Float32Array => {
  const v = new Float32Array(dim);
  v[i] = 1;
  return v;
};

defineVectorIndexContract(
  'pgvector (PGlite)',
  async () => {
    const sql = await pgliteSql();
    await dropIndexTables(sql);
    let index: VectorIndex = await PgvectorIndex.open({ sql, dim: CONTRACT_DIM });
    return {
      index,
      reopen: async () => {
        await index.close();
        index = await PgvectorIndex.open({ sql, dim: CONTRACT_DIM });
        return index;
      },
      cleanup: async () => {
        await index.close();
        await dropIndexTables(sql);
      },
    };
  },
  // HNSW is approximate: the contract checks recall, and that every reported similarity is exact.
  { exact: false, persistent: true },
);

describe('pgvector index', () => {
  let sql: SqlDatabase;
  beforeEach(async () => {
    sql = await pgliteSql();
    await dropIndexTables(sql);
  });
  afterEach(() => dropIndexTables(sql));

  it('creates its table, HNSW index and checkpoint row once, and leaves the connection open on close', async () => {
    const first = await PgvectorIndex.open({ sql, dim: CONTRACT_DIM });
    const again = await PgvectorIndex.open({ sql, dim: CONTRACT_DIM });
    expect(await indexTables(sql)).toEqual(['memory_pgvector_32', 'memory_pgvector_checkpoints']);
    const indexes = await sql.query<{ def: string }>(`select indexdef as def from pg_indexes where tablename = 'memory_pgvector_32' order by indexname`);
    expect(indexes.map((i) => i.def).join('\n')).toMatch(/USING hnsw \(embedding vector_cosine_ops\)/);
    expect(await sql.query(`select index_name from memory_pgvector_checkpoints`)).toEqual([{ index_name: 'memory_pgvector_32' }]);
    await first.close();
    await again.close();
    expect(await sql.query(`select 1 as one`)).toEqual([{ one: 1 }]);
  });

  it('drops the writes of a replica that read the checkpoint before another one wrote', async () => {
    const a = await PgvectorIndex.open({ sql, dim: CONTRACT_DIM });
    const b = await PgvectorIndex.open({ sql, dim: CONTRACT_DIM });
    await a.setCheckpoint({ provider: 'hash-v1', rev: 10 });
    // Both start a sync pass from rev 10; b applies a newer state of `m` first.
    expect(await a.checkpoint()).toEqual({ provider: 'hash-v1', rev: 10 });
    expect(await b.checkpoint()).toEqual({ provider: 'hash-v1', rev: 10 });
    await b.upsert([{ id: 'm', partition: 'p', vector: axis(1) }]);
    await b.setCheckpoint({ provider: 'hash-v1', rev: 12 });
    // a's pass read the feed earlier: its older state of `m` and its checkpoint must not land.
    await a.upsert([{ id: 'm', partition: 'p', vector: axis(0) }]);
    await a.remove(['m']);
    await a.setCheckpoint({ provider: 'hash-v1', rev: 11 });
    await a.clear();
    expect(await a.checkpoint()).toEqual({ provider: 'hash-v1', rev: 12 });
    expect((await a.similarities(axis(1), ['m'])).get('m')).toBeCloseTo(1, 5);
    // Having re-read the checkpoint, a writes again (and now b is the stale one).
    await a.upsert([{ id: 'n', partition: 'p', vector: axis(2) }]);
    await a.setCheckpoint({ provider: 'hash-v1', rev: 13 });
    await b.upsert([{ id: 'stale', partition: 'p', vector: axis(3) }]);
    expect(await b.count()).toBe(2);
    expect(await b.checkpoint()).toEqual({ provider: 'hash-v1', rev: 13 });
  });

  it('starts a fresh table for another dimension and drops the old one', async () => {
    const old = await PgvectorIndex.open({ sql, dim: CONTRACT_DIM });
    await old.upsert([{ id: 'x', partition: 'p', vector: axis(0) }]);
    await old.setCheckpoint({ provider: 'hash-v1', rev: 3 });
    const next = await PgvectorIndex.open({ sql, dim: 8 });
    expect(await indexTables(sql)).toEqual(['memory_pgvector_8', 'memory_pgvector_checkpoints']);
    expect(await next.count()).toBe(0);
    expect(await next.checkpoint()).toBeNull();
    await next.upsert([{ id: 'y', partition: 'p', vector: axis(3, 8) }]);
    expect((await next.search(axis(3, 8), { partitions: ['p'], k: 5 })).map((h) => h.id)).toEqual(['y']);
    expect(await sql.query(`select index_name from memory_pgvector_checkpoints`)).toEqual([{ index_name: 'memory_pgvector_8' }]);
  });

  it('answers through the HNSW graph with k hits from the asked partition, also for k beyond one HNSW scan', async () => {
    // On small tables the planner prefers the partition btree and a sort (exact). Take that away
    // (session settings on PGlite's one connection) so only the HNSW index can answer.
    const index = await PgvectorIndex.open({ sql, dim: CONTRACT_DIM });
    const vectors = seededVectors(11, 800);
    const entries = vectors.map((vector, i) => ({ id: `m${String(i).padStart(3, '0')}`, partition: `p${i % 4}`, vector }));
    for (let i = 0; i < entries.length; i += 200) await index.upsert(entries.slice(i, i + 200));
    await sql.query('drop index memory_pgvector_32_partition_idx');
    await sql.query('set enable_seqscan = off');
    await sql.query('set enable_bitmapscan = off');
    try {
      const [query] = seededVectors(12, 1) as [Float32Array];
      const plan = await sql.query<{ 'QUERY PLAN': string }>(`explain select id from memory_pgvector_32 where partition = any($1::text[]) order by embedding <=> $2::vector limit 10`, [
        ['p1'],
        `[${query.join(',')}]`,
      ]);
      expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/Index Scan using memory_pgvector_32_hnsw_idx/);
      const dot = (v: Float32Array): number => v.reduce((s, x, i) => s + x * (query[i] ?? 0), 0);
      const truth = entries
        .filter((e) => e.partition === 'p1')
        .map((e) => ({ id: e.id, similarity: dot(e.vector) }))
        .sort((x, y) => y.similarity - x.similarity);
      // 150 of the partition's 200 rows: one HNSW scan yields ef_search (300) candidates of all
      // partitions, about 75 of them in p1; the iterative scan goes on until it has 150.
      for (const k of [10, 150]) {
        const hits = await index.search(query, { partitions: ['p1'], k });
        expect(hits.length).toBe(k);
        const best = new Set(truth.slice(0, k).map((t) => t.id));
        expect(hits.filter((h) => best.has(h.id)).length).toBeGreaterThanOrEqual(Math.floor(0.8 * k));
        for (const h of hits) expect(h.similarity).toBeCloseTo(truth.find((t) => t.id === h.id)?.similarity ?? NaN, 4);
      }
    } finally {
      await sql.query('reset enable_seqscan');
      await sql.query('reset enable_bitmapscan');
    }
  });

  it('searches exactly, without an HNSW index, above 2,000 dimensions', async () => {
    const dim = 2_048;
    const index = await PgvectorIndex.open({ sql, dim });
    const indexes = await sql.query<{ def: string }>(`select indexdef as def from pg_indexes where tablename = 'memory_pgvector_2048'`);
    expect(indexes.map((i) => i.def).join('\n')).not.toMatch(/hnsw/);
    const vectors = seededVectors(5, 40, dim);
    await index.upsert(vectors.map((vector, i) => ({ id: `v${i}`, partition: i % 2 === 0 ? 'even' : 'odd', vector })));
    const [, , , , fourth, , sixth] = vectors as [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array];
    const query = unit(fourth.map((x, i) => x + (sixth[i] ?? 0) / 2));
    const dot = (v: Float32Array): number => v.reduce((s, x, i) => s + x * (query[i] ?? 0), 0);
    const truth = vectors
      .map((v, i) => ({ id: `v${i}`, similarity: dot(v) }))
      .filter((_, i) => i % 2 === 0)
      .sort((x, y) => y.similarity - x.similarity)
      .slice(0, 5);
    const hits = await index.search(query, { partitions: ['even'], k: 5 });
    expect(hits.map((h) => h.id)).toEqual(truth.map((t) => t.id));
    hits.forEach((h, i) => expect(h.similarity).toBeCloseTo(truth[i]?.similarity ?? NaN, 4));
  });
});

describe('memory service replicas sharing a pgvector index', () => {
  let database: TestDatabase;
  let store: Store;
  let sql: SqlDatabase;
  const services: MemoryService[] = [];

  beforeEach(async () => {
    sql = await pgliteSql();
    await dropIndexTables(sql);
    database = await createTestDatabase();
    store = await openStore({ kind: 'postgres', url: database.url, poolSize: 4 });
  });
  afterEach(async () => {
    for (const service of services.splice(0)) await service.close();
    await store.close();
    await database.drop();
    await dropIndexTables(sql);
  });

  it('finds on one replica what another wrote, and forgets what it deleted', async () => {
    const key = randomBytes(32);
    const members = await registryMembers();
    const replica = async (): Promise<{ service: MemoryService; index: VectorIndex }> => {
      const embeddings = new HashEmbeddingProvider();
      const index = await PgvectorIndex.open({ sql, dim: embeddings.dim });
      const service = new MemoryService(
        {
          repository: new KyselyMemoryRepository({ ...storeDatabaseOf(store), cipher: new MemoryCipher(key) }),
          index,
          embeddings,
          members,
          clock: new TestClock(),
          logger: capturingLogger(),
          newId: randomUUID,
        },
        { backgroundReembed: false },
      );
      await service.open();
      services.push(service);
      return { service, index };
    };
    const a = await replica();
    const b = await replica();
    const texts = ['terraform state lock stuck in the staging bucket', 'flaky login test fixed by waiting for the redirect', 'postgres vacuum settings for the events table'];
    const stored = [];
    for (const content of texts) stored.push(await a.service.create('experience', { employeeId: 'emp_008', content }));
    const search = async (query: string): Promise<string[]> =>
      (await b.service.search.search({ employeeId: 'emp_008', query, options: memorySearchOptions.parse({ mode: 'vector' }) })).results.map((r) => r.id);
    expect((await search('terraform state lock'))[0]).toBe(stored[0]?.id);
    expect(await b.index.count()).toBe(3);
    await a.service.delete('emp_008', stored[0]?.id ?? '');
    expect(await search('terraform state lock')).not.toContain(stored[0]?.id);
    expect(await a.index.count()).toBe(2);
    const rev = (await storeDatabaseOf(store).db.selectFrom('memory_vectors').select((eb) => eb.fn.max('rev').as('rev')).executeTakeFirstOrThrow()).rev;
    expect((await b.index.checkpoint())?.rev).toBe(Number(rev));
  });
});

describe('openVectorIndex on PostgreSQL', () => {
  const logger = capturingLogger();
  afterEach(() => void logger.lines.splice(0));

  it('uses pgvector when the server has the extension, under auto and pgvector', async () => {
    const sql = await pgliteSql();
    await dropIndexTables(sql);
    for (const kind of ['auto', 'pgvector'] as const) {
      const index = await openVectorIndex({ kind, dialect: 'postgres', sql, file: '', dim: CONTRACT_DIM, logger });
      expect(index.kind).toBe('pgvector');
      await index.close();
    }
    expect(logger.lines.map((l) => l.msg)).toEqual(['memory search uses pgvector', 'memory search uses pgvector']);
    await dropIndexTables(sql);
  });

  it('falls back to the in-memory index under auto when the extension cannot be created, and fails under pgvector', async () => {
    const sql = await pgliteSql();
    await dropIndexTables(sql);
    await sql.query('drop extension if exists vector');
    await sql.query(`do $$ begin if not exists (select from pg_roles where rolname = 'dash_app') then create role dash_app; end if; end $$`);
    await sql.query('grant create on schema public to dash_app');
    await sql.query('set role dash_app');
    try {
      const auto = await openVectorIndex({ kind: 'auto', dialect: 'postgres', sql, file: '', dim: CONTRACT_DIM, logger });
      expect(auto.kind).toBe('in-memory');
      expect(logger.lines).toMatchObject([{ level: 'warn', msg: expect.stringMatching(/could not be set up.*in-memory index/) }]);
      await expect(openVectorIndex({ kind: 'pgvector', dialect: 'postgres', sql, file: '', dim: CONTRACT_DIM, logger })).rejects.toThrow(
        /MEMORY_VECTOR_INDEX=pgvector, but the pgvector index could not be set up: permission denied to create extension "vector"/,
      );
    } finally {
      await sql.query('reset role');
    }
  });

  it("uses the in-memory index on the machine's PostgreSQL, which has no pgvector, and refuses MEMORY_VECTOR_INDEX=pgvector", async () => {
    const database = await createTestDatabase();
    const store = await openStore({ kind: 'postgres', url: database.url, poolSize: 2 });
    try {
      const { db } = storeDatabaseOf(store);
      const index = await openVectorIndex({ kind: 'auto', dialect: 'postgres', db, file: '', dim: CONTRACT_DIM, logger });
      expect(index.kind).toBe('in-memory');
      expect(logger.lines).toMatchObject([{ level: 'info', msg: 'pgvector is not installed on the PostgreSQL server; memory search uses the in-memory index' }]);
      await expect(openVectorIndex({ kind: 'pgvector', dialect: 'postgres', db, file: '', dim: CONTRACT_DIM, logger })).rejects.toThrow(
        'MEMORY_VECTOR_INDEX=pgvector, but the PostgreSQL server has no vector extension',
      );
    } finally {
      await store.close();
      await database.drop();
    }
  });
});

describe('kyselySqlDatabase (the production SqlDatabase) on PostgreSQL', () => {
  it('passes parameters, including arrays, and commits or rolls back a transaction', async () => {
    const database = await createTestDatabase();
    const store = await openStore({ kind: 'postgres', url: database.url, poolSize: 2 });
    try {
      const sql = kyselySqlDatabase(storeDatabaseOf(store).db);
      await sql.query('create table t (id text primary key, n int not null)');
      await sql.transaction(async (tx) => {
        await tx.query('insert into t select * from unnest($1::text[], $2::int[])', [['a', 'b'], [1, 2]]);
      });
      await expect(
        sql.transaction(async (tx) => {
          await tx.query('insert into t values ($1, $2)', ['c', 3]);
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(await sql.query('select id, n from t where id = any($1::text[]) order by id', [['a', 'b', 'c']])).toEqual([
        { id: 'a', n: 1 },
        { id: 'b', n: 2 },
      ]);
      // set_config(…, true) lasts for the transaction only: a pooled connection keeps nothing.
      const inside = await sql.transaction(async (tx) => {
        await tx.query(`select set_config('statement_timeout', '1234', true)`);
        return tx.query<{ v: string }>(`select current_setting('statement_timeout') as v`);
      });
      expect(inside).toEqual([{ v: '1234ms' }]);
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
