/**
 * Turns a run's usage events into deltas. Agents report usage per message (deltas) and often a
 * final cumulative total; the total only adds what the deltas missed, so nothing is counted twice.
 */
import type { AgentEventOf, RunUsage } from '@dash/shared';
export declare const zeroUsage: () => RunUsage;
export declare class UsageAccumulator {
    private total;
    constructor(initial?: RunUsage);
    get totals(): RunUsage;
    /** Returns the delta this event adds (all zero when it adds nothing). */
    add(event: AgentEventOf<'usage'>): RunUsage;
}
export declare const addUsage: (a: RunUsage, b: RunUsage) => RunUsage;
export declare const isZeroUsage: (u: RunUsage) => boolean;
