/** AnalyticsRepository over the store: plain range reads of runs, the task timeline and employees. */
import type { TaskStatus } from '@dash/shared';
import type { Kysely } from 'kysely';
import type { AnalyticsRepository, AnalyticsRun, AnalyticsTimelineEntry } from '../../ports/analytics-repository.js';
import type { StoreDatabase } from './schema.js';
export declare class KyselyAnalyticsRepository implements AnalyticsRepository {
    private readonly db;
    constructor(db: Kysely<StoreDatabase>);
    runsEndedBetween(from: string, to: string): Promise<AnalyticsRun[]>;
    runsByIds(ids: readonly string[]): Promise<AnalyticsRun[]>;
    timelineBetween(from: string, to: string, statuses: readonly TaskStatus[]): Promise<AnalyticsTimelineEntry[]>;
    timelineOfTasks(taskIds: readonly string[], to: string, statuses: readonly TaskStatus[]): Promise<AnalyticsTimelineEntry[]>;
    employeeDepartments(): Promise<Map<string, string>>;
}
