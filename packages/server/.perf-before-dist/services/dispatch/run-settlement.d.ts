/**
 * How a task's run ended, recorded on the task and its job (see dispatcher.ts for the rules):
 *  - succeeded → completed (result excerpt in the timeline), job completed, ready dependents queued;
 *  - failed / timed_out / lost → queued again after the backoff while attempts remain (job failed
 *    with retry, so the queue delays it; enqueued afresh with the same delay if the queue has no
 *    attempt left for it), else failed, job failed for good, dependents blocked;
 *  - cancelled → cancelled and dependents blocked; during a shutdown (or stopped by the dispatcher
 *    because a budget is spent) → queued again, the interrupted attempt not counted, the job
 *    handed back;
 *  - the task already moved on (a person cancelled it …) → only the job is completed;
 *  - ended on a rate or usage limit (with `rateLimited`) → its runtime is paused and the task is
 *    queued again at once, the attempt not counted (the gate holds it until the pause ends).
 * Status writes are conditional, so two settlers racing (a re-delivered job, the original owner)
 * record the end once. Once the end is recorded (and not for a shutdown's stop), `onRunRecorded`
 * hears of it: the dispatcher writes the run's memory from there, in the background.
 */
import type { DispatchPause, Run, Task } from '@dash/shared';
import type { JobQueue } from '../../ports/job-queue.js';
import type { Logger } from '../../ports/logger.js';
import type { TaskMetrics } from '../../ports/task-metrics.js';
import type { TaskFlow } from '../tasks/task-flow.js';
import type { HeldJob, HeldJobs } from './held-jobs.js';
export interface RunSettlementDeps {
    flow: TaskFlow;
    queue: JobQueue;
    held: HeldJobs;
    metrics: TaskMetrics;
    logger: Logger;
    retryBackoffMs: number;
    /** A retry was scheduled this far ahead (the dispatcher wakes then). */
    onRetryScheduled: (delayMs: number) => void;
    /** The run's end was recorded on the task by this settler (called once; must not throw). */
    onRunRecorded?: (task: Task, run: Run) => void;
    /**
     * Quota-aware dispatch (services/budgets/dispatch-gate.ts): when the run ended on a rate or
     * usage limit, pauses its runtime and answers the pause; null otherwise. Absent = such runs are
     * retried like any failure.
     */
    rateLimited?: (task: Task, run: Run | null) => Promise<DispatchPause | null>;
}
/** How a hold on a job ends: done, failed with or without a retry, or handed back (failed, then enqueued afresh). */
export type JobEnd = 'complete' | 'retry' | 'fail' | 'release';
export declare class RunSettlement {
    private readonly deps;
    constructor(deps: RunSettlementDeps);
    /**
     * Records how the task's run ended; `held` is the task's job when this dispatcher holds it
     * (null at start-up recovery). `shuttingDown`: a stopped run was stopped by the shutdown;
     * `stoppedBecause`: it was stopped for that reason (a spent budget): queued again like a shutdown's.
     */
    settle(task: Task | null, run: Run | null, held: HeldJob | null, actor: string, shuttingDown?: boolean, stoppedBecause?: string): Promise<void>;
    /** The pause a rate-limited end caused; null when it was not one (or the gate failed: then it is a plain failure). */
    private pauseFor;
    private recorded;
    /** Finishes our hold on a job; a lost lease or an unreachable queue is logged, not thrown. */
    endJob(held: HeldJob | null, end: JobEnd, error?: string): Promise<void>;
}
