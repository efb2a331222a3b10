/** ScheduledJobRepository over the store (table scheduled_job_runs, migration 0008); same SQL on both dialects. */
import { scheduledJobOutcome } from '@dash/shared';
export class KyselyScheduledJobRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async record(run, keep) {
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
    async recent(job, limit) {
        const rows = await this.db.selectFrom('scheduled_job_runs').selectAll().where('job', '=', job).orderBy('id', 'desc').limit(limit).execute();
        return rows.map((r) => ({
            job: r.job,
            nodeId: r.node_id,
            startedAt: r.started_at,
            finishedAt: r.finished_at,
            outcome: scheduledJobOutcome.parse(r.outcome),
            summary: r.summary === null ? null : JSON.parse(r.summary),
            error: r.error,
        }));
    }
}
//# sourceMappingURL=kysely-scheduled-job-repository.js.map