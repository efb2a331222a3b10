/**
 * Opens the persistent store and migrates it to the latest schema before returning. SQLite is the
 * embedded default (one WAL file); PostgreSQL serves several replicas, which may start at the same
 * time: their migrations are serialized by an advisory lock. On a SQLite file, run-event appends go
 * through a worker thread with its own connection (SqliteEventWriter) so they never block the event
 * loop; reads and all other writes stay on the main connection.
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { AppError, isAppError } from '../../domain/app-error.js';
import type { Store } from '../../ports/store.js';
import { KyselyStore } from './kysely-store.js';
import { migrateToLatest } from './migrate.js';
import { postgresClientConfig } from './postgres-connection.js';
import { withPostgresMigrationLock } from './postgres-migration-lock.js';
import type { StoreDatabase } from './schema.js';
import { openSqliteDatabase } from './sqlite-database.js';
import { withStatementCache } from './sqlite-statement-cache.js';
import { SqliteEventWriter } from './sqlite-event-writer.js';
import { SqliteImmediateDialect } from './sqlite-immediate-dialect.js';
import { silentStoreLogger, type StoreLogger } from './store-logger.js';

export type { StoreLogger } from './store-logger.js';

export type StoreOptions =
  | { kind: 'sqlite'; file: string }
  | {
      kind: 'postgres';
      url: string;
      /** Connections in the pool. @default 10 */
      poolSize?: number;
      /** Shown in pg_stat_activity. @default 'dash-server' */
      applicationName?: string;
    };

export interface StoreDeps {
  logger?: StoreLogger;
}

const DEFAULT_POOL_SIZE = 10;

export async function openStore(options: StoreOptions, deps: StoreDeps = {}): Promise<Store> {
  const logger = deps.logger ?? silentStoreLogger;
  return options.kind === 'sqlite' ? openSqliteStore(options.file, logger) : openPostgresStore(options, logger);
}

async function openSqliteStore(file: string, logger: StoreLogger): Promise<Store> {
  let database;
  try {
    database = openSqliteDatabase(file);
  } catch (err) {
    throw new AppError('STORE_UNAVAILABLE', { message: `Cannot open SQLite file ${file}: ${messageOf(err)}`, cause: err });
  }
  const db = new Kysely<StoreDatabase>({ dialect: new SqliteImmediateDialect({ database: withStatementCache(database) }) });
  await migrateOrDestroy(db, () => migrateToLatest(db, 'sqlite', logger));
  // An in-memory database exists only on this connection: its appends stay on the main thread.
  if (file === ':memory:') return new KyselyStore('sqlite', db);
  let writer;
  try {
    writer = await SqliteEventWriter.open(file);
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw new AppError('STORE_UNAVAILABLE', { message: `Cannot start the SQLite event writer for ${file}: ${messageOf(err)}`, cause: err });
  }
  return new KyselyStore('sqlite', db, writer);
}

async function openPostgresStore(options: Extract<StoreOptions, { kind: 'postgres' }>, logger: StoreLogger): Promise<Store> {
  const config = postgresClientConfig({ url: options.url, applicationName: options.applicationName });
  const pool = new pg.Pool({ ...config, max: options.poolSize ?? DEFAULT_POOL_SIZE });
  // Idle clients that lose their server emit here; without a listener the process would crash.
  pool.on('error', (err) => logger.warn({ err }, 'idle PostgreSQL connection failed'));
  // A checked-out client whose server goes away between two queries (e.g. inside a transaction
  // while the app computes) emits 'error' outside any query and outside the pool's idle listener:
  // without this listener that crashed the process when PostgreSQL restarted (fault suite,
  // test/faults/services-restart). The broken client is dropped by the pool on release.
  pool.on('connect', (client) => client.on('error', (err) => logger.warn({ err }, 'PostgreSQL connection failed while checked out')));
  const db = new Kysely<StoreDatabase>({ dialect: new PostgresDialect({ pool }) });
  await migrateOrDestroy(db, () =>
    withPostgresMigrationLock(config, logger, () => migrateToLatest(db, 'postgres', logger)),
  );
  return new KyselyStore('postgres', db);
}

async function migrateOrDestroy(db: Kysely<StoreDatabase>, migrate: () => Promise<void>): Promise<void> {
  try {
    await migrate();
  } catch (err) {
    await db.destroy().catch(() => undefined);
    if (isAppError(err)) throw err;
    throw new AppError('STORE_MIGRATION_FAILED', { message: `Store migration failed: ${messageOf(err)}`, cause: err });
  }
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));
