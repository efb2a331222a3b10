export const migration0006TaskMemories = (dialect) => ({
    async up(db) {
        const real = dialect === 'postgres' ? 'double precision' : 'real';
        await db.schema
            .createTable('task_memory_uses')
            .addColumn('run_id', 'text', (c) => c.notNull())
            .addColumn('memory_id', 'text', (c) => c.notNull())
            .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
            .addColumn('employee_id', 'text', (c) => c.notNull())
            .addColumn('owner_id', 'text', (c) => c.notNull())
            .addColumn('memory_type', 'text', (c) => c.notNull())
            .addColumn('relevance', real, (c) => c.notNull())
            .addColumn('rank', 'integer', (c) => c.notNull())
            .addColumn('tokens', 'integer', (c) => c.notNull())
            .addColumn('truncated', 'integer', (c) => c.notNull())
            .addColumn('used_at', 'text', (c) => c.notNull())
            .addPrimaryKeyConstraint('task_memory_uses_pk', ['run_id', 'memory_id'])
            .execute();
        await db.schema.createIndex('task_memory_uses_task_idx').on('task_memory_uses').columns(['task_id', 'used_at']).execute();
        await db.schema.createIndex('task_memory_uses_memory_idx').on('task_memory_uses').column('memory_id').execute();
        await db.schema
            .createTable('task_memory_writes')
            .addColumn('run_id', 'text', (c) => c.primaryKey())
            .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
            .addColumn('employee_id', 'text', (c) => c.notNull())
            .addColumn('status', 'text', (c) => c.notNull())
            .addColumn('memory_id', 'text')
            .addColumn('memory_type', 'text')
            .addColumn('importance', real)
            .addColumn('files_changed', 'text', (c) => c.notNull())
            .addColumn('error_code', 'text')
            .addColumn('created_at', 'text', (c) => c.notNull())
            .addColumn('updated_at', 'text', (c) => c.notNull())
            .execute();
        await db.schema.createIndex('task_memory_writes_task_idx').on('task_memory_writes').columns(['task_id', 'created_at']).execute();
    },
    async down(db) {
        await db.schema.dropTable('task_memory_writes').execute();
        await db.schema.dropTable('task_memory_uses').execute();
    },
});
//# sourceMappingURL=0006-task-memories.js.map