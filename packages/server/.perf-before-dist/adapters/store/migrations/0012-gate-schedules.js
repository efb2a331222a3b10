export const migration0012GateSchedules = (_dialect) => ({
    async up(db) {
        await db.schema
            .createTable('dispatch_pauses')
            .addColumn('scope', 'text', (c) => c.primaryKey())
            .addColumn('runtime', 'text', (c) => c.notNull())
            .addColumn('reason', 'text', (c) => c.notNull())
            .addColumn('until', 'text', (c) => c.notNull())
            .addColumn('reported_reset', 'integer', (c) => c.notNull())
            .addColumn('run_id', 'text')
            .addColumn('task_id', 'text')
            .addColumn('created_at', 'text', (c) => c.notNull())
            .execute();
        await db.schema
            .createTable('schedules')
            .addColumn('id', 'text', (c) => c.primaryKey())
            .addColumn('name', 'text', (c) => c.notNull())
            .addColumn('cron', 'text', (c) => c.notNull())
            .addColumn('timezone', 'text', (c) => c.notNull())
            .addColumn('missed_run_policy', 'text', (c) => c.notNull())
            .addColumn('enabled', 'integer', (c) => c.notNull())
            .addColumn('target', 'text', (c) => c.notNull())
            .addColumn('next_run_at', 'text')
            .addColumn('last_run_at', 'text')
            .addColumn('last_result', 'text')
            .addColumn('last_error', 'text')
            .addColumn('created_at', 'text', (c) => c.notNull())
            .addColumn('updated_at', 'text', (c) => c.notNull())
            .execute();
        await db.schema.createIndex('schedules_due').on('schedules').columns(['enabled', 'next_run_at']).execute();
        await db.schema
            .createTable('notification_keys')
            .addColumn('key', 'text', (c) => c.primaryKey())
            .addColumn('created_at', 'text', (c) => c.notNull())
            .execute();
        await db.schema.createIndex('notification_keys_created').on('notification_keys').column('created_at').execute();
    },
    async down(db) {
        await db.schema.dropTable('notification_keys').execute();
        await db.schema.dropTable('schedules').execute();
        await db.schema.dropTable('dispatch_pauses').execute();
    },
});
//# sourceMappingURL=0012-gate-schedules.js.map