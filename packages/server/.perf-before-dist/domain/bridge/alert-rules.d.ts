/**
 * The alert rules (pure): from measured facts to the conditions that hold now, each with its
 * de-duplication key. The alert service opens an alert for a new key and resolves the alert of a
 * key that no longer appears. Rules (thresholds from ALERT_* configuration):
 *  - critical_workload:<employee>: an active employee's slots are all in use and at least
 *    `workloadBacklog` queued tasks are explicitly assigned to them;
 *    critical_workload:team: every active employee is full and at least `workloadBacklog` queued
 *    tasks have no explicit assignee;
 *  - stuck_run:<run>: a starting/running run with no output for `stuckRunAfterMs`, unless it is
 *    waiting for a human (a pending input request);
 *  - failure_streak:<employee>: the last `failureStreak` finished runs all failed, timed out or
 *    were lost;
 *  - budget_exceeded:<employee>: today's cost (UTC day) is over the employee's budgetUsdPerDay;
 *    budget_exceeded:team: over ALERT_DAILY_BUDGET_USD;
 *  - dependency_down:<name>: a /health dependency is down (critical when it is required).
 */
import type { AlertKind, AlertSeverity, DependencyHealth } from '@dash/shared';
import type { AlertFactsSnapshot } from '../../ports/alert-facts.js';
export interface AlertThresholds {
    stuckRunAfterMs: number;
    failureStreak: number;
    workloadBacklog: number;
    dailyBudgetUsd: number | null;
    /**
     * BUDGET_SOFT_RATIO: a warning `budget_exceeded` alert (key `budget_soft:<employee|team>`) once
     * today's spend reaches this share of a budget and while it is still within it; absent = none.
     */
    budgetSoftRatio?: number;
}
export interface AlertCondition {
    key: string;
    kind: AlertKind;
    severity: AlertSeverity;
    title: string;
    message: string;
    subject: Record<string, unknown>;
}
export interface AlertInputs {
    facts: AlertFactsSnapshot;
    dependencies: readonly DependencyHealth[];
    /** Runs waiting for a human answer. */
    waitingForInput: ReadonlySet<string>;
    nowMs: number;
}
export declare function alertConditions(inputs: AlertInputs, t: AlertThresholds): AlertCondition[];
