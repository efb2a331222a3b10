/**
 * Every Prometheus metric the server exposes is defined here, in one registry per app (tests can
 * build several side by side). Names are snake_case with unit suffixes; labels never carry
 * unbounded values (no ids, no raw URLs). Later features add their metrics to this module and
 * their provider callbacks to MetricsProviders.
 */
import { Histogram, Registry } from 'prom-client';
/** Route label for requests that matched no route (404s), so raw URLs never become labels. */
export declare const UNMATCHED_ROUTE = "__unmatched";
/** Route label for HTML navigations answered by the SPA fallback. */
export declare const SPA_FALLBACK_ROUTE = "__spa_fallback";
/** Values sampled at scrape time from the components that own them. */
export interface MetricsProviders {
    /** Live agent processes (fed by the agent supervisor). */
    activeProcesses(): number;
    /** Queued work by state, e.g. `{ queued: 3, running: 2 }` (fed by the queue). */
    queueDepth(): Readonly<Record<string, number>> | Promise<Readonly<Record<string, number>>>;
}
export interface Metrics {
    readonly registry: Registry;
    readonly requestDuration: Histogram<'method' | 'route' | 'status_code'>;
}
export declare function createMetrics(providers: MetricsProviders): Metrics;
