/**
 * 0002: the embedded job queue's table (adapters/queue-embedded). Several logical queues share it,
 * keyed by `queue`. `seq` is an insertion counter (the SQLite rowid; an identity on PostgreSQL)
 * that breaks FIFO ties; the claim index matches the claim order exactly
 * (priority desc, ready_at, seq), so a claim is an index scan. Times used for scheduling
 * (ready_at, lease_until) are epoch milliseconds; created_at/updated_at are ISO text like the
 * rest of the store.
 */
import { sql } from 'kysely';
export const migration0002Jobs = (dialect) => ({
    async up(db) {
        await db.schema
            .createTable('jobs')
            .addColumn('seq', dialect === 'postgres' ? 'bigint' : 'integer', (c) => dialect === 'postgres' ? c.generatedAlwaysAsIdentity().primaryKey() : c.primaryKey())
            .addColumn('queue', 'text', (c) => c.notNull())
            .addColumn('id', 'text', (c) => c.notNull())
            .addColumn('payload', 'text', (c) => c.notNull())
            .addColumn('priority', 'integer', (c) => c.notNull())
            .addColumn('state', 'text', (c) => c.notNull())
            .addColumn('attempt', 'integer', (c) => c.notNull().defaultTo(0))
            .addColumn('max_attempts', 'integer', (c) => c.notNull())
            .addColumn('backoff_ms', 'bigint', (c) => c.notNull())
            .addColumn('ready_at', 'bigint', (c) => c.notNull())
            .addColumn('first_ready_at', 'bigint', (c) => c.notNull())
            .addColumn('lease_until', 'bigint')
            .addColumn('lease_token', 'text')
            .addColumn('worker_id', 'text')
            .addColumn('last_error', 'text')
            .addColumn('created_at', 'text', (c) => c.notNull())
            .addColumn('updated_at', 'text', (c) => c.notNull())
            .addUniqueConstraint('jobs_queue_id_key', ['queue', 'id'])
            .execute();
        // Same DDL on both dialects; Kysely's index builder has no per-column sort direction.
        await sql `create index jobs_claim_idx on jobs (queue, state, priority desc, ready_at, seq)`.execute(db);
    },
    async down(db) {
        await db.schema.dropTable('jobs').execute();
    },
});
//# sourceMappingURL=0002-jobs.js.map