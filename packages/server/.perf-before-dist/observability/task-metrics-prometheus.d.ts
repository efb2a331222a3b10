/**
 * Task metrics on the app's Prometheus registry: task outcomes per employee (bounded: the
 * registry's employees plus `none`), the time tasks wait in the queue, and how long their runs
 * take. The queue depth gauge (`dashboard_task_queue_depth{state}`) lives in metrics.ts and is fed
 * from the task counts by status.
 */
import { type Registry } from 'prom-client';
import type { TaskMetrics } from '../ports/task-metrics.js';
export declare function createTaskMetrics(registry: Registry): TaskMetrics;
