/**
 * The jobs this dispatcher holds (claimed on the JobQueue under a lease): those parked in its
 * look-ahead pool and those whose task is running here. Their leases are renewed together, at a
 * third of the lease, so a live dispatcher never loses a job it still works on, and a dead one
 * loses all of them within one lease (at-least-once: the queue hands them to another claim).
 */
import type { ClaimedJob, JobQueue } from '../../ports/job-queue.js';
import type { Logger } from '../../ports/logger.js';
export interface HeldJob {
    job: ClaimedJob;
    /** Cleared when the lease was lost: the job is no longer ours to complete or fail. */
    held: boolean;
}
export declare class HeldJobs {
    private readonly queue;
    private readonly leaseMs;
    private readonly logger;
    /** A lease was lost (expired, or the job vanished with a Redis that restarted without persistence). */
    private readonly onLost;
    private readonly jobs;
    private timer;
    private renewing;
    constructor(queue: JobQueue, leaseMs: number, logger: Logger, 
    /** A lease was lost (expired, or the job vanished with a Redis that restarted without persistence). */
    onLost?: () => void);
    hold(job: ClaimedJob): HeldJob;
    /** Stops renewing this hold (finished, or handed back); a newer hold of the same job is kept. */
    release(entry: HeldJob): void;
    /**
     * Gives a hold up without touching the queue (used when the store failed half-way through
     * handling the job): no more renewals, so the lease runs out and the queue delivers the job
     * again (at-least-once); whoever claims it then re-checks its task.
     */
    abandon(entry: HeldJob): void;
    get size(): number;
    start(): void;
    stop(): Promise<void>;
    private renewAll;
}
