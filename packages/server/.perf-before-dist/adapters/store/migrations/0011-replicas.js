export const migration0011Replicas = (dialect) => ({
    async up(db) {
        const pg = dialect === 'postgres';
        await db.schema
            .createTable('replicas')
            .addColumn('node_id', 'text', (c) => c.primaryKey())
            .addColumn('role', 'text', (c) => c.notNull())
            .addColumn('instance', 'text', (c) => c.notNull())
            .addColumn('address', 'text')
            .addColumn('pid', 'integer', (c) => c.notNull())
            .addColumn('started_at', 'text', (c) => c.notNull())
            .addColumn('last_beat_at', 'text', (c) => c.notNull())
            .addColumn('beats', pg ? 'bigint' : 'integer', (c) => c.notNull().defaultTo(0))
            .addColumn('state', 'text', (c) => c.notNull())
            .addColumn('ended_at', 'text')
            .execute();
    },
    async down(db) {
        await db.schema.dropTable('replicas').execute();
    },
});
//# sourceMappingURL=0011-replicas.js.map