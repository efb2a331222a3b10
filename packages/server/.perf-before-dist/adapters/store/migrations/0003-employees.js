export const migration0003Employees = (dialect) => ({
    async up(db) {
        const json = dialect === 'postgres' ? 'json' : 'text';
        await db.schema
            .createTable('employees')
            .addColumn('id', 'text', (c) => c.primaryKey())
            .addColumn('position', 'integer', (c) => c.notNull())
            .addColumn('name', 'text', (c) => c.notNull())
            .addColumn('role', 'text', (c) => c.notNull())
            .addColumn('department', 'text', (c) => c.notNull())
            .addColumn('level', 'text', (c) => c.notNull())
            .addColumn('status', 'text', (c) => c.notNull())
            .addColumn('skills', json, (c) => c.notNull())
            .addColumn('prompt_file', 'text', (c) => c.notNull())
            .addColumn('max_concurrent_tasks', 'integer', (c) => c.notNull())
            .addColumn('runtime_config', json, (c) => c.notNull())
            .addColumn('file_record', json, (c) => c.notNull())
            .addColumn('overrides', json, (c) => c.notNull())
            .addColumn('source', 'text', (c) => c.notNull())
            .addColumn('retired_at', 'text')
            .addColumn('created_at', 'text', (c) => c.notNull())
            .addColumn('updated_at', 'text', (c) => c.notNull())
            .execute();
        await db.schema.createIndex('employees_department_idx').on('employees').column('department').execute();
        await db.schema.createIndex('employees_status_idx').on('employees').column('status').execute();
    },
    async down(db) {
        await db.schema.dropTable('employees').execute();
    },
});
//# sourceMappingURL=0003-employees.js.map