export const zeroUsage = () => ({ inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0 });
export class UsageAccumulator {
    total;
    constructor(initial = zeroUsage()) {
        this.total = { ...initial };
    }
    get totals() {
        return { ...this.total };
    }
    /** Returns the delta this event adds (all zero when it adds nothing). */
    add(event) {
        const reported = {
            inputTokens: event.inputTokens,
            outputTokens: event.outputTokens,
            cacheReadTokens: event.cacheReadTokens,
            cacheWriteTokens: event.cacheWriteTokens,
            costUsd: event.costUsd ?? 0,
        };
        const delta = event.cumulative
            ? {
                inputTokens: Math.max(0, reported.inputTokens - this.total.inputTokens),
                outputTokens: Math.max(0, reported.outputTokens - this.total.outputTokens),
                cacheReadTokens: Math.max(0, reported.cacheReadTokens - this.total.cacheReadTokens),
                cacheWriteTokens: Math.max(0, reported.cacheWriteTokens - this.total.cacheWriteTokens),
                costUsd: Math.max(0, reported.costUsd - this.total.costUsd),
            }
            : reported;
        this.total = addUsage(this.total, delta);
        return delta;
    }
}
export const addUsage = (a, b) => ({
    inputTokens: a.inputTokens + b.inputTokens,
    outputTokens: a.outputTokens + b.outputTokens,
    cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
    cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
    costUsd: a.costUsd + b.costUsd,
});
export const isZeroUsage = (u) => u.inputTokens === 0 && u.outputTokens === 0 && u.cacheReadTokens === 0 && u.cacheWriteTokens === 0 && u.costUsd === 0;
//# sourceMappingURL=usage-accumulator.js.map