/** ScheduledJobRepository over the store (table scheduled_job_runs, migration 0008); same SQL on both dialects. */
import { scheduledJobOutcome, type ScheduledJobRun } from '@dash/shared';
import type { Kysely } from 'kysely';
import type { ScheduledJobRepository } from '../../ports/scheduled-job-repository.js';
import type { StoreDatabase } from './schema.js';

export class KyselyScheduledJobRepository implements ScheduledJobRepository {
  constructor(private readonly db: Kysely<StoreDatabase>) {}

  async record(run: ScheduledJobRun, keep: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('scheduled_job_runs')
        .values({
          job: run.job,
          node_id: run.nodeId,
          started_at: run.startedAt,
          finished_at: run.finishedAt,
          outcome: run.outcome,
          summary: run.summary === null ? null : JSON.stringify(run.summary),
          error: run.error,
        })
        .execute();
      const kept = trx.selectFrom('scheduled_job_runs').select('id').where('job', '=', run.job).orderBy('id', 'desc').limit(keep);
      await trx.deleteFrom('scheduled_job_runs').where('job', '=', run.job).where('id', 'not in', kept).execute();
    });
  }

  async recent(job: string, limit: number): Promise<ScheduledJobRun[]> {
    const rows = await this.db.selectFrom('scheduled_job_runs').selectAll().where('job', '=', job).orderBy('id', 'desc').limit(limit).execute();
    return rows.map((r) => ({
      job: r.job,
      nodeId: r.node_id,
      startedAt: r.started_at,
      finishedAt: r.finished_at,
      outcome: scheduledJobOutcome.parse(r.outcome),
      summary: r.summary === null ? null : (JSON.parse(r.summary) as Record<string, unknown>),
      error: r.error,
    }));
  }
}
