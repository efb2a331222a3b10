/**
 * Metrics of memory in task runs on the app's Prometheus registry: how fetching memories for a
 * prompt ended and how long it took, and what became of the memory written after each run.
 */
import { type Registry } from 'prom-client';
import type { MemoryRunMetrics } from '../ports/memory-run-metrics.js';
export declare function createMemoryRunMetrics(registry: Registry): MemoryRunMetrics;
