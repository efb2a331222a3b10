/**
 * A durable job queue. Two implementations behave the same (one contract suite runs against both):
 * the embedded queue on the store (SQLite or PostgreSQL tables; the default) and BullMQ on Redis
 * (when REDIS_URL is set).
 *
 * Guarantees:
 *  - **Ordering**: a claim returns the ready job with the highest priority; ties go to the job
 *    that became ready first (FIFO).
 *  - **Single consumer**: a job is held by at most one worker at a time (its lease).
 *  - **At-least-once**: a job whose worker dies (lease not renewed before it expires) becomes
 *    ready again and is delivered to another claim; its `attempt` counts up.
 *  - **Retries**: `fail(…, { retry: true })` re-delivers after an exponential backoff
 *    (`backoffMs * 2^(attempt-1)`, capped) while attempts remain; then the job is dead (`failed`).
 *  - **Durability**: enqueued jobs survive a restart of the process (and, for BullMQ, depend on
 *    Redis persistence settings — see docs/deployment.md).
 *  - **Idempotent enqueue**: enqueuing an id that is already waiting, delayed or active is a no-op.
 */
export interface EnqueueOptions {
  /** Unique job id (the idempotency key). */
  id: string;
  /** Opaque JSON payload. */
  payload: Record<string, unknown>;
  /** Higher runs first. Range 0..1000. */
  priority: number;
  /** Not ready before this delay has passed. @default 0 */
  delayMs?: number;
  /** Total attempts including the first. @default 1 */
  maxAttempts?: number;
  /** Base retry delay. @default 1000 */
  backoffMs?: number;
}

export interface ClaimedJob {
  id: string;
  payload: Record<string, unknown>;
  priority: number;
  /** 1 for the first delivery, 2 for the first retry or re-delivery, … */
  attempt: number;
  maxAttempts: number;
  /** Proof of ownership; required by extend/complete/fail. A stale token is refused. */
  token: string;
  /** Epoch ms when the job first became ready (enqueue time + delay). */
  readyAt: number;
}

export interface QueueCounts {
  waiting: number;
  delayed: number;
  active: number;
  failed: number;
  completed: number;
}

export interface JobQueue {
  readonly kind: 'embedded' | 'bullmq';
  enqueue(options: EnqueueOptions): Promise<void>;
  /** Claims the next ready job for `workerId` under a lease of `leaseMs`, or null when none is ready. */
  claim(workerId: string, leaseMs: number): Promise<ClaimedJob | null>;
  /** Renews a lease; false when the lease was lost (expired and re-delivered, or the job removed). */
  extendLease(jobId: string, token: string, leaseMs: number): Promise<boolean>;
  /** Marks the job done; false when the token is stale. */
  complete(jobId: string, token: string): Promise<boolean>;
  /** Fails the attempt; with `retry` and attempts left the job is re-delivered after backoff. */
  fail(jobId: string, token: string, error: string, options: { retry: boolean }): Promise<boolean>;
  /** Removes a waiting or delayed job (e.g. its task was cancelled); false when not removable. */
  remove(jobId: string): Promise<boolean>;
  counts(): Promise<QueueCounts>;
  /** Liveness of the backing service. */
  ping(): Promise<void>;
  /**
   * Calls `listener` each time the backing service answers again after the connection to it was
   * lost: its jobs may be gone (Redis restarted without persistence), and a claim answered around
   * the outage may have found the queue empty, so holders enqueue what they track again. Returns
   * the unsubscribe function. Absent on a queue whose jobs cannot vanish with a connection (the
   * embedded one lives in the store).
   */
  onReconnect?(listener: () => void): () => void;
  close(): Promise<void>;
}
