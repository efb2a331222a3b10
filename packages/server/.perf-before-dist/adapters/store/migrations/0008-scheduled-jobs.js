export const migration0008ScheduledJobs = (dialect) => ({
    async up(db) {
        const pg = dialect === 'postgres';
        await db.schema
            .createTable('scheduled_job_runs')
            .addColumn('id', pg ? 'bigint' : 'integer', (c) => (pg ? c.generatedAlwaysAsIdentity().primaryKey() : c.primaryKey()))
            .addColumn('job', 'text', (c) => c.notNull())
            .addColumn('node_id', 'text', (c) => c.notNull())
            .addColumn('started_at', 'text', (c) => c.notNull())
            .addColumn('finished_at', 'text', (c) => c.notNull())
            .addColumn('outcome', 'text', (c) => c.notNull())
            .addColumn('summary', 'text')
            .addColumn('error', 'text')
            .execute();
        await db.schema.createIndex('scheduled_job_runs_job_id').on('scheduled_job_runs').columns(['job', 'id']).execute();
    },
    async down(db) {
        await db.schema.dropTable('scheduled_job_runs').execute();
    },
});
//# sourceMappingURL=0008-scheduled-jobs.js.map