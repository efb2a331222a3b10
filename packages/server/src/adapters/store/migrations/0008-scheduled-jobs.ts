/**
 * 0008: scheduled_job_runs, the history of scheduled job runs (services/scheduler): one row per
 * run, whichever process ran it; the scheduler keeps the newest few per job.
 */
import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';

export const migration0008ScheduledJobs = (dialect: StoreDialect): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
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
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('scheduled_job_runs').execute();
  },
});
