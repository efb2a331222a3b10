/**
 * Budgets, rate-limit pauses, user schedules and notification webhooks: their slice of the
 * configuration (docs/budgets-and-schedules.md, docs/configuration.md), built from the parsed
 * environment by load-config.ts.
 */
import { type AlertWebhookTarget } from './bridge-config.js';
import type { ParsedEnv } from './env-schema.js';
export interface BudgetsConfig {
    /** BUDGET_DAILY_USD: everyone's spend per UTC day; null = no global limit. */
    dailyUsd: number | null;
    /** BUDGET_TASK_USD: one task's spend over all its runs; null = no per-task limit. */
    taskUsd: number | null;
    /** BUDGET_SOFT_RATIO: the soft limit (an alert, no stop) as a share of each limit. @default 0.8 */
    softRatio: number;
    /** BUDGET_STOP_RUNNING: also stop live runs of a scope whose daily budget is spent. @default false */
    stopRunning: boolean;
    /** RATE_LIMIT_BACKOFF: the pause after a rate limit whose reset time is unknown. @default 5 min */
    rateLimitBackoffMs: number;
    /** RATE_LIMIT_MAX_PAUSE: a reported reset further away is capped to this. @default 24 h */
    rateLimitMaxPauseMs: number;
}
export interface SchedulesConfig {
    /** SCHEDULES_CHECK_SECONDS: how often the leader looks for due schedules. @default 15 */
    checkSeconds: number;
}
export interface NotificationsConfig {
    /** NOTIFY_WEBHOOK_URLS, as targets (id, origin, secret URL). */
    targets: AlertWebhookTarget[];
    /** NOTIFY_WEBHOOK_SECRET, else ALERT_WEBHOOK_SECRET: HMAC-SHA256 key of the signature header; null = unsigned. */
    signingSecret: string | null;
    /** Attempts per delivery (ALERT_WEBHOOK_MAX_ATTEMPTS). */
    maxAttempts: number;
    /** First retry delay, doubling (ALERT_WEBHOOK_BACKOFF). */
    backoffMs: number;
    /** Per-attempt timeout (ALERT_WEBHOOK_TIMEOUT). */
    timeoutMs: number;
}
export declare function budgetConfigFrom(e: ParsedEnv): {
    budgets: BudgetsConfig;
    schedules: SchedulesConfig;
    notifications: NotificationsConfig;
};
