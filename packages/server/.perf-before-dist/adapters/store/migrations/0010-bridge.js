export const migration0010Bridge = (_dialect) => ({
    async up(db) {
        await db.schema
            .createTable('mcp_run_tokens')
            .addColumn('token_hash', 'text', (c) => c.primaryKey())
            .addColumn('run_id', 'text', (c) => c.notNull())
            .addColumn('employee_id', 'text')
            .addColumn('task_id', 'text')
            .addColumn('created_at', 'text', (c) => c.notNull())
            .addColumn('expires_at', 'text', (c) => c.notNull())
            .addColumn('revoked_at', 'text')
            .execute();
        await db.schema.createIndex('mcp_run_tokens_run_idx').on('mcp_run_tokens').column('run_id').execute();
        await db.schema
            .createTable('input_requests')
            .addColumn('id', 'text', (c) => c.primaryKey())
            .addColumn('run_id', 'text', (c) => c.notNull())
            .addColumn('task_id', 'text')
            .addColumn('employee_id', 'text')
            .addColumn('question', 'text', (c) => c.notNull())
            .addColumn('status', 'text', (c) => c.notNull())
            .addColumn('answer', 'text')
            .addColumn('answered_by', 'text')
            .addColumn('created_at', 'text', (c) => c.notNull())
            .addColumn('expires_at', 'text', (c) => c.notNull())
            .addColumn('closed_at', 'text')
            .execute();
        await db.schema.createIndex('input_requests_run_idx').on('input_requests').columns(['run_id', 'created_at']).execute();
        await db.schema.createIndex('input_requests_status_idx').on('input_requests').columns(['status', 'created_at']).execute();
        await db.schema
            .createTable('alerts')
            .addColumn('id', 'text', (c) => c.primaryKey())
            .addColumn('key', 'text', (c) => c.notNull())
            .addColumn('active_key', 'text', (c) => c.unique())
            .addColumn('kind', 'text', (c) => c.notNull())
            .addColumn('severity', 'text', (c) => c.notNull())
            .addColumn('status', 'text', (c) => c.notNull())
            .addColumn('title', 'text', (c) => c.notNull())
            .addColumn('message', 'text', (c) => c.notNull())
            .addColumn('subject', 'text', (c) => c.notNull())
            .addColumn('opened_at', 'text', (c) => c.notNull())
            .addColumn('last_seen_at', 'text', (c) => c.notNull())
            .addColumn('occurrences', 'integer', (c) => c.notNull())
            .addColumn('resolved_at', 'text')
            .addColumn('resolved_by', 'text')
            .execute();
        await db.schema.createIndex('alerts_opened_idx').on('alerts').columns(['opened_at', 'id']).execute();
        await db.schema.createIndex('alerts_status_idx').on('alerts').columns(['status', 'opened_at']).execute();
        await db.schema
            .createTable('alert_deliveries')
            .addColumn('id', 'text', (c) => c.primaryKey())
            .addColumn('alert_id', 'text', (c) => c.notNull().references('alerts.id').onDelete('cascade'))
            .addColumn('event', 'text', (c) => c.notNull())
            .addColumn('target_id', 'text', (c) => c.notNull())
            .addColumn('target', 'text', (c) => c.notNull())
            .addColumn('status', 'text', (c) => c.notNull())
            .addColumn('attempts', 'integer', (c) => c.notNull())
            .addColumn('last_status_code', 'integer')
            .addColumn('last_error', 'text')
            .addColumn('next_attempt_at', 'text')
            .addColumn('lease_until', 'text')
            .addColumn('created_at', 'text', (c) => c.notNull())
            .addColumn('delivered_at', 'text')
            .execute();
        await db.schema.createIndex('alert_deliveries_due_idx').on('alert_deliveries').columns(['status', 'next_attempt_at']).execute();
        await db.schema.createIndex('alert_deliveries_alert_idx').on('alert_deliveries').columns(['alert_id', 'created_at']).execute();
        await db.schema.createIndex('alert_deliveries_created_idx').on('alert_deliveries').columns(['created_at', 'id']).execute();
        await db.schema
            .createTable('task_links')
            .addColumn('child_task_id', 'text', (c) => c.primaryKey().references('tasks.id').onDelete('cascade'))
            .addColumn('parent_task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
            .addColumn('run_id', 'text')
            .addColumn('employee_id', 'text')
            .addColumn('created_at', 'text', (c) => c.notNull())
            .execute();
        await db.schema.createIndex('task_links_parent_idx').on('task_links').columns(['parent_task_id', 'created_at']).execute();
    },
    async down(db) {
        for (const table of ['task_links', 'alert_deliveries', 'alerts', 'input_requests', 'mcp_run_tokens']) {
            await db.schema.dropTable(table).execute();
        }
    },
});
//# sourceMappingURL=0010-bridge.js.map