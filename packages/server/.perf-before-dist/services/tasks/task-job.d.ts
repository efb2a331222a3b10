/**
 * A queued task's job on the JobQueue: one job per task (the job id is the task id, so enqueueing
 * is idempotent while a job for the task is live), priority from the task's priority weight (the
 * queue orders by priority, then by when the job became ready, i.e. the dispatch order
 * priority weight desc, queuedAt asc), attempts from the task's retry policy.
 */
import { type Task } from '@dash/shared';
import type { ClaimedJob, EnqueueOptions } from '../../ports/job-queue.js';
export declare function taskJob(task: Pick<Task, 'id' | 'priority' | 'maxRetries'>, options: {
    delayMs: number;
    backoffMs: number;
}): EnqueueOptions;
/** The task a claimed job is for (its payload, else its id). */
export declare function taskIdOfJob(job: Pick<ClaimedJob, 'id' | 'payload'>): string;
