/**
 * The last events of one run, bounded by count and by bytes, so live subscribers that join late or
 * reconnect can be served without touching the store. Older events fall off the front.
 *
 * Rings may share a RingBudget: the bytes of every ring together. While the budget is exceeded, a
 * ring that is pushed to trims itself down to `budget.minEvents`, so the busiest runs give memory
 * back first and the total stays near the budget however many runs stream at once (the soak with
 * 50 agents grew the heap by ~6 MB per run without it). A ring is only a cache: what it no longer
 * holds is read from the store.
 */
import type { RunEvent } from '@dash/shared';
export declare class RingBudget {
    /** Bytes (JSON size) all rings together may hold. */
    readonly limitBytes: number;
    /** A ring keeps at least this many events whatever the budget. */
    readonly minEvents: number;
    used: number;
    constructor(
    /** Bytes (JSON size) all rings together may hold. */
    limitBytes: number, 
    /** A ring keeps at least this many events whatever the budget. */
    minEvents: number);
    get exceeded(): boolean;
}
export declare class RunEventRing {
    private readonly maxEvents;
    private readonly maxBytes;
    private readonly budget;
    /** Dropped slots before `head` are cleared at once (not only at compaction) so they can be collected. */
    private readonly items;
    private head;
    private bytes;
    constructor(maxEvents: number, maxBytes: number, budget?: RingBudget | null);
    push(event: RunEvent, bytes: number): void;
    /** Gives the ring's bytes back to the shared budget; the ring must not be used afterwards. */
    release(): void;
    get size(): number;
    /** Lowest seq held, or null when empty. */
    get firstSeq(): number | null;
    get lastSeq(): number | null;
    /**
     * Events with seq > afterSeq, or null when the ring no longer holds all of them (the caller
     * must read the gap from the store).
     */
    since(afterSeq: number): RunEvent[] | null;
}
