/**
 * The JobQueue port on BullMQ (Redis), for scale-out deployments (REDIS_URL). One Queue (producer,
 * counts, removal) and one Worker used without a processor: jobs are fetched by hand with
 * `getNextJob(token)`, so the lease is exactly the BullMQ job lock owned by that token, and this
 * process never renews a lock by itself (a holder that stops extending loses the job, as the port
 * requires). The worker's stalled checker moves jobs whose lock expired back to the wait list.
 *
 * Mapping to the port:
 *  - priority: ours is 0..1000, higher first; BullMQ's is 1 = highest, so we store 1001 - ours.
 *    BullMQ re-delivers a job whose lease expired ahead of every waiting job (not by priority);
 *  - attempt = BullMQ's attemptsStarted (counts lease-expiry re-deliveries too). A job
 *    re-delivered with no attempt left is failed at claim time with 'lease expired' (BullMQ's own
 *    stalled limit is disabled); `fail` without retry, or with no attempt left, fails for good
 *    (UnrecoverableError), so the attempt count decides, as in the embedded queue;
 *  - retry delay: the shared capped formula (job-options.ts) as a custom BullMQ backoff strategy;
 *  - idempotent enqueue: the BullMQ job id is our id (escaped, see toBullId); a finished job
 *    with that id is replaced;
 *  - a stale token is refused by BullMQ's lock check (the lock key holds the current token).
 * Redis durability (AOF/RDB) decides what survives a Redis restart: see docs/deployment.md.
 *
 * Redis outages (connections use `maxRetriesPerRequest: null`: a command sent while Redis is away
 * waits for the reconnect, then runs on whatever Redis came back):
 *  - claim() refuses at once (DEPENDENCY_UNAVAILABLE) while the claiming connection is down,
 *    rather than waiting in ioredis' offline queue, so a claimer sees the outage;
 *  - onReconnect() listeners hear each time that connection is ready again after it was lost: a
 *    Redis that restarted without persistence came back empty, and claims answered during or just
 *    after the outage found nothing, so whoever tracks queued work must enqueue it again. (Without
 *    this, the dispatcher only noticed when a lease renewal happened to be in flight.)
 */
import { randomUUID } from 'node:crypto';
import { Job, Queue, UnrecoverableError, Worker, type JobsOptions, type MinimalJob, type RedisClient } from 'bullmq';
import { AppError } from '../../domain/app-error.js';
import type { ClaimedJob, EnqueueOptions, JobQueue, QueueCounts } from '../../ports/job-queue.js';
import {
  assertLeaseMs,
  DEFAULT_RETENTION,
  MAX_PRIORITY,
  normalizeEnqueue,
  retryDelayMs,
  type Retention,
} from '../queue-embedded/job-options.js';
import { redisConnectionOptions } from './redis-connection-options.js';

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
  logger?: { warn(obj: object, msg?: string): void };
}

interface JobData {
  payload: Record<string, unknown>;
  /** Epoch ms when the job first became ready. */
  readyAt: number;
}

const JOB_NAME = 'job';
const BACKOFF_TYPE = 'dash-exponential';
/** BullMQ error codes meaning "this token no longer holds the job" (missing job, lock, state, or another token). */
const LOST_LEASE_CODES = new Set([-1, -2, -3, -6]);
/** Claimed jobs remembered so complete/fail need no fetch; older entries are fetched again. */
const CLAIM_CACHE_LIMIT = 10_000;
const PING_TIMEOUT_MS = 5_000;

export class BullmqJobQueue implements JobQueue {
  readonly kind = 'bullmq';
  readonly #queue: Queue<JobData>;
  readonly #worker: Worker<JobData>;
  readonly #defaultLeaseMs: number;
  readonly #retention: Record<'completed' | 'failed', Retention>;
  readonly #claimed = new Map<string, { job: Job<JobData>; token: string }>();
  readonly #reconnectListeners = new Set<() => void>();
  readonly #logger: BullmqJobQueueOptions['logger'];
  /** The worker's connection (claims, leases); set once open. */
  #claimClient: RedisClient | null = null;
  #closing: Promise<void> | null = null;

  /** Connects (within connectTimeoutMs, else DEPENDENCY_UNAVAILABLE) and starts the stalled checker. */
  static async open(options: BullmqJobQueueOptions): Promise<BullmqJobQueue> {
    const queue = new BullmqJobQueue(options);
    const timeoutMs = options.connectTimeoutMs ?? 10_000;
    try {
      await withTimeout(queue.#ready(), timeoutMs, `Redis did not answer within ${timeoutMs} ms`);
    } catch (err) {
      await queue.close().catch(() => undefined);
      throw new AppError('DEPENDENCY_UNAVAILABLE', {
        message: `The job queue cannot reach Redis: ${err instanceof Error ? err.message : String(err)}`,
        details: { dependency: 'redis' },
        cause: err,
      });
    }
    return queue;
  }

  private constructor(options: BullmqJobQueueOptions) {
    const connection = redisConnectionOptions(options.url);
    const name = options.queueName ?? 'dash-jobs';
    const prefix = options.prefix ?? 'dash';
    this.#defaultLeaseMs = options.defaultLeaseMs ?? 30_000;
    this.#retention = { ...DEFAULT_RETENTION, ...options.retention };
    this.#queue = new Queue<JobData>(name, { connection, prefix });
    this.#worker = new Worker<JobData>(name, null, {
      connection,
      prefix,
      autorun: false,
      lockDuration: this.#defaultLeaseMs,
      stalledInterval: options.stalledIntervalMs ?? 30_000,
      // Exhausted re-deliveries are failed by claim(), which knows each job's maxAttempts.
      maxStalledCount: 1_000_000_000,
      settings: { backoffStrategy },
    });
    this.#logger = options.logger;
    const warn = (err: Error): void => options.logger?.warn({ err, queue: name }, 'job queue redis error');
    this.#queue.on('error', warn);
    this.#worker.on('error', warn);
  }

  async #ready(): Promise<void> {
    await Promise.all([this.#queue.waitUntilReady(), this.#worker.waitUntilReady()]);
    this.#watch(await this.#worker.getBackend().client);
    await this.#worker.startStalledCheckTimer();
  }

  /** Follows the claiming connection: lost ('close'), then 'ready' again = a reconnect. */
  #watch(client: RedisClient): void {
    this.#claimClient = client;
    let lost = false;
    client.on('close', () => {
      lost = true;
    });
    client.on('ready', () => {
      if (!lost || this.#closing) return;
      lost = false;
      for (const listener of [...this.#reconnectListeners]) {
        try {
          listener();
        } catch (err) {
          this.#logger?.warn({ err }, 'a job queue reconnect listener failed');
        }
      }
    });
  }

  /** See the file comment: called each time Redis answers again after the connection was lost. */
  onReconnect(listener: () => void): () => void {
    this.#reconnectListeners.add(listener);
    return () => this.#reconnectListeners.delete(listener);
  }

  async enqueue(options: EnqueueOptions): Promise<void> {
    this.#assertOpen();
    const job = normalizeEnqueue(options);
    // A live job with this id wins (BullMQ ignores the add); a finished one is replaced.
    const bullId = toBullId(job.id);
    const state = await this.#queue.getJobState(bullId);
    if (state === 'completed' || state === 'failed') await this.#queue.remove(bullId);
    const opts: JobsOptions = {
      jobId: bullId,
      priority: MAX_PRIORITY + 1 - job.priority,
      delay: job.delayMs,
      attempts: job.maxAttempts,
      backoff: { type: BACKOFF_TYPE, delay: job.backoffMs },
      removeOnComplete: bullmqRetention(this.#retention.completed),
      removeOnFail: bullmqRetention(this.#retention.failed),
    };
    await this.#queue.add(JOB_NAME, { payload: job.payload, readyAt: Date.now() + job.delayMs }, opts);
  }

  async claim(workerId: string, leaseMs: number): Promise<ClaimedJob | null> {
    this.#assertOpen();
    assertLeaseMs(leaseMs);
    const status = this.#claimClient?.status;
    if (status !== 'ready') {
      // Not queued for the reconnect: the claimer learns the queue is down, and no claim lands later
      // on a Redis that came back under a token nobody holds any more.
      throw new AppError('DEPENDENCY_UNAVAILABLE', {
        message: `The job queue's Redis connection is ${status ?? 'not open'}`,
        details: { dependency: 'redis' },
      });
    }
    for (;;) {
      const token = `${workerId}:${randomUUID()}`;
      const job = await this.#worker.getNextJob(token, { block: false });
      if (!job?.id) return null;
      const maxAttempts = job.opts.attempts ?? 1;
      if (job.attemptsStarted > maxAttempts) {
        // Its last lease expired: dead. Only this claim holds it, so the failure cannot be refused.
        await this.#finish(() => job.moveToFailed(new UnrecoverableError('lease expired'), token, false));
        continue;
      }
      if (leaseMs !== this.#defaultLeaseMs) {
        const lost = await this.#worker.extendJobLocks([job.id], [token], leaseMs);
        if (lost.length > 0) continue;
      }
      this.#remember(job, token);
      return {
        id: fromBullId(job.id),
        payload: job.data.payload,
        priority: MAX_PRIORITY + 1 - (job.opts.priority ?? MAX_PRIORITY + 1),
        attempt: job.attemptsStarted,
        maxAttempts,
        token,
        readyAt: job.data.readyAt,
      };
    }
  }

  async extendLease(jobId: string, token: string, leaseMs: number): Promise<boolean> {
    this.#assertOpen();
    assertLeaseMs(leaseMs);
    const bullId = toBullId(jobId);
    const lost = await this.#worker.extendJobLocks([bullId], [token], leaseMs);
    if (lost.length > 0) this.#forget(bullId, token);
    return lost.length === 0;
  }

  async complete(jobId: string, token: string): Promise<boolean> {
    this.#assertOpen();
    const bullId = toBullId(jobId);
    const job = await this.#heldJob(bullId, token);
    this.#forget(bullId, token);
    return job !== null && this.#finish(() => job.moveToCompleted(null, token, false));
  }

  async fail(jobId: string, token: string, error: string, options: { retry: boolean }): Promise<boolean> {
    this.#assertOpen();
    const bullId = toBullId(jobId);
    const job = await this.#heldJob(bullId, token);
    this.#forget(bullId, token);
    if (job === null) return false;
    const retry = options.retry && job.attemptsStarted < (job.opts.attempts ?? 1);
    return this.#finish(() => job.moveToFailed(retry ? new Error(error) : new UnrecoverableError(error), token, false));
  }

  async remove(jobId: string): Promise<boolean> {
    this.#assertOpen();
    const bullId = toBullId(jobId);
    const state = await this.#queue.getJobState(bullId);
    if (state !== 'waiting' && state !== 'prioritized' && state !== 'delayed') return false;
    // BullMQ refuses to remove a job that is locked, i.e. was claimed meanwhile.
    return (await this.#queue.remove(bullId)) === 1;
  }

  async counts(): Promise<QueueCounts> {
    this.#assertOpen();
    const c = await this.#queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active', 'failed', 'completed');
    return {
      waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
      delayed: c.delayed ?? 0,
      active: c.active ?? 0,
      failed: c.failed ?? 0,
      completed: c.completed ?? 0,
    };
  }

  async ping(): Promise<void> {
    this.#assertOpen();
    try {
      // BullMQ's client wrapper forwards commands it does not list (PING) to the ioredis client.
      const client: unknown = await this.#queue.getBackend().client;
      if (!canPing(client)) throw new Error('the BullMQ Redis client cannot PING');
      await withTimeout(client.ping(), PING_TIMEOUT_MS, `no PONG within ${PING_TIMEOUT_MS} ms`);
    } catch (err) {
      throw new AppError('DEPENDENCY_UNAVAILABLE', { details: { dependency: 'redis' }, cause: err });
    }
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      this.#claimed.clear();
      this.#reconnectListeners.clear();
      // The worker first (it stops the stalled checker), then the producer side, whatever happens.
      try {
        await this.#worker.close();
      } finally {
        await this.#queue.close();
      }
    })();
    return this.#closing;
  }

  #assertOpen(): void {
    if (this.#closing) {
      throw new AppError('DEPENDENCY_UNAVAILABLE', { message: 'The job queue is closed', details: { queue: this.#queue.name } });
    }
  }

  /** The job as claimed with `token` (remembered, else fetched); null when it no longer exists. */
  async #heldJob(bullId: string, token: string): Promise<Job<JobData> | null> {
    const remembered = this.#claimed.get(bullId);
    if (remembered?.token === token) return remembered.job;
    return (await Job.fromId<JobData>(this.#worker, bullId)) ?? null;
  }

  #remember(job: Job<JobData>, token: string): void {
    if (!job.id) return;
    this.#claimed.delete(job.id);
    this.#claimed.set(job.id, { job, token });
    if (this.#claimed.size > CLAIM_CACHE_LIMIT) {
      const oldest = this.#claimed.keys().next();
      if (!oldest.done) this.#claimed.delete(oldest.value);
    }
  }

  #forget(bullId: string, token: string): void {
    if (this.#claimed.get(bullId)?.token === token) this.#claimed.delete(bullId);
  }

  /** Runs a lock-checked move; false when BullMQ says the token no longer holds the job. */
  async #finish(move: () => Promise<unknown>): Promise<boolean> {
    try {
      await move();
      return true;
    } catch (err) {
      if (isLostLease(err)) return false;
      throw err;
    }
  }
}

/** The port's backoff (backoffMs * 2^(attempt-1), capped), with attempt = attempts started. */
function backoffStrategy(attemptsMade: number, _type?: string, _err?: Error, job?: MinimalJob): number {
  const backoff = job?.opts.backoff;
  const delay = typeof backoff === 'number' ? backoff : (backoff?.delay ?? 0);
  const attempt = job instanceof Job ? job.attemptsStarted : attemptsMade;
  return retryDelayMs(delay, attempt);
}

/**
 * Our ids are any string; a BullMQ job id is also a Redis key suffix, must not be an integer and
 * must not contain ':' — and an id like 'active' would collide with the queue's own keys. So the
 * BullMQ id is 'j_' + the id with '%' and ':' escaped (reversible).
 */
const toBullId = (id: string): string => `j_${id.replace(/[%:]/g, (c) => (c === '%' ? '%25' : '%3A'))}`;
const fromBullId = (bullId: string): string => bullId.slice(2).replace(/%(25|3A)/g, (_, hex: string) => (hex === '25' ? '%' : ':'));

const bullmqRetention = (retention: Retention): { age: number; count: number } => ({
  age: Math.ceil(retention.maxAgeMs / 1000),
  count: retention.maxCount,
});

const canPing = (client: unknown): client is { ping(): Promise<string> } =>
  typeof client === 'object' && client !== null && 'ping' in client && typeof client.ping === 'function';

function isLostLease(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
  return typeof code === 'number' && LOST_LEASE_CODES.has(code);
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
