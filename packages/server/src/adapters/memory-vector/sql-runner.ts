/**
 * The little SQL the pgvector index needs: parameterized text in, rows out, and a transaction on
 * one connection. Production passes the store's kysely/pg pool (`kyselySqlDatabase`); tests pass
 * an embedded PGlite with the vector extension. Parameters are numbered (`$1`, `$2`, …).
 */
import { CompiledQuery, type Kysely } from 'kysely';

export interface SqlRunner {
  query<Row extends object>(text: string, params?: readonly unknown[]): Promise<Row[]>;
}

export interface SqlDatabase extends SqlRunner {
  /** Runs `work` in one transaction on one connection: commits when it resolves, rolls back when it throws. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
}

const runnerOf = <DB>(db: Kysely<DB>): SqlRunner => ({
  async query<Row extends object>(text: string, params: readonly unknown[] = []): Promise<Row[]> {
    const result = await db.executeQuery<Row>(CompiledQuery.raw(text, [...params]));
    return [...result.rows];
  },
});

/** A SqlDatabase over a kysely instance (the store's PostgreSQL pool); it never closes it. */
export function kyselySqlDatabase<DB>(db: Kysely<DB>): SqlDatabase {
  return {
    ...runnerOf(db),
    transaction: (work) => db.transaction().execute((trx) => work(runnerOf(trx))),
  };
}
