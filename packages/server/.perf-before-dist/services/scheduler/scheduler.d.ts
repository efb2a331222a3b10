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
import type { ScheduledJobStatus } from '@dash/shared';
import type { Clock } from '../../ports/clock.js';
import type { CronSchedule } from '../../ports/cron-schedule.js';
import type { LeaderLock } from '../../ports/leader-lock.js';
import type { Logger } from '../../ports/logger.js';
import type { ScheduledJobRepository } from '../../ports/scheduled-job-repository.js';
import type { SchedulerMetrics } from '../../ports/scheduler-metrics.js';
/** Runs kept per job in the store. */
export declare const KEPT_RUNS = 50;
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
export declare class Scheduler {
    #private;
    private readonly deps;
    constructor(deps: SchedulerDeps);
    /** Adds a job; before or after start(). Names are unique. */
    add(job: ScheduledJob): void;
    /** Arms every job and tries to take their leader locks. */
    start(): Promise<void>;
    stop(): Promise<void>;
    /** The job's schedule, leadership and recent runs (from the store: the same on every replica). */
    status(name: string): Promise<ScheduledJobStatus | null>;
}
