/**
 * Aggregates over stored tasks and runs for the dashboard's figures (`GET /api/stats`, employee
 * stats, assignment success rates). Read-only; implemented once over Kysely for both dialects
 * (adapters/store/kysely-stats-repository.ts). Every figure comes from stored data, never invented.
 */
/** Run totals of one employee, over every stored run it ran. */
export interface EmployeeRunTotals {
    employeeId: string;
    /** Runs in any status. */
    runs: number;
    succeeded: number;
    /**
     * Runs that ended by themselves or by a limit: succeeded, failed, timed_out, lost. Cancelled
     * runs are left out (a person's decision says nothing about the employee).
     */
    finished: number;
    costUsd: number;
}
export interface HourCount {
    /** UTC hour, `YYYY-MM-DDTHH`. */
    hour: string;
    count: number;
}
export interface StatsRepository {
    /** One row per employee that has runs. */
    employeeRunTotals(): Promise<EmployeeRunTotals[]>;
    /** Tasks whose `completedAt` is in [from, to), per UTC hour (hours without any are absent). */
    completionsByHour(range: {
        from: string;
        to: string;
    }): Promise<HourCount[]>;
    /** Total reported cost of runs started in [from, to); `from` null = since the beginning. */
    runCostUsd(range: {
        from: string | null;
        to: string;
    }): Promise<number>;
    /** Runs not in a terminal status, on every node. */
    activeRunCount(): Promise<number>;
}
