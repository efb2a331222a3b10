/**
 * Every task status change, for the task service (people's actions) and the dispatcher (runs):
 * checked against the domain state machine, written with the repository's conditional transition
 * (status, patch and timeline rows in one write), then — when the task lands in `queued` — its
 * job enqueued, then published on the `tasks` topic (in that order, so a dispatcher woken by the
 * message finds the job). Also the dependency consequences:
 * dependents become ready, blocked, or wait again.
 *
 * A move names the status it saw; when the stored status has moved on meanwhile (a lost race) the
 * move writes nothing and returns null, and the caller decides (re-read, or give up).
 *
 * Enqueueing never fails a move: the task row is the truth and the job only a dispatch token. A
 * failed enqueue is logged and repaired by the dispatcher's sweep, which re-enqueues every queued
 * task (idempotent while a job for it is live).
 */
import type { StoredTaskStatus, Task, TaskStatus } from '@dash/shared';
import type { Clock } from '../../ports/clock.js';
import type { EventBus } from '../../ports/event-bus.js';
import type { JobQueue } from '../../ports/job-queue.js';
import type { Logger } from '../../ports/logger.js';
import type { TaskMetrics } from '../../ports/task-metrics.js';
import type { TaskPatch, TaskRepository } from '../../ports/task-repository.js';
export interface TaskFlowDeps {
    tasks: TaskRepository;
    queue: JobQueue;
    bus: EventBus;
    clock: Clock;
    logger: Logger;
    metrics: TaskMetrics;
    /** Base delay of the exponential retry backoff of task jobs. */
    retryBackoffMs: number;
}
export interface MoveOptions {
    /** `system`, `dispatcher`, or the person (`api` until there is authentication). */
    actor: string;
    /** Why (the last step's reason). */
    reason?: string | null;
    /**
     * Record the change as two timeline steps through this status, written together: `failed` for
     * a retry (running → failed → queued), `running` for a dispatch that failed before its run
     * started, `reopened` for a reopen, `pending` for queued → pending → blocked.
     */
    via?: TaskStatus;
    /** The first step's reason when `via` is set. @default reason */
    viaReason?: string | null;
    data?: Record<string, unknown> | null;
    patch?: TaskPatch;
    expectedVersion?: number;
    /** When the move lands in `queued`: the job becomes ready after this delay. @default 0 */
    enqueueDelayMs?: number;
}
export declare class TaskFlow {
    private readonly deps;
    constructor(deps: TaskFlowDeps);
    /** Validates and writes `task.status → to` (or through `via`); null when the status moved on. */
    move(task: Task, to: StoredTaskStatus, options: MoveOptions): Promise<Task | null>;
    /** Puts the task's job on the queue (a no-op while one is live); failures are logged, not thrown. */
    enqueue(task: Task, delayMs?: number): Promise<boolean>;
    /** Takes the task's waiting job off the queue (best effort: a claimed job is dropped when claimed). */
    dequeue(taskId: string): Promise<void>;
    publish(message: Task | {
        id: string;
        deleted: true;
    }): void;
    get metrics(): TaskMetrics;
    /** `taskId` completed (or was resolved): its pending dependents whose dependencies are all done become queued. */
    releaseDependents(taskId: string, actor: string): Promise<void>;
    /**
     * `taskId` failed for good or was cancelled: every pending task downstream is blocked, each with
     * the reason (`Dependency X failed`, `Dependency Y is blocked (X failed)`).
     */
    blockDependents(taskId: string, actor: string): Promise<void>;
    /** `taskId` was reopened: its queued dependents wait again (→ pending). */
    holdDependents(taskId: string, actor: string): Promise<void>;
    /**
     * Brings tasks whose dependency list changed (an edit, a deleted dependency) to the status their
     * dependencies call for: blocked when one blocks, queued when all are done, pending otherwise.
     * Tasks in other statuses (running, done, cancelled) are left alone.
     */
    reconcileReadiness(ids: readonly string[], actor: string): Promise<void>;
    /** The direct dependents of `taskId` with their full dependency lists and every status involved. */
    private neighbourhood;
}
