import { describeRunEnd, formatDelay, hasAttemptsLeft, retryDelayMs } from './retry-policy.js';
const RESULT_EXCERPT_MAX = 2_000;
export class RunSettlement {
    deps;
    constructor(deps) {
        this.deps = deps;
    }
    /**
     * Records how the task's run ended; `held` is the task's job when this dispatcher holds it
     * (null at start-up recovery). `shuttingDown`: a stopped run was stopped by the shutdown;
     * `stoppedBecause`: it was stopped for that reason (a spent budget): queued again like a shutdown's.
     */
    async settle(task, run, held, actor, shuttingDown = false, stoppedBecause) {
        if (task === null || task.status !== 'running' || (run !== null && task.lastRunId !== run.id)) {
            // A person moved it already (cancelled …): the job has nothing left to do.
            await this.endJob(held, 'complete');
            return;
        }
        const employee = task.assignedTo ?? 'none';
        if (run?.startedAt && run.endedAt)
            this.deps.metrics.runDuration((Date.parse(run.endedAt) - Date.parse(run.startedAt)) / 1000);
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
            if (requeued)
                this.deps.metrics.taskOutcome('retried', employee);
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
    async pauseFor(task, run) {
        if (!this.deps.rateLimited)
            return null;
        try {
            return await this.deps.rateLimited(task, run);
        }
        catch (err) {
            this.deps.logger.error({ err, taskId: task.id }, 'recording a rate-limit pause failed; the run counts as failed');
            return null;
        }
    }
    recorded(task, run) {
        if (run === null || !this.deps.onRunRecorded)
            return;
        try {
            this.deps.onRunRecorded(task, run);
        }
        catch (err) {
            this.deps.logger.error({ err, taskId: task.id, runId: run.id }, 'a run-recorded listener failed');
        }
    }
    /** Finishes our hold on a job; a lost lease or an unreachable queue is logged, not thrown. */
    async endJob(held, end, error = '') {
        if (held === null)
            return;
        this.deps.held.release(held);
        if (!held.held)
            return;
        held.held = false;
        const { id, token } = held.job;
        try {
            if (end === 'complete')
                await this.deps.queue.complete(id, token);
            else
                await this.deps.queue.fail(id, token, error, { retry: end === 'retry' });
        }
        catch (err) {
            this.deps.logger.warn({ err, jobId: id, end }, 'finishing a task job failed; its lease will run out');
        }
    }
}
//# sourceMappingURL=run-settlement.js.map