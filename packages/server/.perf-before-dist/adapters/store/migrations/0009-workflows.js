/**
 * 0009: workflow runs, their steps, the tasks of each step and the approval decisions. Same DDL
 * on both dialects: the template snapshot and step outputs are JSON text, timestamps ISO text,
 * booleans integers 0/1. Steps, links and decisions cascade with their run; a task may belong to
 * one step at most (`workflow_step_tasks.task_id` is unique) and is found by it when the engine
 * hears that the task changed. The classification task is found through
 * `workflow_runs.classifier_task_id`.
 */
import {} from 'kysely';
export const migration0009Workflows = (dialect) => ({
    async up(db) {
        await db.schema
            .createTable('workflow_runs')
            .addColumn('id', 'text', (c) => c.primaryKey())
            .addColumn('title', 'text', (c) => c.notNull())
            .addColumn('request', 'text', (c) => c.notNull())
            .addColumn('template_id', 'text')
            .addColumn('template', 'text')
            .addColumn('status', 'text', (c) => c.notNull())
            .addColumn('selection_mode', 'text', (c) => c.notNull())
            .addColumn('classifier_task_id', 'text')
            .addColumn('selection_reason', 'text')
            .addColumn('priority', 'text', (c) => c.notNull())
            .addColumn('working_directory', 'text')
            .addColumn('include_optional_roles', 'integer', (c) => c.notNull().defaultTo(0))
            .addColumn('error_code', 'text')
            .addColumn('error_message', 'text')
            .addColumn('created_by', 'text', (c) => c.notNull())
            .addColumn('created_at', 'text', (c) => c.notNull())
            .addColumn('updated_at', 'text', (c) => c.notNull())
            .addColumn('ended_at', 'text')
            .addColumn('closed_at', 'text')
            .addColumn('version', 'integer', (c) => c.notNull())
            .execute();
        await db.schema.createIndex('workflow_runs_created_at_idx').on('workflow_runs').columns(['created_at', 'id']).execute();
        await db.schema.createIndex('workflow_runs_open_idx').on('workflow_runs').columns(['closed_at', 'status']).execute();
        await db.schema.createIndex('workflow_runs_classifier_idx').on('workflow_runs').column('classifier_task_id').execute();
        await db.schema
            .createTable('workflow_steps')
            .addColumn('run_id', 'text', (c) => c.notNull().references('workflow_runs.id').onDelete('cascade'))
            .addColumn('key', 'text', (c) => c.notNull())
            .addColumn('position', 'integer', (c) => c.notNull())
            .addColumn('status', 'text', (c) => c.notNull())
            .addColumn('round', 'integer', (c) => c.notNull().defaultTo(1))
            .addColumn('round_started_at', 'text')
            .addColumn('started_at', 'text')
            .addColumn('awaiting_since', 'text')
            .addColumn('completed_at', 'text')
            .addColumn('reason', 'text')
            .addColumn('output', 'text')
            .addPrimaryKeyConstraint('workflow_steps_pk', ['run_id', 'key'])
            .execute();
        await db.schema
            .createTable('workflow_step_tasks')
            .addColumn('task_id', 'text', (c) => c.primaryKey())
            .addColumn('run_id', 'text', (c) => c.notNull())
            .addColumn('step_key', 'text', (c) => c.notNull())
            .addColumn('role', 'text', (c) => c.notNull())
            .addColumn('position', 'integer', (c) => c.notNull())
            .addForeignKeyConstraint('workflow_step_tasks_step_fk', ['run_id', 'step_key'], 'workflow_steps', ['run_id', 'key'], (fk) => fk.onDelete('cascade'))
            .execute();
        await db.schema.createIndex('workflow_step_tasks_step_idx').on('workflow_step_tasks').columns(['run_id', 'step_key', 'position']).execute();
        // `seq`: insertion counter (SQLite rowid; identity on PostgreSQL), the listing order.
        const seq = (c) => dialect === 'postgres' ? c.generatedAlwaysAsIdentity().primaryKey() : c.primaryKey();
        await db.schema
            .createTable('workflow_decisions')
            .addColumn('seq', dialect === 'postgres' ? 'bigint' : 'integer', seq)
            .addColumn('id', 'text', (c) => c.notNull().unique())
            .addColumn('run_id', 'text', (c) => c.notNull().references('workflow_runs.id').onDelete('cascade'))
            .addColumn('step_key', 'text', (c) => c.notNull())
            .addColumn('decision', 'text', (c) => c.notNull())
            .addColumn('reason', 'text')
            .addColumn('actor', 'text', (c) => c.notNull())
            .addColumn('round', 'integer', (c) => c.notNull())
            .addColumn('at', 'text', (c) => c.notNull())
            .execute();
        await db.schema.createIndex('workflow_decisions_run_idx').on('workflow_decisions').columns(['run_id', 'seq']).execute();
    },
    async down(db) {
        for (const table of ['workflow_decisions', 'workflow_step_tasks', 'workflow_steps', 'workflow_runs']) {
            await db.schema.dropTable(table).execute();
        }
    },
});
//# sourceMappingURL=0009-workflows.js.map