/**
 * Run metrics on the app's Prometheus registry: tokens and cost per employee (bounded: the
 * registry's employees plus `none`), runs by outcome, run duration, events persisted, and the
 * CPU and memory of live agent processes (aggregated: per-run labels would be unbounded).
 */
import { type Registry } from 'prom-client';
import type { ProcessSample } from '../ports/agent-supervisor.js';
import type { RunMetrics } from '../ports/run-metrics.js';
export declare function createRunMetrics(registry: Registry, samples: () => Promise<readonly ProcessSample[]>): RunMetrics;
