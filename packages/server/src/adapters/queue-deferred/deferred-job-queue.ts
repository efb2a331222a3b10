/**
 * A JobQueue whose backend is opened in the background, with retries, so that an unreachable
 * backend (Redis down at boot) does not stop the server from starting: until the backend is open,
 * every operation throws DEPENDENCY_UNAVAILABLE (callers treat the queue as temporarily down and
 * /health reports it). Nothing is lost meanwhile: the dispatcher re-enqueues queued tasks from the
 * store once the queue answers (see services/dispatch/dispatcher.ts, the sweep).
 */
import { AppError } from '../../domain/app-error.js';
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

export class DeferredJobQueue implements JobQueue {
  readonly kind: JobQueue['kind'];
  #queue: JobQueue | null = null;
  #closed = false;
  #timer: NodeJS.Timeout | null = null;
  /** onReconnect listeners, handed on to the backend (now, or once it opens), with their unsubscribe. */
  readonly #reconnectListeners = new Map<() => void, (() => void) | undefined>();
  readonly #ready: Promise<void>;
  #markReady!: () => void;

  constructor(private readonly options: DeferredJobQueueOptions) {
    this.kind = options.kind;
    this.#ready = new Promise((resolve) => (this.#markReady = resolve));
  }

  /** Starts opening in the background; resolves at once. */
  begin(): void {
    this.#attempt(this.options.retryMs ?? 1000);
  }

  /** Resolves once the backend is open (never, if it never opens). */
  whenReady(): Promise<void> {
    return this.#ready;
  }

  get isOpen(): boolean {
    return this.#queue !== null;
  }

  enqueue(options: EnqueueOptions): Promise<void> {
    return this.#backend().enqueue(options);
  }

  claim(workerId: string, leaseMs: number): Promise<ClaimedJob | null> {
    return this.#backend().claim(workerId, leaseMs);
  }

  extendLease(jobId: string, token: string, leaseMs: number): Promise<boolean> {
    return this.#backend().extendLease(jobId, token, leaseMs);
  }

  complete(jobId: string, token: string): Promise<boolean> {
    return this.#backend().complete(jobId, token);
  }

  fail(jobId: string, token: string, error: string, options: { retry: boolean }): Promise<boolean> {
    return this.#backend().fail(jobId, token, error, options);
  }

  remove(jobId: string): Promise<boolean> {
    return this.#backend().remove(jobId);
  }

  counts(): Promise<QueueCounts> {
    return this.#backend().counts();
  }

  async ping(): Promise<void> {
    await this.#backend().ping();
  }

  onReconnect(listener: () => void): () => void {
    this.#reconnectListeners.set(listener, this.#queue?.onReconnect?.(listener));
    return () => {
      this.#reconnectListeners.get(listener)?.();
      this.#reconnectListeners.delete(listener);
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    // An open still in flight is not awaited (it can take the backend's connect timeout): it closes
    // what it opened once it settles.
    await this.#queue?.close();
  }

  #backend(): JobQueue {
    if (this.#queue) return this.#queue;
    throw new AppError('DEPENDENCY_UNAVAILABLE', {
      message: this.#closed ? 'The job queue is closed' : 'The job queue is not connected yet',
      details: { dependency: this.kind === 'bullmq' ? 'redis' : 'queue' },
    });
  }

  #attempt(delayMs: number): void {
    if (this.#closed) return;
    void this.options
      .open()
      .then(async (queue) => {
        if (this.#closed) {
          await queue.close();
          return;
        }
        this.#queue = queue;
        for (const listener of this.#reconnectListeners.keys()) this.#reconnectListeners.set(listener, queue.onReconnect?.(listener));
        this.options.logger.info({ queue: this.kind }, 'job queue connected');
        this.#markReady();
      })
      .catch((err: unknown) => {
        if (this.#closed) return;
        const next = Math.min(delayMs * 2, this.options.maxRetryMs ?? 30_000);
        this.options.logger.warn({ err, queue: this.kind, retryInMs: delayMs }, 'job queue unavailable; retrying');
        this.#timer = setTimeout(() => this.#attempt(next), delayMs);
        this.#timer.unref?.();
      });
  }
}
