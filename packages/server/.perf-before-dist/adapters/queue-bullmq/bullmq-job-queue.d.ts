import type { ClaimedJob, EnqueueOptions, JobQueue, QueueCounts } from '../../ports/job-queue.js';
import { type Retention } from '../queue-embedded/job-options.js';
export interface BullmqJobQueueOptions {
    /** redis://[user:password@]host:port[/db] or rediss://… */
    url: string;
    /** BullMQ queue name. @default 'dash-jobs' */
    queueName?: string;
    /** Redis key prefix. @default 'dash' */
    prefix?: string;
    /**
     * How often expired leases are looked for (BullMQ's stalled check): a job whose holder stopped
     * extending is re-delivered within about this long after its lease ran out. @default 30_000
     */
    stalledIntervalMs?: number;
    /** The lock BullMQ sets when a job is fetched; claims with another lease adjust it (one more round trip). @default 30_000 */
    defaultLeaseMs?: number;
    /** How long finished jobs stay visible (counts, inspection). */
    retention?: Partial<Record<'completed' | 'failed', Retention>>;
    /** How long open() waits for Redis. @default 10_000 */
    connectTimeoutMs?: number;
    logger?: {
        warn(obj: object, msg?: string): void;
    };
}
export declare class BullmqJobQueue implements JobQueue {
    #private;
    readonly kind = "bullmq";
    /** Connects (within connectTimeoutMs, else DEPENDENCY_UNAVAILABLE) and starts the stalled checker. */
    static open(options: BullmqJobQueueOptions): Promise<BullmqJobQueue>;
    private constructor();
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
