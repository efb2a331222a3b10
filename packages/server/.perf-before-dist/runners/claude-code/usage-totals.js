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
import { count, isJsonObject, num, obj } from '../common/json-line.js';
/** Anthropic API `usage` object (snake_case) to our numbers, without cost. */
export function apiUsage(usage) {
    return {
        inputTokens: count(usage.input_tokens),
        outputTokens: count(usage.output_tokens),
        cacheReadTokens: count(usage.cache_read_input_tokens),
        cacheWriteTokens: count(usage.cache_creation_input_tokens),
        costUsd: null,
    };
}
export class UsageTotals {
    totals = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: null };
    /** Adds one result line's share and returns the run totals so far. */
    addResult(result) {
        const sinceLast = obj(result.model_usage_since_last_result);
        if (sinceLast) {
            let cost = this.totals.costUsd ?? 0;
            for (const perModel of Object.values(sinceLast)) {
                if (!isJsonObject(perModel))
                    continue;
                this.totals.inputTokens += count(perModel.inputTokens);
                this.totals.outputTokens += count(perModel.outputTokens);
                this.totals.cacheReadTokens += count(perModel.cacheReadInputTokens);
                this.totals.cacheWriteTokens += count(perModel.cacheCreationInputTokens);
                cost += Math.max(0, num(perModel.costUSD) ?? 0);
            }
            this.totals.costUsd = cost;
        }
        else {
            const usage = obj(result.usage);
            if (usage) {
                const u = apiUsage(usage);
                this.totals.inputTokens += u.inputTokens;
                this.totals.outputTokens += u.outputTokens;
                this.totals.cacheReadTokens += u.cacheReadTokens;
                this.totals.cacheWriteTokens += u.cacheWriteTokens;
            }
            const total = num(result.total_cost_usd);
            if (total !== null && total >= 0)
                this.totals.costUsd = total;
        }
        return { ...this.totals };
    }
}
//# sourceMappingURL=usage-totals.js.map