import type { ClaimedJob, EnqueueOptions, JobQueue, QueueCounts } from '../../ports/job-queue.js';
import type { Logger } from '../../ports/logger.js';
export interface DeferredJobQueueOptions {
    kind: JobQueue['kind'];
    open: () => Promise<JobQueue>;
    logger: Logger;
    /** First delay between open attempts; doubles up to maxRetryMs. @default 1000 */
    retryMs?: number;
    /** @default 30_000 */
    maxRetryMs?: number;
}
export declare class DeferredJobQueue implements JobQueue {
    #private;
    private readonly options;
    readonly kind: JobQueue['kind'];
    constructor(options: DeferredJobQueueOptions);
    /** Starts opening in the background; resolves at once. */
    begin(): void;
    /** Resolves once the backend is open (never, if it never opens). */
    whenReady(): Promise<void>;
    get isOpen(): boolean;
    enqueue(options: EnqueueOptions): Promise<void>;
    claim(workerId: string, leaseMs: number): Promise<ClaimedJob | null>;
    extendLease(jobId: string, token: string, leaseMs: number): Promise<boolean>;
    complete(jobId: string, token: string): Promise<boolean>;
    fail(jobId: string, token: string, error: string, options: {
        retry: boolean;
    }): Promise<boolean>;
    remove(jobId: string): Promise<boolean>;
    counts(): Promise<QueueCounts>;
    ping(): Promise<void>;
    close(): Promise<void>;
}
