/**
 * Why a Claude Code result failed, and when a limit resets. What 2.1.332 prints (seen against the
 * API stub):
 * - API 429 (API key): no api_retry when CLAUDE_CODE_MAX_RETRIES=0, else `system/api_retry` lines
 *   (retry_delay_ms honours `retry-after`, default 10 retries, max 15); then a synthetic assistant
 *   message (model `<synthetic>`, `error: "rate_limit"`, `api_error_status: 429`) and a result
 *   with subtype `success` but `is_error: true`, `api_error_status: 429`,
 *   `api_error_type: "rate_limit_error"`, text "API Error: Request rejected (429) · …"; exit 1.
 *   The `anthropic-ratelimit-*` / `retry-after` headers are NOT surfaced, so resetsAt is unknown.
 * - Subscription (OAuth) limits: `anthropic-ratelimit-unified-*` headers become a
 *   `rate_limit_event` with `rate_limit_info.{status, resetsAt (epoch s), rateLimitType}`; API-key
 *   sessions ignore those headers. Older CLIs wrote "Claude AI usage limit reached|<epoch s>".
 * - 529: same shape with `api_error_status: 529`, `api_error_type: "overloaded_error"`.
 * - The assistant `error` field categories: rate_limit, billing_error, authentication_failed,
 *   server_error, overloaded, invalid_request, max_output_tokens, unknown, ….
 */
import type { AgentEventOf } from '@dash/shared';
type ErrorKind = NonNullable<AgentEventOf<'result'>['errorKind']>;
export interface ApiErrorSeen {
    status: number | null;
    type: string | null;
    /** The assistant message's `error` category. */
    category: string | null;
}
export interface LimitSeen {
    /** ISO 8601, when the CLI said. */
    resetsAt: string | null;
    rateLimitType: string | null;
}
export interface ResultFacts {
    subtype: string | null;
    text: string | null;
    api: ApiErrorSeen;
    /** A rejected `rate_limit_event` seen before the result. */
    limit: LimitSeen | null;
}
export declare const epochSecondsToIso: (seconds: number) => string | null;
export declare function classifyResultError(facts: ResultFacts): {
    errorKind: ErrorKind;
    resetsAt: string | null;
};
export {};
