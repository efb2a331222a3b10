/**
 * Task metrics on the app's Prometheus registry: task outcomes per employee (bounded: the
 * registry's employees plus `none`), the time tasks wait in the queue, and how long their runs
 * take. The queue depth gauge (`dashboard_task_queue_depth{state}`) lives in metrics.ts and is fed
 * from the task counts by status.
 */
import { Counter, Histogram } from 'prom-client';
export function createTaskMetrics(registry) {
    const outcomes = new Counter({
        name: 'dashboard_tasks_total',
        help: 'Task attempts that ended, by outcome (completed, failed, cancelled, retried) and employee.',
        labelNames: ['outcome', 'employee'],
        registers: [registry],
    });
    const wait = new Histogram({
        name: 'dashboard_task_queue_wait_seconds',
        help: 'Time from a task becoming queued to its run starting.',
        buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
        registers: [registry],
    });
    const duration = new Histogram({
        name: 'dashboard_task_run_duration_seconds',
        help: 'Duration of task runs, from start to end.',
        buckets: [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200],
        registers: [registry],
    });
    return {
        taskOutcome(outcome, employee) {
            outcomes.inc({ outcome, employee });
        },
        queueWait(seconds) {
            wait.observe(Math.max(0, seconds));
        },
        runDuration(seconds) {
            duration.observe(Math.max(0, seconds));
        },
    };
}
//# sourceMappingURL=task-metrics-prometheus.js.map