/**
 * The API bridge's slice of the configuration (docs/bridge.md, docs/configuration.md): where agents
 * reach the MCP endpoint, how long a question to a human may wait, and the alert rules and
 * webhooks. Built from the parsed environment by load-config.ts.
 */
import { createHash } from 'node:crypto';
export const webhookTargetId = (url) => createHash('sha256').update(url).digest('hex').slice(0, 16);
export function bridgeConfigFrom(e) {
    const need = (value, name) => {
        if (value === undefined)
            throw new Error(`config: ${name} has no default`);
        return value;
    };
    return {
        bridge: {
            mcpBaseUrl: e.BRIDGE_MCP_URL ?? null,
            inputTimeoutMs: need(e.BRIDGE_INPUT_TIMEOUT, 'BRIDGE_INPUT_TIMEOUT'),
            approvalTimeoutMs: need(e.BRIDGE_APPROVAL_TIMEOUT, 'BRIDGE_APPROVAL_TIMEOUT'),
        },
        alerts: {
            evaluateEveryMs: need(e.ALERT_EVAL_INTERVAL, 'ALERT_EVAL_INTERVAL'),
            stuckRunAfterMs: need(e.ALERT_STUCK_RUN_AFTER, 'ALERT_STUCK_RUN_AFTER'),
            failureStreak: need(e.ALERT_FAILURE_STREAK, 'ALERT_FAILURE_STREAK'),
            workloadBacklog: need(e.ALERT_WORKLOAD_BACKLOG, 'ALERT_WORKLOAD_BACKLOG'),
            dailyBudgetUsd: e.ALERT_DAILY_BUDGET_USD ?? null,
            webhooks: {
                targets: (e.ALERT_WEBHOOK_URLS ?? []).map((url) => ({ id: webhookTargetId(url), origin: new URL(url).origin, secretUrl: url })),
                signingSecret: e.ALERT_WEBHOOK_SECRET ?? null,
                maxAttempts: need(e.ALERT_WEBHOOK_MAX_ATTEMPTS, 'ALERT_WEBHOOK_MAX_ATTEMPTS'),
                backoffMs: need(e.ALERT_WEBHOOK_BACKOFF, 'ALERT_WEBHOOK_BACKOFF'),
                timeoutMs: need(e.ALERT_WEBHOOK_TIMEOUT, 'ALERT_WEBHOOK_TIMEOUT'),
            },
        },
    };
}
//# sourceMappingURL=bridge-config.js.map