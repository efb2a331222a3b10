/**
 * Performance analytics from raw stored facts (pure; services/bridge/analytics reads the facts).
 * Definitions, also in docs/bridge.md and @dash/shared bridge-analytics.ts:
 *  - runs: those that ENDED in the period. Finished = succeeded, failed, timed_out or lost;
 *    cancelled runs are counted apart and left out of the success rate. Grouped by the run's
 *    employee.
 *  - cycle time: walking each task's timeline in order, a cycle starts at the first `→ queued`
 *    after the task's creation or last completion/reopen and ends at `→ completed` (retries stay
 *    inside the cycle). One sample per completion in the period, for the employee who completed it.
 *  - queue wait: for each `→ running` in the period, from the latest `→ queued` before it to the
 *    start of that run (its startedAt, else the entry's time). For the employee who got the run.
 *  - reopen rate: `→ reopened` entries in the period (charged to the employee of the completion
 *    that was reopened) ÷ completions in the period.
 *  - cost per task: cost of the period's ended runs that belong to a task ÷ completions.
 * Work without an employee is grouped as `unassigned`. Only periods and groups with activity get a
 * row; a figure with nothing to measure is null.
 */
import type { AnalyticsGranularity, AnalyticsGroupBy, AnalyticsRow } from '@dash/shared';
import type { AnalyticsRun, AnalyticsTimelineEntry } from '../../ports/analytics-repository.js';
export declare const UNASSIGNED_GROUP = "unassigned";
export declare const ALL_GROUP = "all";
/** Statuses whose timeline entries the computation reads. */
export declare const ANALYTICS_TIMELINE_STATUSES: readonly ["queued", "running", "completed", "reopened"];
export interface AnalyticsInput {
    from: string;
    to: string;
    granularity: AnalyticsGranularity;
    groupBy: AnalyticsGroupBy;
    filter: {
        employee?: string;
        department?: string;
    };
    /** Runs that ended in [from, to). */
    runsEnded: readonly AnalyticsRun[];
    /** Runs named by the `→ running` entries in range (for their start time), by id. */
    runsById: ReadonlyMap<string, AnalyticsRun>;
    /** Every relevant entry of the tasks active in range, up to `to` (any order). */
    timeline: readonly AnalyticsTimelineEntry[];
    departments: ReadonlyMap<string, string>;
}
export declare function computeAnalytics(input: AnalyticsInput): {
    rows: AnalyticsRow[];
    summary: AnalyticsRow[];
};
