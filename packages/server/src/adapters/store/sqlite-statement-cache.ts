/**
 * A prepared-statement cache in front of better-sqlite3 for Kysely's SQLite dialect. Kysely's
 * driver prepares every query afresh (`db.prepare(sql)` per call); the store issues the same few
 * dozen SQL texts over and over (values are bound parameters), and preparing was ~12 % of the
 * server's CPU under the API benchmark (docs/benchmarks.md). Statements are reused by SQL text.
 *
 * Contract: a statement still iterating (`busy`, a Kysely stream in progress) is never handed out
 * again; that call gets a fresh, uncached statement. SQLite re-prepares a cached statement by
 * itself after a schema change (sqlite3_prepare_v2), so migrations stay correct. Least recently
 * used texts are dropped beyond `capacity` (dynamic IN (…) lists make many distinct texts).
 */
import type Database from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

export const DEFAULT_STATEMENT_CACHE_SIZE = 500;

export function withStatementCache(db: Database.Database, capacity = DEFAULT_STATEMENT_CACHE_SIZE): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => db.close(),
    prepare(sql: string): SqliteStatement {
      const hit = cache.get(sql);
      if (hit !== undefined) {
        if (hit.busy) return db.prepare(sql);
        // Re-insert: Map keeps insertion order, so the first key is the least recently used.
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const statement = db.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      return statement;
    },
  };
}
