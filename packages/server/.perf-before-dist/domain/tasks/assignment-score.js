/**
 * Automatic assignment: which employee should take a task. Pure; the dispatcher supplies the
 * employees (with live slot counts) and their success rates measured from real runs.
 *
 *   base  = w · skillMatch + (1 − w) · freeSlots       w = taskPriorityWeights[priority].skill
 *   total = (1 − S) · base + S · successRate           S = SUCCESS_RATE_WEIGHT
 *
 *  - skillMatch: the fraction of the task's required skills the employee has; a task that
 *    requires none is neutral (1 for everyone), so availability decides;
 *  - freeSlots: free ÷ max slots, so the least loaded employee is preferred;
 *  - w: urgent and high work favours skill, low work favours availability (the origin gave
 *    urgent the *lowest* skill weight);
 *  - successRate: succeeded ÷ finished recent runs; an employee with no run data gets the neutral
 *    0.5, never an invented figure.
 * Every part and the total are in [0, 1], rounded to 4 decimals (so equal scores compare equal).
 * Candidates are active employees with at least one free slot. Ties go to more free slots, then
 * the smaller id, so the choice is deterministic.
 */
import { TASK_ASSIGNMENT_CANDIDATES_MAX, taskPriorityWeights, } from '@dash/shared';
export const SUCCESS_RATE_WEIGHT = 0.15;
export const NEUTRAL_SUCCESS_RATE = 0.5;
const round4 = (x) => Math.round(x * 10_000) / 10_000;
const clamp01 = (x) => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
export function skillMatch(employeeSkills, required) {
    if (required.length === 0)
        return 1;
    const has = new Set(employeeSkills);
    return required.filter((skill) => has.has(skill)).length / required.length;
}
export function scoreAssignment(employee, task, context) {
    const skill = skillMatch(employee.skills, task.requiredSkills);
    const { slotsMax, slotsFree } = employee.workload;
    const free = slotsMax > 0 ? clamp01(slotsFree / slotsMax) : 0;
    const weight = taskPriorityWeights[task.priority].skill;
    const success = context.successRate === null ? NEUTRAL_SUCCESS_RATE : clamp01(context.successRate);
    const base = weight * skill + (1 - weight) * free;
    const total = (1 - SUCCESS_RATE_WEIGHT) * base + SUCCESS_RATE_WEIGHT * success;
    return {
        skillMatch: round4(skill),
        freeSlots: round4(free),
        priorityWeight: weight,
        successRate: round4(success),
        total: round4(clamp01(total)),
    };
}
/** Active, with at least one free slot. */
export const isAssignable = (employee) => employee.status === 'active' && employee.workload.slotsFree >= 1;
/** Assignable employees, best first (total desc, free slots desc, id asc). */
export function rankCandidates(employees, task, successRateOf) {
    const ranked = [];
    for (const employee of employees) {
        if (!isAssignable(employee))
            continue;
        const score = scoreAssignment(employee, task, { successRate: successRateOf(employee.id) ?? null });
        ranked.push({ employeeId: employee.id, score, slotsFree: employee.workload.slotsFree });
    }
    return ranked.sort((a, b) => b.score.total - a.score.total ||
        b.slotsFree - a.slotsFree ||
        (a.employeeId < b.employeeId ? -1 : a.employeeId > b.employeeId ? 1 : 0));
}
const topCandidates = (ranked) => ranked.slice(0, TASK_ASSIGNMENT_CANDIDATES_MAX).map((c) => ({ employeeId: c.employeeId, total: c.score.total }));
/** The best candidate and the assignment record to store, or null when nobody can take the task now. */
export function chooseAssignee(employees, task, successRateOf, decidedAt) {
    const ranked = rankCandidates(employees, task, successRateOf);
    const best = ranked[0];
    if (!best)
        return null;
    return {
        employeeId: best.employeeId,
        assignment: { mode: 'automatic', score: best.score, candidates: topCandidates(ranked), decidedAt },
    };
}
/**
 * The record for a task with an explicit assignee: scored (so the UI can show how good a fit it
 * is) but not chosen by score. Whether the employee is free is the dispatcher's check
 * (isAssignable): an explicit task waits for its employee.
 */
export function explicitAssignment(employee, task, context, decidedAt) {
    const score = scoreAssignment(employee, task, context);
    return { mode: 'explicit', score, candidates: [{ employeeId: employee.id, total: score.total }], decidedAt };
}
//# sourceMappingURL=assignment-score.js.map