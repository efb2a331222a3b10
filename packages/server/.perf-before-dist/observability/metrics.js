/**
 * Every Prometheus metric the server exposes is defined here, in one registry per app (tests can
 * build several side by side). Names are snake_case with unit suffixes; labels never carry
 * unbounded values (no ids, no raw URLs). Later features add their metrics to this module and
 * their provider callbacks to MetricsProviders.
 */
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
/** Route label for requests that matched no route (404s), so raw URLs never become labels. */
export const UNMATCHED_ROUTE = '__unmatched';
/** Route label for HTML navigations answered by the SPA fallback. */
export const SPA_FALLBACK_ROUTE = '__spa_fallback';
export function createMetrics(providers) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    new Gauge({
        name: 'dashboard_active_processes_total',
        help: 'Agent processes currently alive on this node.',
        registers: [registry],
        collect() {
            this.set(providers.activeProcesses());
        },
    });
    new Gauge({
        name: 'dashboard_task_queue_depth',
        help: 'Tasks in the queue, by state.',
        labelNames: ['state'],
        registers: [registry],
        async collect() {
            const depth = await providers.queueDepth();
            // States that emptied out since the last scrape must not linger with a stale value.
            this.reset();
            for (const [state, count] of Object.entries(depth))
                this.set({ state }, count);
        },
    });
    const requestDuration = new Histogram({
        name: 'dashboard_request_duration_seconds',
        help: 'HTTP request duration, by method, route template and status code.',
        labelNames: ['method', 'route', 'status_code'],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        registers: [registry],
    });
    return { registry, requestDuration };
}
//# sourceMappingURL=metrics.js.map