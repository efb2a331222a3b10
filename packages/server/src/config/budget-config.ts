/**
 * Budgets, rate-limit pauses, user schedules and notification webhooks: their slice of the
 * configuration (docs/budgets-and-schedules.md, docs/configuration.md), built from the parsed
 * environment by load-config.ts.
 */
import { webhookTargetId, type AlertWebhookTarget } from './bridge-config.js';
import type { ParsedEnv } from './env-schema.js';

export interface BudgetsConfig {
  /** BUDGET_DAILY_USD: everyone's spend per UTC day; null = no global limit. */
  dailyUsd: number | null;
  /** BUDGET_TASK_USD: one task's spend over all its runs, unless the task has its own `budgetUsd`; null = no default limit. */
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

export function budgetConfigFrom(e: ParsedEnv): { budgets: BudgetsConfig; schedules: SchedulesConfig; notifications: NotificationsConfig } {
  const need = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`config: ${name} has no default`);
    return value;
  };
  return {
    budgets: {
      dailyUsd: e.BUDGET_DAILY_USD ?? null,
      taskUsd: e.BUDGET_TASK_USD ?? null,
      softRatio: need(e.BUDGET_SOFT_RATIO, 'BUDGET_SOFT_RATIO'),
      stopRunning: need(e.BUDGET_STOP_RUNNING, 'BUDGET_STOP_RUNNING'),
      rateLimitBackoffMs: need(e.RATE_LIMIT_BACKOFF, 'RATE_LIMIT_BACKOFF'),
      rateLimitMaxPauseMs: need(e.RATE_LIMIT_MAX_PAUSE, 'RATE_LIMIT_MAX_PAUSE'),
    },
    schedules: { checkSeconds: need(e.SCHEDULES_CHECK_SECONDS, 'SCHEDULES_CHECK_SECONDS') },
    notifications: {
      targets: (e.NOTIFY_WEBHOOK_URLS ?? []).map((url) => ({ id: webhookTargetId(url), origin: new URL(url).origin, secretUrl: url })),
      signingSecret: e.NOTIFY_WEBHOOK_SECRET ?? e.ALERT_WEBHOOK_SECRET ?? null,
      maxAttempts: need(e.ALERT_WEBHOOK_MAX_ATTEMPTS, 'ALERT_WEBHOOK_MAX_ATTEMPTS'),
      backoffMs: need(e.ALERT_WEBHOOK_BACKOFF, 'ALERT_WEBHOOK_BACKOFF'),
      timeoutMs: need(e.ALERT_WEBHOOK_TIMEOUT, 'ALERT_WEBHOOK_TIMEOUT'),
    },
  };
}
