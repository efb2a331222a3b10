/** Tables of migration 0008 (scheduled job runs), merged into StoreDatabase in schema.ts. */
import type { Generated } from 'kysely';
export interface ScheduledJobRunsTable {
    id: Generated<number>;
    job: string;
    node_id: string;
    started_at: string;
    finished_at: string;
    outcome: string;
    /** JSON object, or null. */
    summary: string | null;
    error: string | null;
}
export interface ScheduledJobTables {
    scheduled_job_runs: ScheduledJobRunsTable;
}
