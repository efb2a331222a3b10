/**
 * Metrics of memory in task runs on the app's Prometheus registry: how fetching memories for a
 * prompt ended and how long it took, and what became of the memory written after each run.
 */
import { Counter, Histogram } from 'prom-client';
export function createMemoryRunMetrics(registry) {
    const recalls = new Counter({
        name: 'dashboard_memory_recall_total',
        help: 'Memory look-ups before task runs, by outcome (used, none, failed, skipped).',
        labelNames: ['outcome'],
        registers: [registry],
    });
    const recallSeconds = new Histogram({
        name: 'dashboard_memory_recall_seconds',
        help: 'Time spent fetching memories for a task prompt (failures included).',
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        registers: [registry],
    });
    const writes = new Counter({
        name: 'dashboard_memory_run_writes_total',
        help: 'Memories written after task runs, by outcome (written, failed, duplicate, skipped).',
        labelNames: ['outcome'],
        registers: [registry],
    });
    return {
        recall(outcome, seconds) {
            recalls.inc({ outcome });
            recallSeconds.observe(Math.max(0, seconds));
        },
        write(outcome) {
            writes.inc({ outcome });
        },
    };
}
//# sourceMappingURL=memory-run-metrics-prometheus.js.map