export const migration0014TaskWorkspaces = (_dialect) => ({
    async up(db) {
        await db.schema
            .createTable('task_workspaces')
            .addColumn('task_id', 'text', (c) => c.primaryKey())
            .addColumn('repo', 'text', (c) => c.notNull())
            .addColumn('base', 'text', (c) => c.notNull())
            .addColumn('base_commit', 'text')
            .addColumn('branch', 'text', (c) => c.notNull())
            .addColumn('path', 'text')
            .addColumn('status', 'text', (c) => c.notNull())
            .addColumn('setup_command', 'text')
            .addColumn('copy_files', 'text', (c) => c.notNull())
            .addColumn('setup_output', 'text')
            .addColumn('setup_exit_code', 'integer')
            .addColumn('head_commit', 'text')
            .addColumn('merged_commit', 'text')
            .addColumn('created_at', 'text', (c) => c.notNull())
            .addColumn('updated_at', 'text', (c) => c.notNull())
            .execute();
        await db.schema.createIndex('task_workspaces_status_idx').on('task_workspaces').columns(['status', 'updated_at']).execute();
    },
    async down(db) {
        await db.schema.dropTable('task_workspaces').execute();
    },
});
//# sourceMappingURL=0014-task-workspaces.js.map