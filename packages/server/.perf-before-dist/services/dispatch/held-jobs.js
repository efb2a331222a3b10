export class HeldJobs {
    queue;
    leaseMs;
    logger;
    onLost;
    jobs = new Map();
    timer = null;
    renewing = null;
    constructor(queue, leaseMs, logger, 
    /** A lease was lost (expired, or the job vanished with a Redis that restarted without persistence). */
    onLost = () => undefined) {
        this.queue = queue;
        this.leaseMs = leaseMs;
        this.logger = logger;
        this.onLost = onLost;
    }
    hold(job) {
        const entry = { job, held: true };
        this.jobs.set(job.id, entry);
        return entry;
    }
    /** Stops renewing this hold (finished, or handed back); a newer hold of the same job is kept. */
    release(entry) {
        if (this.jobs.get(entry.job.id) === entry)
            this.jobs.delete(entry.job.id);
    }
    /**
     * Gives a hold up without touching the queue (used when the store failed half-way through
     * handling the job): no more renewals, so the lease runs out and the queue delivers the job
     * again (at-least-once); whoever claims it then re-checks its task.
     */
    abandon(entry) {
        entry.held = false;
        this.release(entry);
    }
    get size() {
        return this.jobs.size;
    }
    start() {
        this.timer ??= setInterval(() => void this.renewAll(), Math.max(50, Math.floor(this.leaseMs / 3)));
        this.timer.unref?.();
    }
    async stop() {
        if (this.timer)
            clearInterval(this.timer);
        this.timer = null;
        await this.renewing;
    }
    renewAll() {
        this.renewing ??= (async () => {
            for (const entry of [...this.jobs.values()]) {
                if (!entry.held)
                    continue;
                try {
                    if (!(await this.queue.extendLease(entry.job.id, entry.job.token, this.leaseMs))) {
                        entry.held = false;
                        this.release(entry);
                        this.logger.warn({ jobId: entry.job.id }, 'lost the lease on a task job; the queue will deliver it again');
                        this.onLost();
                    }
                }
                catch (err) {
                    // The lease may still be valid; the next round tries again.
                    this.logger.warn({ err, jobId: entry.job.id }, 'renewing a task job lease failed');
                }
            }
        })().finally(() => {
            this.renewing = null;
        });
        return this.renewing;
    }
}
//# sourceMappingURL=held-jobs.js.map