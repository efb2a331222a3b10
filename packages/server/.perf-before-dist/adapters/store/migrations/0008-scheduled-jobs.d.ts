/**
 * 0008: scheduled_job_runs, the history of scheduled job runs (services/scheduler): one row per
 * run, whichever process ran it; the scheduler keeps the newest few per job.
 */
import type { Migration } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';
export declare const migration0008ScheduledJobs: (dialect: StoreDialect) => Migration;
