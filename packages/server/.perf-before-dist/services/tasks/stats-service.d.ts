/**
 * Figures measured from stored data: the dashboard stats (`GET /api/stats`), each employee's run
 * stats (runs, success rate, cost) for the employee views, and the success rates automatic
 * assignment weighs. Employee run totals are one grouped query, cached briefly, because views and
 * the dispatcher ask for them per employee and often.
 */
import { type DashboardStats, type EmployeeStats } from '@dash/shared';
import type { Clock } from '../../ports/clock.js';
import type { StatsRepository } from '../../ports/stats-repository.js';
import type { TaskRepository } from '../../ports/task-repository.js';
export interface StatsServiceDeps {
    stats: StatsRepository;
    tasks: Pick<TaskRepository, 'countByStatus'>;
    clock: Clock;
    /** How long employee run totals are reused. @default 2_000 */
    cacheMs?: number;
}
export declare class StatsService {
    private readonly deps;
    private totals;
    constructor(deps: StatsServiceDeps);
    dashboard(): Promise<DashboardStats>;
    /** Runs, success rate (succeeded ÷ finished, null when none finished) and cost; null when the employee never ran. */
    employeeStats(employeeId: string): Promise<EmployeeStats | null>;
    /** Success rate per employee with finished runs (others are absent: no data, not a figure). */
    successRates(): Promise<Map<string, number>>;
    private employeeTotals;
}
