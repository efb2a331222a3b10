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
import type { SqliteDatabase } from 'kysely';
export declare const DEFAULT_STATEMENT_CACHE_SIZE = 500;
export declare function withStatementCache(db: Database.Database, capacity?: number): SqliteDatabase;
