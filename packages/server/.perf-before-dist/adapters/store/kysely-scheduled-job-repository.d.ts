/** ScheduledJobRepository over the store (table scheduled_job_runs, migration 0008); same SQL on both dialects. */
import { type ScheduledJobRun } from '@dash/shared';
import type { Kysely } from 'kysely';
import type { ScheduledJobRepository } from '../../ports/scheduled-job-repository.js';
import type { StoreDatabase } from './schema.js';
export declare class KyselyScheduledJobRepository implements ScheduledJobRepository {
    private readonly db;
    constructor(db: Kysely<StoreDatabase>);
    record(run: ScheduledJobRun, keep: number): Promise<void>;
    recent(job: string, limit: number): Promise<ScheduledJobRun[]>;
}
