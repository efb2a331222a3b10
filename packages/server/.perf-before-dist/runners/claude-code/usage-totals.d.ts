/**
 * Token and cost accounting for one Claude Code process. What 2.1.332 reports (measured):
 * - assistant lines: the CLI prints one line PER CONTENT BLOCK, each repeating the message's id and
 *   its `usage` as of message_start (output_tokens is 1 there, not the final count). We report it
 *   once per message id, as a provisional non-cumulative delta.
 * - result lines: `usage` covers the last query only (all API calls since the last user message);
 *   `total_cost_usd` and `modelUsage` are totals for the whole SESSION, including earlier processes
 *   of a resumed session (a resumed run's first result already counts the previous run's cost);
 *   `model_usage_since_last_result` (per model, with costUSD) covers the calls since the previous
 *   result of this process. The run totals are therefore the sum of
 *   `model_usage_since_last_result` over this process's results; without that field (older CLIs)
 *   we fall back to summing `usage` and taking `total_cost_usd` as is.
 */
import { type JsonObject } from '../common/json-line.js';
export interface UsageNumbers {
    inputTokens: number;
    outputTokens: number;
    cacheReadTokens: number;
    cacheWriteTokens: number;
    costUsd: number | null;
}
/** Anthropic API `usage` object (snake_case) to our numbers, without cost. */
export declare function apiUsage(usage: JsonObject): UsageNumbers;
export declare class UsageTotals {
    private totals;
    /** Adds one result line's share and returns the run totals so far. */
    addResult(result: JsonObject): UsageNumbers;
}
