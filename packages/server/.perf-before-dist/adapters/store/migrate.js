/**
 * Brings the schema to the latest migration with Kysely's Migrator. All pending migrations apply
 * as one unit: on PostgreSQL Kysely wraps them in a transaction; on SQLite (where Kysely does not)
 * we run them inside BEGIN IMMEDIATE, which also makes a second process opening the same file wait
 * (busy_timeout) instead of racing. Applied migrations are logged one by one; any failure becomes
 * AppError STORE_MIGRATION_FAILED naming the migration, with nothing applied.
 */
import { Migrator, sql } from 'kysely';
import { AppError } from '../../domain/app-error.js';
import { migrationProvider, storeMigrations } from './migrations/index.js';
export async function migrateToLatest(db, dialect, logger, migrations = storeMigrations) {
    const run = (conn) => migrate(conn, dialect, migrations);
    const applied = dialect === 'sqlite' ? await inImmediateTransaction(db, run) : await run(db);
    for (const migration of applied)
        logger.info({ migration, dialect }, 'store migration applied');
}
/** Runs the migrator; returns the names applied, or throws (so an enclosing transaction rolls back). */
async function migrate(db, dialect, migrations) {
    const migrator = new Migrator({ db, provider: migrationProvider(dialect, migrations) });
    const { error, results = [] } = await migrator.migrateToLatest();
    if (error !== undefined) {
        const failed = results.find((r) => r.status === 'Error')?.migrationName ?? null;
        throw new AppError('STORE_MIGRATION_FAILED', {
            message: failed ? `Store migration ${failed} failed` : 'Store migration failed',
            details: { dialect, migration: failed },
            cause: error,
        });
    }
    return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
async function inImmediateTransaction(db, fn) {
    return db.connection().execute(async (conn) => {
        await sql `begin immediate`.execute(conn);
        try {
            const result = await fn(conn);
            await sql `commit`.execute(conn);
            return result;
        }
        catch (err) {
            await sql `rollback`.execute(conn);
            throw err;
        }
    });
}
//# sourceMappingURL=migrate.js.map