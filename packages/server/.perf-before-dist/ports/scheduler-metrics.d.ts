/** What the Scheduler reports to monitoring (Prometheus adapter: observability/scheduler-metrics-prometheus.ts). */
import type { ScheduledJobOutcome } from '@dash/shared';
export interface SchedulerMetrics {
    /** A run finished in this process. */
    runFinished(job: string, outcome: ScheduledJobOutcome, durationSeconds: number, finishedAtMs: number): void;
    /** The next fire time (null: none). */
    nextRun(job: string, atMs: number | null): void;
    /** Whether this process holds the job's leader lock. */
    leading(job: string, leader: boolean): void;
}
