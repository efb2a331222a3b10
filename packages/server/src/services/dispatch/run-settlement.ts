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
import { describeRunEnd, formatDelay, hasAttemptsLeft, retryDelayMs } from './retry-policy.js';

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

const RESULT_EXCERPT_MAX = 2_000;

export class RunSettlement {
  constructor(private readonly deps: RunSettlementDeps) {}

  /**
   * Records how the task's run ended; `held` is the task's job when this dispatcher holds it
   * (null at start-up recovery). `shuttingDown`: a stopped run was stopped by the shutdown;
   * `stoppedBecause`: it was stopped for that reason (a spent budget): queued again like a shutdown's.
   */
  async settle(task: Task | null, run: Run | null, held: HeldJob | null, actor: string, shuttingDown = false, stoppedBecause?: string): Promise<void> {
    if (task === null || task.status !== 'running' || (run !== null && task.lastRunId !== run.id)) {
      // A person moved it already (cancelled …): the job has nothing left to do.
      await this.endJob(held, 'complete');
      return;
    }
    const employee = task.assignedTo ?? 'none';
    if (run?.startedAt && run.endedAt) this.deps.metrics.runDuration((Date.parse(run.endedAt) - Date.parse(run.startedAt)) / 1000);
    const data = { runId: run?.id ?? task.lastRunId, employeeId: task.assignedTo };
    const flow = this.deps.flow;

    if (run?.status === 'succeeded') {
      const result = run.resultText === null ? null : run.resultText.slice(0, RESULT_EXCERPT_MAX);
      const done = await flow.move(task, 'completed', { actor, reason: 'Its run succeeded', data: { ...data, result } });
      await this.endJob(held, 'complete');
      if (done) {
        this.deps.metrics.taskOutcome('completed', employee);
        this.recorded(task, run);
        await flow.releaseDependents(task.id, actor);
      }
      return;
    }

    if (run?.status === 'cancelled' && (shuttingDown || stoppedBecause !== undefined)) {
      await this.endJob(held, 'release', stoppedBecause ?? 'server shutdown');
      await flow.move(task, 'queued', {
        actor: 'system',
        via: 'failed',
        viaReason: stoppedBecause ?? 'The server shut down during its run',
        reason: 'Queued again; the interrupted attempt does not count',
        data,
        patch: { attempts: Math.max(0, task.attempts - 1) },
      });
      return;
    }

    if (run?.status === 'cancelled') {
      const cancelled = await flow.move(task, 'cancelled', { actor, reason: 'Its run was stopped', data });
      await this.endJob(held, 'complete');
      if (cancelled) {
        this.deps.metrics.taskOutcome('cancelled', employee);
        this.recorded(task, run);
        await flow.blockDependents(task.id, actor);
      }
      return;
    }

    const why = describeRunEnd(run);
    const errorData = { ...data, errorCode: run?.errorCode ?? 'RUN_LOST', runStatus: run?.status ?? 'lost' };
    const pause = await this.pauseFor(task, run);
    if (pause !== null) {
      // A rate or usage limit is not the task's fault: queued again at once, the attempt not
      // counted; the gate keeps its runtime from dispatch until the pause ends.
      await this.endJob(held, 'release', why);
      const requeued = await flow.move(task, 'queued', {
        actor,
        via: 'failed',
        viaReason: why,
        reason: `Queued again: ${pause.runtime} is paused until ${pause.until} (${pause.reason}); the attempt does not count`,
        data: { ...errorData, pausedUntil: pause.until, pauseScope: pause.scope, reportedReset: pause.reportedReset },
        patch: { attempts: Math.max(0, task.attempts - 1) },
      });
      if (requeued) this.deps.metrics.taskOutcome('retried', employee);
      return;
    }
    if (hasAttemptsLeft(task)) {
      const delayMs = retryDelayMs(this.deps.retryBackoffMs, held ? held.job.attempt : task.attempts);
      await this.endJob(held, 'retry', why);
      const requeued = await flow.move(task, 'queued', {
        actor,
        via: 'failed',
        viaReason: why,
        reason: `Retry: attempt ${task.attempts + 1} of ${task.maxRetries + 1} in ${formatDelay(delayMs)}`,
        data: { ...errorData, retryInMs: delayMs },
        enqueueDelayMs: delayMs,
      });
      if (requeued) {
        this.deps.metrics.taskOutcome('retried', employee);
        this.recorded(task, run);
        this.deps.onRetryScheduled(delayMs);
      }
      return;
    }
    const failed = await flow.move(task, 'failed', {
      actor,
      reason: `${why} (no attempts left: ${task.attempts} of ${task.maxRetries + 1})`,
      data: errorData,
    });
    await this.endJob(held, 'fail', why);
    if (failed) {
      this.deps.metrics.taskOutcome('failed', employee);
      this.recorded(task, run);
      await flow.blockDependents(task.id, actor);
    }
  }

  /** The pause a rate-limited end caused; null when it was not one (or the gate failed: then it is a plain failure). */
  private async pauseFor(task: Task, run: Run | null): Promise<DispatchPause | null> {
    if (!this.deps.rateLimited) return null;
    try {
      return await this.deps.rateLimited(task, run);
    } catch (err) {
      this.deps.logger.error({ err, taskId: task.id }, 'recording a rate-limit pause failed; the run counts as failed');
      return null;
    }
  }

  private recorded(task: Task, run: Run | null): void {
    if (run === null || !this.deps.onRunRecorded) return;
    try {
      this.deps.onRunRecorded(task, run);
    } catch (err) {
      this.deps.logger.error({ err, taskId: task.id, runId: run.id }, 'a run-recorded listener failed');
    }
  }

  /** Finishes our hold on a job; a lost lease or an unreachable queue is logged, not thrown. */
  async endJob(held: HeldJob | null, end: JobEnd, error = ''): Promise<void> {
    if (held === null) return;
    this.deps.held.release(held);
    if (!held.held) return;
    held.held = false;
    const { id, token } = held.job;
    try {
      if (end === 'complete') await this.deps.queue.complete(id, token);
      else await this.deps.queue.fail(id, token, error, { retry: end === 'retry' });
    } catch (err) {
      this.deps.logger.warn({ err, jobId: id, end }, 'finishing a task job failed; its lease will run out');
    }
  }
}
