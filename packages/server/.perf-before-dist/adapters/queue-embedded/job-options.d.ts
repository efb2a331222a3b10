import type { EnqueueOptions } from '../../ports/job-queue.js';
export declare const MIN_PRIORITY = 0;
export declare const MAX_PRIORITY = 1000;
export declare const DEFAULT_BACKOFF_MS = 1000;
/** Upper bound of one retry delay, however many attempts came before. */
export declare const MAX_RETRY_DELAY_MS: number;
/** How many finished jobs stay visible (in counts) and for how long. */
export interface Retention {
    /** Jobs finished longer ago than this are deleted. */
    maxAgeMs: number;
    /** At most this many finished jobs are kept per queue (the newest). */
    maxCount: number;
}
export declare const DEFAULT_RETENTION: {
    readonly completed: {
        readonly maxAgeMs: number;
        readonly maxCount: 1000;
    };
    readonly failed: {
        readonly maxAgeMs: number;
        readonly maxCount: 10000;
    };
};
export interface NormalizedEnqueue {
    id: string;
    payload: Record<string, unknown>;
    priority: number;
    delayMs: number;
    maxAttempts: number;
    backoffMs: number;
}
/** Applies the port's defaults; a value out of range is a programming error (VALIDATION_FAILED). */
export declare function normalizeEnqueue(options: EnqueueOptions): NormalizedEnqueue;
/** A lease is a positive whole number of milliseconds. */
export declare function assertLeaseMs(leaseMs: number): void;
/** Delay before the retry that follows failed attempt `attempt` (1-based): backoffMs * 2^(attempt-1), capped. */
export declare function retryDelayMs(backoffMs: number, attempt: number): number;
