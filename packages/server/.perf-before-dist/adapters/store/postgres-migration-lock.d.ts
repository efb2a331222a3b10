/**
 * Serializes migrations across replicas: a session-level advisory lock held on one dedicated
 * connection (outside the pool, so a pool of size 1 cannot deadlock) for the whole migration run.
 * If the process dies, PostgreSQL drops the connection and the lock with it.
 */
import pg from 'pg';
import type { StoreLogger } from './store-logger.js';
/** Arbitrary constant owned by this project ("dashmigr" in ASCII); distinct from Kysely's own lock id. */
export declare const MIGRATION_LOCK_KEY = "7233189368883144562";
export declare function withPostgresMigrationLock<T>(config: pg.ClientConfig, logger: StoreLogger, fn: () => Promise<T>): Promise<T>;
