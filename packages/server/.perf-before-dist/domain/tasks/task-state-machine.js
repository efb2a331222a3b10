import { AppError } from '../app-error.js';
export const taskTransitions = {
    pending: ['queued', 'blocked', 'cancelled'],
    queued: ['running', 'pending', 'cancelled'],
    running: ['completed', 'failed', 'cancelled'],
    completed: ['resolved', 'reopened'],
    failed: ['queued', 'cancelled'],
    resolved: ['reopened'],
    reopened: ['queued', 'pending'],
    blocked: ['pending', 'cancelled'],
    cancelled: [],
};
/** A dependency in one of these lets its dependents proceed. */
export const dependencySatisfiedStatuses = ['completed', 'resolved'];
/** A dependency in one of these blocks its pending dependents (see dependency-graph.ts). */
export const dependencyBlockingStatuses = ['failed', 'cancelled', 'blocked'];
/** No further work happens unless a person acts (reopen, retry). */
export const settledTaskStatuses = ['completed', 'resolved', 'failed', 'cancelled'];
export const allowedTaskTransitions = (from) => taskTransitions[from];
export const canTransitionTask = (from, to) => taskTransitions[from].includes(to);
/** Validates one step; the code is stable (TASK_ILLEGAL_TRANSITION, TASK_REOPEN_REASON_REQUIRED). */
export function checkTaskTransition(from, to, context = {}) {
    if (!canTransitionTask(from, to)) {
        return { ok: false, code: 'TASK_ILLEGAL_TRANSITION', message: `A ${from} task cannot become ${to}` };
    }
    if (to === 'reopened' && (context.reason ?? '').trim() === '') {
        return { ok: false, code: 'TASK_REOPEN_REASON_REQUIRED', message: 'Reopening a task requires a reason' };
    }
    return { ok: true };
}
/** Like checkTaskTransition, but throws the AppError (details: from, to, allowed). */
export function assertTaskTransition(from, to, context = {}) {
    const check = checkTaskTransition(from, to, context);
    if (!check.ok) {
        throw new AppError(check.code, { message: check.message, details: { from, to, allowed: [...taskTransitions[from]] } });
    }
}
/** The statuses from which a task can reach `to` in one step (the `from` list for a conditional write). */
export const taskStatusesLeadingTo = (to) => Object.keys(taskTransitions).filter((from) => from !== 'reopened' && taskTransitions[from].includes(to));
/**
 * The steps a reopen writes: `from → reopened → target`. `target` is `queued` when every
 * dependency is still done, otherwise `pending`. Throws like assertTaskTransition.
 */
export function planReopen(from, reason, dependenciesDone) {
    assertTaskTransition(from, 'reopened', { reason });
    const target = dependenciesDone ? 'queued' : 'pending';
    return { target, steps: [[from, 'reopened'], ['reopened', target]] };
}
//# sourceMappingURL=task-state-machine.js.map