/**
 * Serializes migrations across replicas: a session-level advisory lock held on one dedicated
 * connection (outside the pool, so a pool of size 1 cannot deadlock) for the whole migration run.
 * If the process dies, PostgreSQL drops the connection and the lock with it.
 */
import pg from 'pg';
import { AppError } from '../../domain/app-error.js';
/** Arbitrary constant owned by this project ("dashmigr" in ASCII); distinct from Kysely's own lock id. */
export const MIGRATION_LOCK_KEY = '7233189368883144562';
/** How long a replica waits for another one's migrations before giving up. */
const LOCK_WAIT = '10min';
export async function withPostgresMigrationLock(config, logger, fn) {
    const client = new pg.Client(config);
    // An error on the idle lock connection must not crash the process; the next query reports it.
    client.on('error', (err) => logger.warn({ err }, 'store migration lock connection failed'));
    try {
        await client.connect();
    }
    catch (err) {
        await client.end().catch(() => undefined);
        throw new AppError('STORE_UNAVAILABLE', { message: `Cannot connect to PostgreSQL: ${errorMessage(err)}`, cause: err });
    }
    try {
        const tried = await client.query('select pg_try_advisory_lock($1::bigint) as locked', [MIGRATION_LOCK_KEY]);
        if (!tried.rows[0]?.locked) {
            logger.info({}, 'waiting for another replica to finish store migrations');
            await client.query(`set lock_timeout = '${LOCK_WAIT}'`);
            await client.query('select pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]).catch((err) => {
                throw new AppError('STORE_MIGRATION_FAILED', {
                    message: `Could not take the store migration lock: ${errorMessage(err)}`,
                    cause: err,
                });
            });
        }
        try {
            return await fn();
        }
        finally {
            await client.query('select pg_advisory_unlock($1::bigint)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
        }
    }
    finally {
        await client.end().catch(() => undefined);
    }
}
const errorMessage = (err) => (err instanceof Error ? err.message : String(err));
//# sourceMappingURL=postgres-migration-lock.js.map