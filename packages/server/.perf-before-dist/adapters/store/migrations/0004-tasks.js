/**
 * 0004: tasks, their labels, dependency edges, comments and status timeline. Same DDL on both
 * dialects: lists and objects are JSON text (`required_skills`, `labels`, `assignment`,
 * timeline `data`), timestamps ISO text. Labels are also one `task_labels` row each so the label
 * filter is an index lookup rather than a LIKE over JSON. Everything hanging off a task cascades
 * when it is deleted, including edges in both directions.
 *
 * Indexes match the queries: the list order (created_at desc, id desc) for keyset pages, the
 * dispatch order (status, priority_weight desc, queued_at, id) for listReady, dependents by
 * depends_on_id, employee filters, and comments/timeline per task in insertion order.
 */
import { sql } from 'kysely';
export const migration0004Tasks = (dialect) => ({
    async up(db) {
        const seqType = dialect === 'postgres' ? 'bigint' : 'integer';
        await db.schema
            .createTable('tasks')
            .addColumn('id', 'text', (c) => c.primaryKey())
            .addColumn('title', 'text', (c) => c.notNull())
            .addColumn('description', 'text', (c) => c.notNull())
            .addColumn('priority', 'text', (c) => c.notNull())
            .addColumn('priority_weight', 'integer', (c) => c.notNull())
            .addColumn('status', 'text', (c) => c.notNull())
            .addColumn('required_skills', 'text', (c) => c.notNull())
            .addColumn('labels', 'text', (c) => c.notNull())
            .addColumn('assignee', 'text')
            .addColumn('assigned_to', 'text')
            .addColumn('assignment', 'text')
            .addColumn('max_retries', 'integer', (c) => c.notNull())
            .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
            .addColumn('timeout_ms', 'bigint')
            .addColumn('working_directory', 'text')
            .addColumn('created_by', 'text', (c) => c.notNull())
            .addColumn('created_at', 'text', (c) => c.notNull())
            .addColumn('updated_at', 'text', (c) => c.notNull())
            .addColumn('queued_at', 'text')
            .addColumn('started_at', 'text')
            .addColumn('completed_at', 'text')
            .addColumn('resolved_at', 'text')
            .addColumn('last_run_id', 'text')
            .addColumn('blocked_reason', 'text')
            .addColumn('version', 'integer', (c) => c.notNull())
            .execute();
        await db.schema.createIndex('tasks_created_at_idx').on('tasks').columns(['created_at', 'id']).execute();
        await sql `create index tasks_ready_idx on tasks (status, priority_weight desc, queued_at, id)`.execute(db);
        await db.schema.createIndex('tasks_assigned_to_idx').on('tasks').column('assigned_to').execute();
        await db.schema.createIndex('tasks_assignee_idx').on('tasks').column('assignee').execute();
        await db.schema
            .createTable('task_labels')
            .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
            .addColumn('label', 'text', (c) => c.notNull())
            .addPrimaryKeyConstraint('task_labels_pk', ['task_id', 'label'])
            .execute();
        await db.schema.createIndex('task_labels_label_idx').on('task_labels').columns(['label', 'task_id']).execute();
        await db.schema
            .createTable('task_dependencies')
            .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
            .addColumn('depends_on_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
            .addColumn('position', 'integer', (c) => c.notNull())
            .addPrimaryKeyConstraint('task_dependencies_pk', ['task_id', 'depends_on_id'])
            .addCheckConstraint('task_dependencies_not_self', sql `task_id <> depends_on_id`)
            .execute();
        await db.schema
            .createIndex('task_dependencies_depends_on_idx')
            .on('task_dependencies')
            .columns(['depends_on_id', 'task_id'])
            .execute();
        // `seq`: insertion counter (SQLite rowid; identity on PostgreSQL), the listing order.
        const seq = (c) => dialect === 'postgres' ? c.generatedAlwaysAsIdentity().primaryKey() : c.primaryKey();
        await db.schema
            .createTable('task_comments')
            .addColumn('seq', seqType, seq)
            .addColumn('id', 'text', (c) => c.notNull().unique())
            .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
            .addColumn('kind', 'text', (c) => c.notNull())
            .addColumn('author', 'text', (c) => c.notNull())
            .addColumn('body', 'text', (c) => c.notNull())
            .addColumn('created_at', 'text', (c) => c.notNull())
            .execute();
        await db.schema.createIndex('task_comments_task_idx').on('task_comments').columns(['task_id', 'seq']).execute();
        await db.schema
            .createTable('task_timeline')
            .addColumn('seq', seqType, seq)
            .addColumn('id', 'text', (c) => c.notNull().unique())
            .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
            .addColumn('from_status', 'text')
            .addColumn('to_status', 'text', (c) => c.notNull())
            .addColumn('actor', 'text', (c) => c.notNull())
            .addColumn('reason', 'text')
            .addColumn('at', 'text', (c) => c.notNull())
            .addColumn('data', 'text')
            .execute();
        await db.schema.createIndex('task_timeline_task_idx').on('task_timeline').columns(['task_id', 'seq']).execute();
    },
    async down(db) {
        for (const table of ['task_timeline', 'task_comments', 'task_dependencies', 'task_labels', 'tasks']) {
            await db.schema.dropTable(table).execute();
        }
    },
});
//# sourceMappingURL=0004-tasks.js.map