/**
 * A JobQueue whose backend is opened in the background, with retries, so that an unreachable
 * backend (Redis down at boot) does not stop the server from starting: until the backend is open,
 * every operation throws DEPENDENCY_UNAVAILABLE (callers treat the queue as temporarily down and
 * /health reports it). Nothing is lost meanwhile: the dispatcher re-enqueues queued tasks from the
 * store once the queue answers (see services/dispatch/dispatcher.ts, the sweep).
 */
import { AppError } from '../../domain/app-error.js';
export class DeferredJobQueue {
    options;
    kind;
    #queue = null;
    #closed = false;
    #timer = null;
    #ready;
    #markReady;
    constructor(options) {
        this.options = options;
        this.kind = options.kind;
        this.#ready = new Promise((resolve) => (this.#markReady = resolve));
    }
    /** Starts opening in the background; resolves at once. */
    begin() {
        this.#attempt(this.options.retryMs ?? 1000);
    }
    /** Resolves once the backend is open (never, if it never opens). */
    whenReady() {
        return this.#ready;
    }
    get isOpen() {
        return this.#queue !== null;
    }
    enqueue(options) {
        return this.#backend().enqueue(options);
    }
    claim(workerId, leaseMs) {
        return this.#backend().claim(workerId, leaseMs);
    }
    extendLease(jobId, token, leaseMs) {
        return this.#backend().extendLease(jobId, token, leaseMs);
    }
    complete(jobId, token) {
        return this.#backend().complete(jobId, token);
    }
    fail(jobId, token, error, options) {
        return this.#backend().fail(jobId, token, error, options);
    }
    remove(jobId) {
        return this.#backend().remove(jobId);
    }
    counts() {
        return this.#backend().counts();
    }
    async ping() {
        await this.#backend().ping();
    }
    async close() {
        this.#closed = true;
        if (this.#timer)
            clearTimeout(this.#timer);
        this.#timer = null;
        // An open still in flight is not awaited (it can take the backend's connect timeout): it closes
        // what it opened once it settles.
        await this.#queue?.close();
    }
    #backend() {
        if (this.#queue)
            return this.#queue;
        throw new AppError('DEPENDENCY_UNAVAILABLE', {
            message: this.#closed ? 'The job queue is closed' : 'The job queue is not connected yet',
            details: { dependency: this.kind === 'bullmq' ? 'redis' : 'queue' },
        });
    }
    #attempt(delayMs) {
        if (this.#closed)
            return;
        void this.options
            .open()
            .then(async (queue) => {
            if (this.#closed) {
                await queue.close();
                return;
            }
            this.#queue = queue;
            this.options.logger.info({ queue: this.kind }, 'job queue connected');
            this.#markReady();
        })
            .catch((err) => {
            if (this.#closed)
                return;
            const next = Math.min(delayMs * 2, this.options.maxRetryMs ?? 30_000);
            this.options.logger.warn({ err, queue: this.kind, retryInMs: delayMs }, 'job queue unavailable; retrying');
            this.#timer = setTimeout(() => this.#attempt(next), delayMs);
            this.#timer.unref?.();
        });
    }
}
//# sourceMappingURL=deferred-job-queue.js.map