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
import { type AssignmentScore, type EmployeeStatus, type EmployeeWorkload, type SkillId, type TaskAssignment, type TaskPriority } from '@dash/shared';
export declare const SUCCESS_RATE_WEIGHT = 0.15;
export declare const NEUTRAL_SUCCESS_RATE = 0.5;
/** What scoring needs of an employee (an EmployeeView fits). */
export interface ScoringEmployee {
    id: string;
    status: EmployeeStatus;
    skills: readonly SkillId[];
    workload: Pick<EmployeeWorkload, 'slotsMax' | 'slotsFree'>;
}
export interface ScoringTask {
    priority: TaskPriority;
    requiredSkills: readonly SkillId[];
}
export interface ScoringContext {
    /** Succeeded ÷ finished recent runs, or null when the employee has none. */
    successRate: number | null;
}
/** Success rate per employee id; null or undefined when there is no run data. */
export type SuccessRateLookup = (employeeId: string) => number | null | undefined;
export interface RankedCandidate {
    employeeId: string;
    score: AssignmentScore;
    slotsFree: number;
}
export declare function skillMatch(employeeSkills: readonly SkillId[], required: readonly SkillId[]): number;
export declare function scoreAssignment(employee: ScoringEmployee, task: ScoringTask, context: ScoringContext): AssignmentScore;
/** Active, with at least one free slot. */
export declare const isAssignable: (employee: ScoringEmployee) => boolean;
/** Assignable employees, best first (total desc, free slots desc, id asc). */
export declare function rankCandidates(employees: Iterable<ScoringEmployee>, task: ScoringTask, successRateOf: SuccessRateLookup): RankedCandidate[];
/** The best candidate and the assignment record to store, or null when nobody can take the task now. */
export declare function chooseAssignee(employees: Iterable<ScoringEmployee>, task: ScoringTask, successRateOf: SuccessRateLookup, decidedAt: string): {
    employeeId: string;
    assignment: TaskAssignment;
} | null;
/**
 * The record for a task with an explicit assignee: scored (so the UI can show how good a fit it
 * is) but not chosen by score. Whether the employee is free is the dispatcher's check
 * (isAssignable): an explicit task waits for its employee.
 */
export declare function explicitAssignment(employee: ScoringEmployee, task: ScoringTask, context: ScoringContext, decidedAt: string): TaskAssignment;
