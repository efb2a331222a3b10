/** Where scheduled job runs are recorded (the store), so every process answers with the same history. */
import type { ScheduledJobRun } from '@dash/shared';
export interface ScheduledJobRepository {
    /** Appends a run and keeps only the newest `keep` runs of that job. */
    record(run: ScheduledJobRun, keep: number): Promise<void>;
    /** The newest runs of a job, newest first. */
    recent(job: string, limit: number): Promise<ScheduledJobRun[]>;
}
