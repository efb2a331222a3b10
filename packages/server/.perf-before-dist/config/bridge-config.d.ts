import type { ParsedEnv } from './env-schema.js';
export interface AlertWebhookTarget {
    /** Stable id of the URL (a hash prefix), stored with deliveries instead of the URL. */
    id: string;
    /** The URL's origin, safe to show (the path of a webhook URL is its secret). */
    origin: string;
    /** The full URL. Named "secret" so the System page and logs redact it. */
    secretUrl: string;
}
export interface BridgeConfig {
    /**
     * Base URL agents use for the MCP endpoint (`<base>/mcp/runs/<runId>`); null = API_BRIDGE_URL
     * when set, else this server's own listening address.
     */
    mcpBaseUrl: string | null;
    /** How long `request_human_input` waits for an answer. @default 1 h */
    inputTimeoutMs: number;
    /** How long a tool approval (approve_tool_use) waits for a decision before it is denied. @default 10 min */
    approvalTimeoutMs: number;
}
export interface AlertsConfig {
    /** How often the rules are evaluated. @default 30 s */
    evaluateEveryMs: number;
    /** A running run silent this long (and not waiting for a human) is stuck. @default 15 min */
    stuckRunAfterMs: number;
    /** This many failed finished runs in a row raise `failure_streak`. @default 3 */
    failureStreak: number;
    /** Work waiting for an employee whose slots are all busy, from this many tasks. @default 5 */
    workloadBacklog: number;
    /** Team-wide daily budget (UTC day); null = only employees' own budgets. */
    dailyBudgetUsd: number | null;
    webhooks: {
        targets: AlertWebhookTarget[];
        /** HMAC-SHA256 key of the signature header; null only when no webhook is configured. */
        signingSecret: string | null;
        maxAttempts: number;
        /** First retry delay, doubling per attempt (capped at 1 h). @default 5 s */
        backoffMs: number;
        /** Per-attempt timeout. @default 10 s */
        timeoutMs: number;
    };
}
export declare const webhookTargetId: (url: string) => string;
export declare function bridgeConfigFrom(e: ParsedEnv): {
    bridge: BridgeConfig;
    alerts: AlertsConfig;
};
