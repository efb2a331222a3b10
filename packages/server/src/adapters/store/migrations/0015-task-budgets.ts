/**
 * 0015: a task's own budget (docs/budgets-and-schedules.md): `budget_usd`, what all its runs may
 * cost; null (every existing task) means the deployment default BUDGET_TASK_USD. A double like
 * `runs.cost_usd`, which it is compared with (REAL affinity on SQLite).
 */
import type { Kysely, Migration } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';

export const migration0015TaskBudgets = (_dialect: StoreDialect): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('tasks').addColumn('budget_usd', 'double precision').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('tasks').dropColumn('budget_usd').execute();
  },
});
