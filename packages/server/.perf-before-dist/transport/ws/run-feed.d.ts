/**
 * One connection's subscription to a run topic. History is sent first, page by page at the
 * client's pace (waiting for its socket to drain, so a long replay never trips the slow-consumer
 * limit); near the live tail it hands over to RunEventLog.subscribe, which delivers the rest and
 * then the live stream exactly once and in order. Every event leaves with consecutive seqs.
 */
import type { RunEvent } from '@dash/shared';
/** What the gateway needs from the run services (RunEventLog satisfies read and subscribe). */
export interface RunFeedSource {
    /** False when no run has this id. */
    exists(runId: string): Promise<boolean>;
    read(runId: string, afterSeq: number, limit: number): Promise<RunEvent[]>;
    subscribe(runId: string, afterSeq: number, handler: (event: RunEvent) => void): Promise<() => void>;
}
/** The connection side of a run subscription. */
export interface RunFeedSink {
    send(frame: string): void;
    /** True when the socket can take more without waiting. */
    writable(): boolean;
    /** Resolves true once the socket has drained, false when the connection is gone. */
    drained(): Promise<boolean>;
}
export declare class RunFeed {
    readonly topic: string;
    readonly runId: string;
    private readonly source;
    private readonly sink;
    private cancelled;
    private unsubscribe;
    private delivered;
    constructor(topic: string, runId: string, afterSeq: number, source: RunFeedSource, sink: RunFeedSink);
    /** Last seq sent to the client. */
    get lastSeq(): number;
    /** Runs the catch-up, then stays subscribed until cancel(). Rejects only on store errors. */
    start(): Promise<void>;
    cancel(): void;
    /**
     * Never twice, never backwards. A forward jump only comes from RunSubscription giving up on a gap
     * the store cannot fill (events lost); the client then sees the seq jump rather than a stall.
     */
    private deliver;
}
