/**
 * Runs jobs on cron schedules. Generic: the memory cleanup is the first job; alert evaluation and
 * user schedules are meant to add theirs.
 *
 *  - Each job fires at the times its CronSchedule gives, computed from the clock each time (a fire
 *    missed while the process was down or busy is not replayed; the next one comes as scheduled).
 *  - A job with a LeaderLock runs only in the process that holds the lock at fire time, so one run
 *    per fire across all replicas; the others skip. Leadership is checked (and taken when free) at
 *    start and at every fire, so a replica takes over at the next fire after the leader died.
 *  - A run never overlaps the previous run of the same job in this process: that fire is skipped.
 *  - Every run is recorded (ScheduledJobRepository, in the store) with its outcome and summary, and
 *    reported to the metrics; a failing job is logged and recorded, and the schedule goes on.
 *  - stop() cancels the timers, aborts running jobs (their AbortSignal), waits for them, and gives
 *    up leadership.
 */
import type { ScheduledJobRun, ScheduledJobStatus } from '@dash/shared';
import type { Clock } from '../../ports/clock.js';
import type { CronSchedule } from '../../ports/cron-schedule.js';
import type { LeaderLock } from '../../ports/leader-lock.js';
import type { Logger } from '../../ports/logger.js';
import type { ScheduledJobRepository } from '../../ports/scheduled-job-repository.js';
import type { SchedulerMetrics } from '../../ports/scheduler-metrics.js';

/** Runs kept per job in the store. */
export const KEPT_RUNS = 50;
/** Runs listed in a job's status. */
const LISTED_RUNS = 20;
/** setTimeout's longest delay; longer waits re-arm. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface ScheduledJob {
  /** Stable name: the label in metrics and the key of the recorded runs, e.g. `memory-cleanup`. */
  name: string;
  schedule: CronSchedule;
  /** One process at a time runs the job; null = every process that has it runs it. */
  leader: LeaderLock | null;
  /** Does the work; resolves with figures to record. Should stop early when `signal` aborts. */
  run(signal: AbortSignal): Promise<Record<string, unknown>>;
}

export interface SchedulerTimers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface SchedulerDeps {
  runs: ScheduledJobRepository;
  metrics: SchedulerMetrics;
  clock: Clock;
  logger: Logger;
  nodeId: string;
  /** @default the global setTimeout / clearTimeout (unref'd: a pending fire never keeps the process alive) */
  timers?: SchedulerTimers;
}

interface JobState {
  job: ScheduledJob;
  next: number | null;
  timer: unknown;
  running: Promise<void> | null;
}

const nodeTimers: SchedulerTimers = {
  set: (fn, ms) => setTimeout(fn, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export class Scheduler {
  readonly #jobs = new Map<string, JobState>();
  readonly #timers: SchedulerTimers;
  readonly #abort = new AbortController();
  #started = false;

  constructor(private readonly deps: SchedulerDeps) {
    this.#timers = deps.timers ?? nodeTimers;
  }

  /** Adds a job; before or after start(). Names are unique. */
  add(job: ScheduledJob): void {
    if (this.#jobs.has(job.name)) throw new Error(`scheduler: a job named ${job.name} already exists`);
    const state: JobState = { job, next: null, timer: null, running: null };
    this.#jobs.set(job.name, state);
    if (this.#started) void this.#begin(state);
  }

  /** Arms every job and tries to take their leader locks. */
  async start(): Promise<void> {
    this.#started = true;
    await Promise.all([...this.#jobs.values()].map((state) => this.#begin(state)));
  }

  async stop(): Promise<void> {
    this.#started = false;
    this.#abort.abort();
    for (const state of this.#jobs.values()) {
      this.#timers.clear(state.timer);
      state.timer = null;
    }
    await Promise.all([...this.#jobs.values()].map((s) => s.running));
    for (const state of this.#jobs.values()) {
      if (state.job.leader !== null) {
        await state.job.leader.release();
        this.deps.metrics.leading(state.job.name, false);
      }
    }
  }

  /** The job's schedule, leadership and recent runs (from the store: the same on every replica). */
  async status(name: string): Promise<ScheduledJobStatus | null> {
    const state = this.#jobs.get(name);
    if (state === undefined) return null;
    const recentRuns = await this.deps.runs.recent(name, LISTED_RUNS);
    return {
      job: name,
      enabled: true,
      cron: state.job.schedule.expression,
      timezone: state.job.schedule.timezone,
      nextRunAt: state.next === null ? null : new Date(state.next).toISOString(),
      nodeId: this.deps.nodeId,
      leader: state.job.leader === null ? true : state.job.leader.isLeader,
      running: state.running !== null,
      lastRun: recentRuns[0] ?? null,
      recentRuns,
    };
  }

  async #begin(state: JobState): Promise<void> {
    this.#schedule(state, this.deps.clock.now());
    if (state.job.leader !== null) this.deps.metrics.leading(state.job.name, await state.job.leader.acquire());
  }

  /** Computes the next fire after `from` and arms the timer for it. */
  #schedule(state: JobState, from: number): void {
    state.next = state.job.schedule.nextAfter(from);
    this.deps.metrics.nextRun(state.job.name, state.next);
    this.#arm(state);
  }

  #arm(state: JobState): void {
    this.#timers.clear(state.timer);
    state.timer = null;
    if (!this.#started || state.next === null) return;
    const delay = Math.min(Math.max(0, state.next - this.deps.clock.now()), MAX_TIMER_MS);
    state.timer = this.#timers.set(() => this.#wake(state), delay);
  }

  #wake(state: JobState): void {
    state.timer = null;
    if (!this.#started || state.next === null) return;
    const now = this.deps.clock.now();
    // Woken early (a wait longer than one timer allows): wait on.
    if (now < state.next) return this.#arm(state);
    this.#schedule(state, Math.max(now, state.next));
    if (state.running !== null) {
      this.deps.logger.warn({ job: state.job.name }, 'scheduled job still running from its previous fire; this fire is skipped');
      return;
    }
    state.running = this.#fire(state).finally(() => {
      state.running = null;
    });
  }

  async #fire(state: JobState): Promise<void> {
    const { job } = state;
    if (job.leader !== null) {
      const leads = await job.leader.acquire();
      this.deps.metrics.leading(job.name, leads);
      if (!leads) {
        this.deps.logger.debug({ job: job.name }, 'scheduled job skipped: another process leads');
        return;
      }
    }
    const startedMs = this.deps.clock.now();
    const startedAt = this.deps.clock.isoNow();
    let run: ScheduledJobRun;
    try {
      const summary = await job.run(this.#abort.signal);
      run = { job: job.name, nodeId: this.deps.nodeId, startedAt, finishedAt: this.deps.clock.isoNow(), outcome: 'succeeded', summary, error: null };
      this.deps.logger.info({ job: job.name, summary }, 'scheduled job done');
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      run = { job: job.name, nodeId: this.deps.nodeId, startedAt, finishedAt: this.deps.clock.isoNow(), outcome: 'failed', summary: null, error };
      this.deps.logger.error({ err, job: job.name }, 'scheduled job failed');
    }
    const finishedMs = this.deps.clock.now();
    this.deps.metrics.runFinished(job.name, run.outcome, Math.max(0, finishedMs - startedMs) / 1000, finishedMs);
    try {
      await this.deps.runs.record(run, KEPT_RUNS);
    } catch (err) {
      this.deps.logger.error({ err, job: job.name }, 'could not record the scheduled job run');
    }
  }
}
