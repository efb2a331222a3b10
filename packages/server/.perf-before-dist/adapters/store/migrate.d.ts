/**
 * Brings the schema to the latest migration with Kysely's Migrator. All pending migrations apply
 * as one unit: on PostgreSQL Kysely wraps them in a transaction; on SQLite (where Kysely does not)
 * we run them inside BEGIN IMMEDIATE, which also makes a second process opening the same file wait
 * (busy_timeout) instead of racing. Applied migrations are logged one by one; any failure becomes
 * AppError STORE_MIGRATION_FAILED naming the migration, with nothing applied.
 */
import { type Kysely } from 'kysely';
import type { StoreDialect } from '../../ports/store.js';
import { type StoreMigrations } from './migrations/index.js';
import type { StoreLogger } from './store-logger.js';
export declare function migrateToLatest<DB>(db: Kysely<DB>, dialect: StoreDialect, logger: StoreLogger, migrations?: StoreMigrations): Promise<void>;
