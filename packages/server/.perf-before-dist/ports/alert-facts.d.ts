/**
 * What the alert rules look at, read from the store in one go (adapters/store). Every figure is
 * measured; nothing is estimated.
 */
import type { RunStatus } from '@dash/shared';
export interface SilentRun {
    runId: string;
    employeeId: string | null;
    taskId: string | null;
    /** The last event, or the start when none came yet (ISO 8601). */
    lastActivityAt: string;
}
export interface EmployeeLoad {
    id: string;
    name: string;
    status: string;
    slotsMax: number;
    budgetUsdPerDay: number | null;
}
export interface AlertFactsSnapshot {
    employees: EmployeeLoad[];
    /** Runs not yet ended per employee (every replica). */
    activeRuns: ReadonlyMap<string, number>;
    /** Queued tasks explicitly assigned to each employee. */
    queuedFor: ReadonlyMap<string, number>;
    /** Queued tasks without an explicit assignee. */
    queuedUnassigned: number;
    /** Starting/running runs with no activity since `silentSince`. */
    silentRuns: SilentRun[];
    /** Per employee, the statuses of their latest finished runs (cancelled excluded), newest first. */
    recentOutcomes: ReadonlyMap<string, RunStatus[]>;
    /** Cost of runs started since `dayStart` per employee; key `*` = everyone. */
    costSince: ReadonlyMap<string, number>;
}
export interface AlertFactsSource {
    read(options: {
        silentSince: string;
        dayStart: string;
        outcomesPerEmployee: number;
    }): Promise<AlertFactsSnapshot>;
}
