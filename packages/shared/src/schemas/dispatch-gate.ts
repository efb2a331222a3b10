/**
 * The dispatch gate: what holds new dispatches back — budgets (spend in USD from the agents' own
 * cost reports, per task, per employee per UTC day, and for everyone per UTC day) and pauses of a
 * runtime after a rate- or usage-limit error, until the reset the agent reported (or a backoff).
 * `GET /api/dispatch/gate`; docs/budgets-and-schedules.md.
 */
import { z } from 'zod';
import { runtimeId } from './runs.js';

/** ok: under the soft limit; soft: at or over the soft limit (an alert); hard: over the limit (no new dispatch). */
export const budgetState = z.enum(['ok', 'soft', 'hard']);
export type BudgetState = z.infer<typeof budgetState>;

export const budgetLine = z.object({
  /** `global` (everyone) or `employee`. */
  scope: z.enum(['global', 'employee']),
  /** The employee id; `*` for global. */
  id: z.string(),
  name: z.string(),
  spentUsd: z.number().nonnegative(),
  /** Null: no limit configured for this scope. */
  limitUsd: z.number().positive().nullable(),
  softLimitUsd: z.number().positive().nullable(),
  state: budgetState,
});
export type BudgetLine = z.infer<typeof budgetLine>;

/** A pause of dispatch to one runtime, after a run of it hit a rate or usage limit. */
export const dispatchPause = z.object({
  /** What is paused: `runtime:<id>` (the runtime's account as configured on this deployment). */
  scope: z.string(),
  runtime: runtimeId,
  /** `rate_limit` or `usage_limit`, as the agent's result said. */
  reason: z.string(),
  /** When dispatch resumes by itself (ISO 8601). */
  until: z.string(),
  /** Whether `until` is the reset time the agent reported (true) or the configured backoff (false). */
  reportedReset: z.boolean(),
  runId: z.string().nullable(),
  taskId: z.string().nullable(),
  createdAt: z.string(),
});
export type DispatchPause = z.infer<typeof dispatchPause>;

export const dispatchGateStatus = z.object({
  /** The UTC day the daily budgets count (YYYY-MM-DD). */
  day: z.string(),
  budgets: z.array(budgetLine),
  /**
   * BUDGET_TASK_USD: the spend a task may reach over all its runs unless it has its own
   * `budgetUsd` (GET /api/tasks/:id/budget gives one task's); null = no default.
   */
  taskBudgetUsd: z.number().positive().nullable(),
  /** BUDGET_SOFT_RATIO. */
  softRatio: z.number(),
  /** Pauses in force now (ended ones are not listed). */
  pauses: z.array(dispatchPause),
});
export type DispatchGateStatus = z.infer<typeof dispatchGateStatus>;

/** Where a task's limit comes from: its own `budgetUsd`, the default BUDGET_TASK_USD, or neither (no limit). */
export const taskBudgetSource = z.enum(['task', 'default', 'none']);
export type TaskBudgetSource = z.infer<typeof taskBudgetSource>;

/** `GET /api/tasks/:id/budget`: one task's spend over all its runs against its effective limit. */
export const taskBudgetStatus = z.object({
  taskId: z.string(),
  spentUsd: z.number().nonnegative(),
  /** `budgetUsd` of the task, else BUDGET_TASK_USD; null = no limit. */
  limitUsd: z.number().positive().nullable(),
  softLimitUsd: z.number().positive().nullable(),
  source: taskBudgetSource,
  /** hard: the task is not run again (TASK_BUDGET_EXCEEDED). */
  state: budgetState,
});
export type TaskBudgetStatus = z.infer<typeof taskBudgetStatus>;
