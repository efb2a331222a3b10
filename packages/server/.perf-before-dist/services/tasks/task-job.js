/**
 * A queued task's job on the JobQueue: one job per task (the job id is the task id, so enqueueing
 * is idempotent while a job for the task is live), priority from the task's priority weight (the
 * queue orders by priority, then by when the job became ready, i.e. the dispatch order
 * priority weight desc, queuedAt asc), attempts from the task's retry policy.
 */
import { taskPriorityWeights } from '@dash/shared';
export function taskJob(task, options) {
    return {
        id: task.id,
        payload: { taskId: task.id },
        priority: taskPriorityWeights[task.priority].queue,
        delayMs: Math.max(0, Math.round(options.delayMs)),
        maxAttempts: task.maxRetries + 1,
        backoffMs: options.backoffMs,
    };
}
/** The task a claimed job is for (its payload, else its id). */
export function taskIdOfJob(job) {
    const taskId = job.payload.taskId;
    return typeof taskId === 'string' && taskId !== '' ? taskId : job.id;
}
//# sourceMappingURL=task-job.js.map