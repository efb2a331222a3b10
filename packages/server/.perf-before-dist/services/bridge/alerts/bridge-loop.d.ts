/**
 * The bridge's periodic work, done by one process of a deployment (the holder of the `bridge`
 * leader lock; every process when there is no lock):
 *  - every ALERT_EVAL_INTERVAL: evaluate the alert rules, close input requests nobody waits for,
 *    purge stale run tokens;
 *  - every second (and at once when a delivery is queued): send the webhooks that are due.
 * Passes never overlap; a failing pass is logged and the next one comes as scheduled.
 */
import type { LeaderLock } from '../../../ports/leader-lock.js';
import type { Logger } from '../../../ports/logger.js';
export interface BridgeLoopDeps {
    evaluate: () => Promise<unknown>;
    deliver: () => Promise<unknown>;
    housekeeping: () => Promise<unknown>;
    leader: LeaderLock | null;
    logger: Logger;
    evaluateEveryMs: number;
    /** @default 1_000 */
    deliverEveryMs?: number;
}
export declare class BridgeLoop {
    private readonly deps;
    private timers;
    private evaluating;
    private delivering;
    private stopped;
    constructor(deps: BridgeLoopDeps);
    start(): void;
    stop(): Promise<void>;
    /** One evaluation pass (skipped when one is running or this process does not lead). */
    evaluateNow(): Promise<void>;
    deliverNow(): Promise<void>;
    private guarded;
}
