/**
 * The task state machine as data. Every status change goes through `checkTaskTransition` (pure)
 * and is then written with the repository's conditional `transition`, which refuses a change
 * whose starting status moved underneath (a lost race).
 *
 *   pending  → queued (dependencies done) | blocked (a dependency failed or was cancelled) | cancelled
 *   queued   → running (dispatched) | pending (a dependency was reopened) | cancelled
 *   running  → completed | failed | cancelled
 *   completed → resolved | reopened;   resolved → reopened;   reopened → queued | pending
 *   failed   → queued (retry) | cancelled;   blocked → pending (dependency retried) | cancelled
 *   cancelled: terminal
 *
 * Decisions (beyond the origin's loop):
 *  - `reopened` is never stored: a reopen writes `completed|resolved → reopened` and
 *    `reopened → queued` (or `→ pending` when a dependency is no longer done) in one step;
 *  - `failed → queued` is the dispatcher's retry while attempts remain, or a person's retry;
 *  - a dependent is `blocked` only when a dependency fails for good or is cancelled; when that
 *    dependency is retried the dependent goes back to `pending` (never straight to `queued`:
 *    readiness is decided again from the dependency statuses);
 *  - `queued → pending` covers a dependency that was reopened after this task became ready;
 *  - `failed → cancelled` and `blocked → cancelled` let a person close work that will not be done;
 *  - `cancelled` is terminal.
 */
import type { ErrorCode, StoredTaskStatus, TaskStatus } from '@dash/shared';
export declare const taskTransitions: Readonly<Record<TaskStatus, readonly TaskStatus[]>>;
/** A dependency in one of these lets its dependents proceed. */
export declare const dependencySatisfiedStatuses: readonly StoredTaskStatus[];
/** A dependency in one of these blocks its pending dependents (see dependency-graph.ts). */
export declare const dependencyBlockingStatuses: readonly StoredTaskStatus[];
/** No further work happens unless a person acts (reopen, retry). */
export declare const settledTaskStatuses: readonly StoredTaskStatus[];
export interface TransitionContext {
    /** Required (non-blank) for `→ reopened`. */
    reason?: string | null;
}
export type TransitionCheck = {
    ok: true;
} | {
    ok: false;
    code: ErrorCode;
    message: string;
};
export declare const allowedTaskTransitions: (from: TaskStatus) => readonly TaskStatus[];
export declare const canTransitionTask: (from: TaskStatus, to: TaskStatus) => boolean;
/** Validates one step; the code is stable (TASK_ILLEGAL_TRANSITION, TASK_REOPEN_REASON_REQUIRED). */
export declare function checkTaskTransition(from: TaskStatus, to: TaskStatus, context?: TransitionContext): TransitionCheck;
/** Like checkTaskTransition, but throws the AppError (details: from, to, allowed). */
export declare function assertTaskTransition(from: TaskStatus, to: TaskStatus, context?: TransitionContext): void;
/** The statuses from which a task can reach `to` in one step (the `from` list for a conditional write). */
export declare const taskStatusesLeadingTo: (to: TaskStatus) => StoredTaskStatus[];
/**
 * The steps a reopen writes: `from → reopened → target`. `target` is `queued` when every
 * dependency is still done, otherwise `pending`. Throws like assertTaskTransition.
 */
export declare function planReopen(from: StoredTaskStatus, reason: string | null | undefined, dependenciesDone: boolean): {
    target: 'queued' | 'pending';
    steps: ReadonlyArray<readonly [TaskStatus, TaskStatus]>;
};
