/**
 * Run metrics on the app's Prometheus registry: tokens and cost per employee (bounded: the
 * registry's employees plus `none`), runs by outcome, run duration, events persisted, and the
 * CPU and memory of live agent processes (aggregated: per-run labels would be unbounded).
 */
import { Counter, Gauge, Histogram } from 'prom-client';
export function createRunMetrics(registry, samples) {
    const tokens = new Counter({
        name: 'dashboard_llm_tokens_total',
        help: 'LLM tokens used by agents, by employee and kind (input, output, cache_read, cache_write).',
        labelNames: ['employee', 'kind'],
        registers: [registry],
    });
    const cost = new Counter({
        name: 'dashboard_llm_cost_usd_total',
        help: 'LLM cost in USD as reported by the agents, by employee.',
        labelNames: ['employee'],
        registers: [registry],
    });
    const runs = new Counter({
        name: 'dashboard_runs_total',
        help: 'Agent runs that ended, by runtime and final status.',
        labelNames: ['runtime', 'status'],
        registers: [registry],
    });
    const duration = new Histogram({
        name: 'dashboard_run_duration_seconds',
        help: 'Wall-clock duration of agent runs, by runtime.',
        labelNames: ['runtime'],
        buckets: [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200],
        registers: [registry],
    });
    const persisted = new Counter({
        name: 'dashboard_run_events_persisted_total',
        help: 'Run events written to the store.',
        registers: [registry],
    });
    new Gauge({
        name: 'dashboard_agent_rss_bytes',
        help: 'Resident memory of live agent process groups: sum and max over runs.',
        labelNames: ['stat'],
        registers: [registry],
        async collect() {
            const all = await samples();
            this.set({ stat: 'sum' }, all.reduce((n, s) => n + s.rssBytes, 0));
            this.set({ stat: 'max' }, all.reduce((n, s) => Math.max(n, s.rssBytes), 0));
        },
    });
    new Gauge({
        name: 'dashboard_agent_cpu_seconds',
        help: 'CPU seconds used so far by the live agent process groups (sum over runs).',
        registers: [registry],
        async collect() {
            const all = await samples();
            this.set(all.reduce((n, s) => n + s.cpuSeconds, 0));
        },
    });
    return {
        tokens(employee, kind, count) {
            if (count > 0)
                tokens.inc({ employee, kind }, count);
        },
        cost(employee, usd) {
            if (usd > 0)
                cost.inc({ employee }, usd);
        },
        runEnded(runtime, status, durationSeconds) {
            runs.inc({ runtime, status });
            duration.observe({ runtime }, durationSeconds);
        },
        eventsPersisted(count) {
            persisted.inc(count);
        },
    };
}
//# sourceMappingURL=run-metrics-prometheus.js.map