/** Pure budget arithmetic, shared by the gate and its tests. */
import type { BudgetState } from '@dash/shared';
/** Start of the UTC day of `nowMs` (ISO 8601): daily budgets count runs created since then. */
export declare function utcDayStart(nowMs: number): string;
/** hard: spent ≥ limit; soft: spent ≥ limit × softRatio; ok otherwise or without a limit. */
export declare function budgetState(spent: number, limit: number | null, softRatio: number): BudgetState;
