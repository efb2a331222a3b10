/** `GET /api/stats`: the dashboard's headline figures, computed from stored tasks and runs. */
import { z } from 'zod';
import { taskCounts } from './tasks.js';

export const STATS_THROUGHPUT_WINDOW_HOURS = 24;

export const throughputHour = z.object({
  /** The UTC hour, `YYYY-MM-DDTHH` (ISO 8601 without minutes). */
  hour: z.string(),
  completed: z.number().int().nonnegative(),
});
export type ThroughputHour = z.infer<typeof throughputHour>;

export const dashboardStats = z.object({
  /** ISO 8601. */
  generatedAt: z.string(),
  tasks: z.object({
    total: z.number().int().nonnegative(),
    byStatus: taskCounts,
  }),
  throughput: z.object({
    windowHours: z.number().int().positive(),
    /** Tasks whose last completion falls in the window. */
    completed: z.number().int().nonnegative(),
    /** completed ÷ windowHours. */
    perHour: z.number().nonnegative(),
    /** One entry per UTC hour of the window, oldest first (zeros included). */
    hourly: z.array(throughputHour),
  }),
  cost: z.object({
    /** Cost of runs started since 00:00 UTC today, as reported by the agents. */
    todayUsd: z.number().nonnegative(),
    totalUsd: z.number().nonnegative(),
  }),
  runs: z.object({
    /** Runs not yet ended, on every server. */
    active: z.number().int().nonnegative(),
  }),
});
export type DashboardStats = z.infer<typeof dashboardStats>;
