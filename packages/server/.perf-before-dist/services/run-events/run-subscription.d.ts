/**
 * One subscriber's view of a run: history after a given seq, then the live stream, delivered
 * exactly once and in seq order. Live events that arrive ahead of what was delivered (a gap: they
 * were published before the subscription and are not yet readable) are held while the gap is read
 * from the ring or store, retrying while the owner flushes.
 */
import type { RunEvent } from '@dash/shared';
type Reader = (afterSeq: number, limit: number) => Promise<RunEvent[]>;
export declare class RunSubscription {
    readonly runId: string;
    private readonly handler;
    private readonly read;
    private delivered;
    private held;
    private filling;
    private started;
    private cancelled;
    constructor(runId: string, afterSeq: number, handler: (event: RunEvent) => void, read: Reader);
    /** Last seq delivered to the handler. */
    get lastDelivered(): number;
    start(): Promise<void>;
    cancel(): void;
    live(event: RunEvent): void;
    private deliver;
    private drainHeld;
    private fill;
}
export {};
