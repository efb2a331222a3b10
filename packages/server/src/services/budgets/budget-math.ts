/** Pure budget arithmetic, shared by the gate and its tests. */
import type { BudgetState, TaskBudgetSource } from '@dash/shared';

/** Start of the UTC day of `nowMs` (ISO 8601): daily budgets count runs created since then. */
export function utcDayStart(nowMs: number): string {
  const d = new Date(nowMs);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())).toISOString();
}

/** hard: spent ≥ limit; soft: spent ≥ limit × softRatio; ok otherwise or without a limit. */
export function budgetState(spent: number, limit: number | null, softRatio: number): BudgetState {
  if (limit === null) return 'ok';
  if (spent >= limit) return 'hard';
  if (spent >= limit * softRatio) return 'soft';
  return 'ok';
}

/** A task's effective limit: its own `budgetUsd` when set, else the deployment default (BUDGET_TASK_USD). */
export interface TaskLimit {
  limitUsd: number | null;
  source: TaskBudgetSource;
}

export function taskLimit(budgetUsd: number | null, defaultUsd: number | null): TaskLimit {
  if (budgetUsd !== null) return { limitUsd: budgetUsd, source: 'task' };
  if (defaultUsd !== null) return { limitUsd: defaultUsd, source: 'default' };
  return { limitUsd: null, source: 'none' };
}
