/**
 * The jobs this dispatcher holds (claimed on the JobQueue under a lease): those parked in its
 * look-ahead pool and those whose task is running here. Their leases are renewed together, at a
 * third of the lease, so a live dispatcher never loses a job it still works on, and a dead one
 * loses all of them within one lease (at-least-once: the queue hands them to another claim).
 *
 * Paused renewals: a fenced replica (services/cluster/replica-fence.ts) has stopped its agents and
 * works on nothing, so it renews nothing either: its leases run out and another replica claims
 * the jobs (and watches or settles their tasks) instead of waiting for this one to heal. Once
 * renewals resume, a lease that was claimed elsewhere meanwhile is reported lost like any other.
 */
import type { ClaimedJob, JobQueue } from '../../ports/job-queue.js';
import type { Logger } from '../../ports/logger.js';

export interface HeldJob {
  job: ClaimedJob;
  /** Cleared when the lease was lost: the job is no longer ours to complete or fail. */
  held: boolean;
}

export class HeldJobs {
  private readonly jobs = new Map<string, HeldJob>();
  private timer: NodeJS.Timeout | null = null;
  private renewing: Promise<void> | null = null;

  constructor(
    private readonly queue: JobQueue,
    private readonly leaseMs: number,
    private readonly logger: Logger,
    /** A lease was lost (expired, or the job vanished with a Redis that restarted without persistence). */
    private readonly onLost: () => void = () => undefined,
    /** While true, no lease is renewed (see the file comment). */
    private readonly renewalsPaused: () => boolean = () => false,
  ) {}

  hold(job: ClaimedJob): HeldJob {
    const entry = { job, held: true };
    this.jobs.set(job.id, entry);
    return entry;
  }

  /** Stops renewing this hold (finished, or handed back); a newer hold of the same job is kept. */
  release(entry: HeldJob): void {
    if (this.jobs.get(entry.job.id) === entry) this.jobs.delete(entry.job.id);
  }

  /**
   * Gives a hold up without touching the queue (used when the store failed half-way through
   * handling the job): no more renewals, so the lease runs out and the queue delivers the job
   * again (at-least-once); whoever claims it then re-checks its task.
   */
  abandon(entry: HeldJob): void {
    entry.held = false;
    this.release(entry);
  }

  get size(): number {
    return this.jobs.size;
  }

  start(): void {
    this.timer ??= setInterval(() => void this.renewAll(), Math.max(50, Math.floor(this.leaseMs / 3)));
    this.timer.unref?.();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.renewing;
  }

  private renewAll(): Promise<void> {
    if (this.renewalsPaused()) return Promise.resolve();
    this.renewing ??= (async () => {
      for (const entry of [...this.jobs.values()]) {
        if (!entry.held || this.renewalsPaused()) continue;
        try {
          if (!(await this.queue.extendLease(entry.job.id, entry.job.token, this.leaseMs))) {
            entry.held = false;
            this.release(entry);
            this.logger.warn({ jobId: entry.job.id }, 'lost the lease on a task job; the queue will deliver it again');
            this.onLost();
          }
        } catch (err) {
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
