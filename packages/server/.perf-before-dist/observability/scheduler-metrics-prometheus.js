/**
 * Scheduled job metrics on the app's Prometheus registry, labelled by job name (a fixed set):
 * runs by outcome, the last run's duration and finish time, the next fire time, and whether this
 * process leads the job (1) or not (0).
 */
import { Counter, Gauge } from 'prom-client';
export function createSchedulerMetrics(registry) {
    const runs = new Counter({
        name: 'dashboard_scheduled_job_runs_total',
        help: 'Scheduled job runs done by this process, by job and outcome (succeeded, failed).',
        labelNames: ['job', 'outcome'],
        registers: [registry],
    });
    const lastDuration = new Gauge({
        name: 'dashboard_scheduled_job_last_duration_seconds',
        help: 'Duration of the last run of each scheduled job in this process.',
        labelNames: ['job'],
        registers: [registry],
    });
    const lastRun = new Gauge({
        name: 'dashboard_scheduled_job_last_run_timestamp_seconds',
        help: 'When the last run of each scheduled job in this process finished (Unix time).',
        labelNames: ['job', 'outcome'],
        registers: [registry],
    });
    const nextRun = new Gauge({
        name: 'dashboard_scheduled_job_next_run_timestamp_seconds',
        help: 'Next fire time of each scheduled job (Unix time).',
        labelNames: ['job'],
        registers: [registry],
    });
    const leader = new Gauge({
        name: 'dashboard_scheduled_job_leader',
        help: '1 while this process holds the leader lock of the scheduled job, else 0.',
        labelNames: ['job'],
        registers: [registry],
    });
    return {
        runFinished(job, outcome, durationSeconds, finishedAtMs) {
            runs.inc({ job, outcome });
            lastDuration.set({ job }, durationSeconds);
            lastRun.set({ job, outcome }, finishedAtMs / 1000);
        },
        nextRun(job, atMs) {
            if (atMs === null)
                nextRun.remove({ job });
            else
                nextRun.set({ job }, atMs / 1000);
        },
        leading(job, isLeader) {
            leader.set({ job }, isLeader ? 1 : 0);
        },
    };
}
//# sourceMappingURL=scheduler-metrics-prometheus.js.map