/**
 * Budgets, rate-limit pauses, user schedules and notification webhooks: their slice of the
 * configuration (docs/budgets-and-schedules.md, docs/configuration.md), built from the parsed
 * environment by load-config.ts.
 */
import { webhookTargetId } from './bridge-config.js';
export function budgetConfigFrom(e) {
    const need = (value, name) => {
        if (value === undefined)
            throw new Error(`config: ${name} has no default`);
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
//# sourceMappingURL=budget-config.js.map