/**
 * The run event log: gives every event of a run its sequence number, streams it to live
 * subscribers at once, and persists it in order in batches. Guarantees:
 *  - seq is gap-free per run, in the order events were recorded;
 *  - a subscriber gets every event after the seq it asks for exactly once, in order, whether it
 *    comes from the ring buffer, the store or the live stream (gaps are filled from the store);
 *  - a failed write is retried with backoff and never drops events;
 *  - past the per-run size cap, control events are still stored and the rest is summarized.
 */
import type { AgentEvent, RunEvent } from '@dash/shared';
import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { Logger } from '../../ports/logger.js';
import type { RunEventRepository } from '../../ports/run-event-repository.js';
import type { RunMetrics } from '../../ports/run-metrics.js';
export interface RunEventLogOptions {
    /** Stored bytes per run before events are summarized. @default 50 MiB */
    capBytes: number;
    /** How often pending events are written. @default 20 ms */
    flushIntervalMs: number;
    /** Largest batch per write. @default 500 */
    maxBatch: number;
    /** Ring buffer bounds per run. @default 5,000 events / 4 MiB */
    ringEvents: number;
    ringBytes: number;
    /** Bytes all runs' rings may hold together (see RingBudget). @default 48 MiB */
    ringTotalBytes: number;
    /** How long a finished run's ring stays in memory. @default 60 s */
    ringLingerMs: number;
}
export declare const defaultRunEventLogOptions: RunEventLogOptions;
export declare const runTopic: (runId: string) => string;
export declare class RunEventLog {
    private readonly deps;
    private readonly runs;
    private readonly lingering;
    /** Runs whose log was discarded (see discard()); their late events are dropped without noise. */
    private readonly discarded;
    private timer;
    private readonly options;
    /** Shared by every ring of this log (open and lingering runs). */
    private readonly ringBudget;
    constructor(deps: {
        repo: RunEventRepository;
        bus: EventBus;
        clock: Clock;
        metrics: RunMetrics;
        logger: Logger;
    }, options?: Partial<RunEventLogOptions>);
    /** Bytes the rings hold together (for tests and metrics). */
    get ringBytesInUse(): number;
    /** Prepares a run's log; seq continues after what the store already holds. */
    open(runId: string, storedBytes?: number): Promise<void>;
    isOpen(runId: string): boolean;
    /**
     * Records one event: numbered, published live, queued for the store. Returns the numbered event,
     * or null when the run is past its cap and the event was summarized instead. Never throws.
     */
    record(runId: string, event: AgentEvent): RunEvent | null;
    private append;
    private emitSummary;
    /** Last seq handed out for a run (0 when none), or null when the log is not open here. */
    lastSeq(runId: string): number | null;
    /** Writes everything pending for a run; resolves when it is in the store. */
    flush(runId: string): Promise<void>;
    /** Flushes and closes a run's log; its ring lingers for late subscribers. */
    close(runId: string): Promise<void>;
    /**
     * Drops a run's log without writing what is pending: its run was settled by another replica,
     * which owns its sequence from now on. Later events for it are dropped quietly.
     */
    discard(runId: string): void;
    /** Flushes every open run (shutdown). */
    flushAll(): Promise<void>;
    /**
     * Delivers every event with seq > afterSeq, then live events, exactly once and in order.
     * Returns the unsubscribe function.
     */
    subscribe(runId: string, afterSeq: number, handler: (event: RunEvent) => void): Promise<() => void>;
    /** Events after `afterSeq` from the ring when it holds them all, else from the store plus pending. */
    read(runId: string, afterSeq: number, limit: number): Promise<RunEvent[]>;
    stop(): Promise<void>;
    private dropLingering;
    private ensureTimer;
    private stopTimer;
    /**
     * Writes every run that has pending events in one transaction (group commit): with many agents
     * streaming at once, one commit per tick instead of one per run keeps the store, and on SQLite
     * the event loop, free. A run whose group write failed is written on its own for a while, so
     * one bad batch cannot hold the others back.
     */
    private tick;
    private writeGroup;
    private kick;
    private write;
}
