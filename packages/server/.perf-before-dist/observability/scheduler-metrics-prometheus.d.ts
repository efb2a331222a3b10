/**
 * Scheduled job metrics on the app's Prometheus registry, labelled by job name (a fixed set):
 * runs by outcome, the last run's duration and finish time, the next fire time, and whether this
 * process leads the job (1) or not (0).
 */
import { type Registry } from 'prom-client';
import type { SchedulerMetrics } from '../ports/scheduler-metrics.js';
export declare function createSchedulerMetrics(registry: Registry): SchedulerMetrics;
