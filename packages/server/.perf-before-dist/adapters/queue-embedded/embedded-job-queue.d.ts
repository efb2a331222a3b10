import { type Kysely } from 'kysely';
import { type Clock } from '../../ports/clock.js';
import type { ClaimedJob, EnqueueOptions, JobQueue, QueueCounts } from '../../ports/job-queue.js';
import type { StoreDialect } from '../../ports/store.js';
import type { StoreDatabase } from '../store/schema.js';
import { type Retention } from './job-options.js';
export interface EmbeddedJobQueueOptions {
    db: Kysely<StoreDatabase>;
    dialect: StoreDialect;
    /** Logical queue name; queues sharing the table never see each other's jobs. @default 'default' */
    queue?: string;
    clock?: Clock;
    /** How long finished jobs stay visible (counts, inspection). */
    retention?: Partial<Record<'completed' | 'failed', Retention>>;
    /** Minimum time between two prunes (a prune runs after a job finishes). @default 60_000 */
    pruneIntervalMs?: number;
    logger?: {
        warn(obj: object, msg?: string): void;
    };
}
export declare class EmbeddedJobQueue implements JobQueue {
    #private;
    readonly kind = "embedded";
    constructor(options: EmbeddedJobQueueOptions);
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
