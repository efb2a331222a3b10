/**
 * 0001: runs and their event log. DDL is shared by both dialects except the JSON payload column:
 * PostgreSQL `json` keeps the exact text (key order, and `\u0000` or lone surrogates that an
 * agent's raw output may contain, which `jsonb` rejects); SQLite stores it as plain text.
 * Tokens and byte counters are bigint (INTEGER affinity on SQLite); timestamps are ISO text.
 */
import { sql } from 'kysely';
export const migration0001Runs = (dialect) => ({
    async up(db) {
        await db.schema
            .createTable('runs')
            .addColumn('id', 'text', (c) => c.primaryKey())
            .addColumn('task_id', 'text')
            .addColumn('employee_id', 'text')
            .addColumn('runtime', 'text', (c) => c.notNull())
            .addColumn('status', 'text', (c) => c.notNull())
            .addColumn('model', 'text')
            .addColumn('cwd', 'text', (c) => c.notNull())
            .addColumn('session_id', 'text')
            .addColumn('resume_of', 'text')
            .addColumn('node_id', 'text')
            .addColumn('pid', 'integer')
            .addColumn('exit_code', 'integer')
            .addColumn('exit_signal', 'text')
            .addColumn('restarts', 'integer', (c) => c.notNull().defaultTo(0))
            .addColumn('error_code', 'text')
            .addColumn('error_message', 'text')
            .addColumn('result_text', 'text')
            .addColumn('input_tokens', 'bigint', (c) => c.notNull().defaultTo(0))
            .addColumn('output_tokens', 'bigint', (c) => c.notNull().defaultTo(0))
            .addColumn('cache_read_tokens', 'bigint', (c) => c.notNull().defaultTo(0))
            .addColumn('cache_write_tokens', 'bigint', (c) => c.notNull().defaultTo(0))
            .addColumn('cost_usd', 'double precision', (c) => c.notNull().defaultTo(0))
            .addColumn('event_count', 'bigint', (c) => c.notNull().defaultTo(0))
            .addColumn('event_bytes', 'bigint', (c) => c.notNull().defaultTo(0))
            .addColumn('log_truncated', 'boolean', (c) => c.notNull().defaultTo(sql `false`))
            .addColumn('created_at', 'text', (c) => c.notNull())
            .addColumn('started_at', 'text')
            .addColumn('ended_at', 'text')
            .addColumn('last_event_at', 'text')
            .execute();
        await db.schema.createIndex('runs_status_idx').on('runs').column('status').execute();
        await db.schema.createIndex('runs_task_id_idx').on('runs').column('task_id').execute();
        await db.schema.createIndex('runs_employee_id_idx').on('runs').column('employee_id').execute();
        // Matches the list order (created_at desc, id desc) so keyset pages are index scans.
        await db.schema.createIndex('runs_created_at_idx').on('runs').columns(['created_at', 'id']).execute();
        await db.schema.createIndex('runs_started_at_idx').on('runs').column('started_at').execute();
        await db.schema
            .createTable('run_events')
            .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id').onDelete('cascade'))
            .addColumn('seq', 'integer', (c) => c.notNull())
            .addColumn('at', 'bigint', (c) => c.notNull())
            .addColumn('type', 'text', (c) => c.notNull())
            .addColumn('payload', dialect === 'postgres' ? 'json' : 'text', (c) => c.notNull())
            .addPrimaryKeyConstraint('run_events_pk', ['run_id', 'seq'])
            .execute();
    },
    async down(db) {
        await db.schema.dropTable('run_events').execute();
        await db.schema.dropTable('runs').execute();
    },
});
//# sourceMappingURL=0001-runs.js.map