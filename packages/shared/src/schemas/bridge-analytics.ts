/**
 * `GET /api/bridge/analytics`: performance figures computed from stored runs, tasks and the task
 * timeline, per period (UTC day, or ISO week starting Monday) and per employee, department or the
 * whole team. Definitions (docs/bridge.md):
 *  - success rate: succeeded ÷ finished runs that ended in the period (cancelled runs excluded);
 *  - cycle time: a task's first `→ queued` of the cycle to its `→ completed`, per completion;
 *  - queue wait: a task's `→ queued` to the start of the run that picked it up, per run;
 *  - reopen rate: reopens ÷ completions in the period;
 *  - cost per task: cost of the task runs that ended in the period ÷ tasks completed in it.
 * A figure with nothing to measure is null, never 0.
 */
import { z } from 'zod';

export const analyticsGranularity = z.enum(['day', 'week']);
export type AnalyticsGranularity = z.infer<typeof analyticsGranularity>;
export const analyticsGroupBy = z.enum(['employee', 'department', 'all']);
export type AnalyticsGroupBy = z.infer<typeof analyticsGroupBy>;

/** At most this many days per report (keeps one request bounded). */
export const ANALYTICS_MAX_DAYS = 366;

export const analyticsQuery = z
  .object({
    /** Start (inclusive). @default 7 days (day) or 8 weeks (week) before `to`, at a period start. */
    from: z.iso.datetime({ offset: true }).optional(),
    /** End (exclusive). @default now */
    to: z.iso.datetime({ offset: true }).optional(),
    granularity: analyticsGranularity.default('day'),
    groupBy: analyticsGroupBy.default('employee'),
    /** Only this employee's figures. */
    employee: z.string().min(1).max(100).optional(),
    /** Only this department's figures. */
    department: z.string().min(1).max(100).optional(),
  })
  .strict();
export type AnalyticsQuery = z.infer<typeof analyticsQuery>;
export type AnalyticsQueryInput = z.input<typeof analyticsQuery>;

export const durationStats = z.object({
  count: z.number().int().nonnegative(),
  avgSeconds: z.number().nonnegative().nullable(),
  p50Seconds: z.number().nonnegative().nullable(),
  p90Seconds: z.number().nonnegative().nullable(),
});
export type DurationStats = z.infer<typeof durationStats>;

export const analyticsFigures = z.object({
  runs: z.object({
    finished: z.number().int().nonnegative(),
    succeeded: z.number().int().nonnegative(),
    cancelled: z.number().int().nonnegative(),
  }),
  /** succeeded ÷ finished in [0, 1]; null without finished runs. */
  successRate: z.number().min(0).max(1).nullable(),
  tasks: z.object({
    completed: z.number().int().nonnegative(),
    reopened: z.number().int().nonnegative(),
  }),
  /** reopened ÷ completed; null without completions (may exceed 1). */
  reopenRate: z.number().nonnegative().nullable(),
  cycleTime: durationStats,
  queueWait: durationStats,
  /** Cost of every run (with or without a task) that ended in the period. */
  costUsd: z.number().nonnegative(),
  costPerTaskUsd: z.number().nonnegative().nullable(),
});
export type AnalyticsFigures = z.infer<typeof analyticsFigures>;

export const analyticsRow = analyticsFigures.extend({
  /** The period's first day, `YYYY-MM-DD` (UTC). */
  period: z.string(),
  /** The employee id, department id, or `all`; `unassigned` for work without an employee. */
  group: z.string(),
});
export type AnalyticsRow = z.infer<typeof analyticsRow>;

export const analyticsReport = z.object({
  from: z.string(),
  to: z.string(),
  granularity: analyticsGranularity,
  groupBy: analyticsGroupBy,
  generatedAt: z.string(),
  /** One row per period and group that had any activity, by period then group. */
  rows: z.array(analyticsRow),
  /** One row per group over the whole range (`period` = from's day). */
  summary: z.array(analyticsRow),
});
export type AnalyticsReport = z.infer<typeof analyticsReport>;
