/**
 * Raw facts for performance analytics (services/bridge/analytics), read from stored runs, tasks'
 * status timeline and the employees. Aggregation happens in domain/bridge/analytics.ts, the same
 * for both dialects.
 */
import type { RunStatus, TaskStatus } from '@dash/shared';
export interface AnalyticsRun {
    id: string;
    taskId: string | null;
    employeeId: string | null;
    status: RunStatus;
    createdAt: string;
    startedAt: string | null;
    endedAt: string | null;
    costUsd: number;
}
export interface AnalyticsTimelineEntry {
    taskId: string;
    to: TaskStatus;
    /** ISO 8601. */
    at: string;
    /** The entry's facts (runId, employeeId …), or null. */
    data: Record<string, unknown> | null;
}
export interface AnalyticsRepository {
    /** Runs that ended in [from, to). */
    runsEndedBetween(from: string, to: string): Promise<AnalyticsRun[]>;
    runsByIds(ids: readonly string[]): Promise<AnalyticsRun[]>;
    /** Timeline entries into `statuses` at [from, to), oldest first. */
    timelineBetween(from: string, to: string, statuses: readonly TaskStatus[]): Promise<AnalyticsTimelineEntry[]>;
    /** Every entry into `statuses` of these tasks before `to`, oldest first. */
    timelineOfTasks(taskIds: readonly string[], to: string, statuses: readonly TaskStatus[]): Promise<AnalyticsTimelineEntry[]>;
    /** Department of every employee the store knows (retired ones included). */
    employeeDepartments(): Promise<Map<string, string>>;
}
