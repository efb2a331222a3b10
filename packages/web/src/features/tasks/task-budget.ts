/**
 * How the task page states a task's budget: spend over all its runs against its effective limit
 * (its own `budgetUsd`, else the deployment default BUDGET_TASK_USD) and where the limit comes
 * from. Before the spend is known it shows what the task itself says.
 */
import type { BudgetState, Task, TaskBudgetStatus } from '@dash/shared';

export interface TaskBudgetFact {
  /** `$0.0030 of $0.50`, `$0.0030 spent`, `$0.50`, `Deployment default`. */
  amount: string;
  /** Where the limit comes from, and a warning near or over it. */
  note: string | null;
  state: BudgetState;
}

/** 2 to 4 decimals: budgets and spend go down to a hundredth of a cent. */
export const formatBudgetUsd = (value: number): string =>
  `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 })}`;

const sourceNote: Readonly<Record<TaskBudgetStatus['source'], string>> = {
  task: 'this task’s budget',
  default: 'deployment default',
  none: 'no limit',
};

const stateNote: Readonly<Record<BudgetState, string | null>> = {
  ok: null,
  soft: 'near budget',
  hard: 'spent: not run again',
};

export function describeTaskBudget(task: Pick<Task, 'budgetUsd'>, status: TaskBudgetStatus | null): TaskBudgetFact {
  if (status === null) {
    return task.budgetUsd === null
      ? { amount: 'Deployment default', note: null, state: 'ok' }
      : { amount: formatBudgetUsd(task.budgetUsd), note: sourceNote.task, state: 'ok' };
  }
  const spent = formatBudgetUsd(status.spentUsd);
  const amount = status.limitUsd === null ? `${spent} spent` : `${spent} of ${formatBudgetUsd(status.limitUsd)}`;
  const note = [sourceNote[status.source], stateNote[status.state]].filter((part): part is string => part !== null).join(' · ');
  return { amount, note, state: status.state };
}
