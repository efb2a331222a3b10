/**
 * StatsRepository over Kysely: plain GROUP BY aggregates that read the same on SQLite and
 * PostgreSQL. Hours and days are prefixes of the canonical ISO text (see timestamps.ts), so
 * grouping by `substr(…, 1, 13)` is grouping by UTC hour in both dialects.
 */
import { type Kysely } from 'kysely';
import type { EmployeeRunTotals, HourCount, StatsRepository } from '../../ports/stats-repository.js';
import type { StoreDatabase } from './schema.js';
export declare class KyselyStatsRepository implements StatsRepository {
    private readonly db;
    constructor(db: Kysely<StoreDatabase>);
    employeeRunTotals(): Promise<EmployeeRunTotals[]>;
    completionsByHour(range: {
        from: string;
        to: string;
    }): Promise<HourCount[]>;
    runCostUsd(range: {
        from: string | null;
        to: string;
    }): Promise<number>;
    activeRunCount(): Promise<number>;
}
