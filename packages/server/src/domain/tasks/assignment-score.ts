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
import {
  TASK_ASSIGNMENT_CANDIDATES_MAX,
  taskPriorityWeights,
  type AssignmentScore,
  type EmployeeStatus,
  type EmployeeWorkload,
  type SkillId,
  type TaskAssignment,
  type TaskPriority,
} from '@dash/shared';

export const SUCCESS_RATE_WEIGHT = 0.15;
export const NEUTRAL_SUCCESS_RATE = 0.5;

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

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;
const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

export function skillMatch(employeeSkills: readonly SkillId[], required: readonly SkillId[]): number {
  if (required.length === 0) return 1;
  const has = new Set(employeeSkills);
  return required.filter((skill) => has.has(skill)).length / required.length;
}

export function scoreAssignment(employee: ScoringEmployee, task: ScoringTask, context: ScoringContext): AssignmentScore {
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
export const isAssignable = (employee: ScoringEmployee): boolean =>
  employee.status === 'active' && employee.workload.slotsFree >= 1;

/** Assignable employees, best first (total desc, free slots desc, id asc). */
export function rankCandidates(
  employees: Iterable<ScoringEmployee>,
  task: ScoringTask,
  successRateOf: SuccessRateLookup,
): RankedCandidate[] {
  const ranked: RankedCandidate[] = [];
  for (const employee of employees) {
    if (!isAssignable(employee)) continue;
    const score = scoreAssignment(employee, task, { successRate: successRateOf(employee.id) ?? null });
    ranked.push({ employeeId: employee.id, score, slotsFree: employee.workload.slotsFree });
  }
  return ranked.sort(
    (a, b) =>
      b.score.total - a.score.total ||
      b.slotsFree - a.slotsFree ||
      (a.employeeId < b.employeeId ? -1 : a.employeeId > b.employeeId ? 1 : 0),
  );
}

const topCandidates = (ranked: readonly RankedCandidate[]): TaskAssignment['candidates'] =>
  ranked.slice(0, TASK_ASSIGNMENT_CANDIDATES_MAX).map((c) => ({ employeeId: c.employeeId, total: c.score.total }));

/** The best candidate and the assignment record to store, or null when nobody can take the task now. */
export function chooseAssignee(
  employees: Iterable<ScoringEmployee>,
  task: ScoringTask,
  successRateOf: SuccessRateLookup,
  decidedAt: string,
): { employeeId: string; assignment: TaskAssignment } | null {
  const ranked = rankCandidates(employees, task, successRateOf);
  const best = ranked[0];
  if (!best) return null;
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
export function explicitAssignment(
  employee: ScoringEmployee,
  task: ScoringTask,
  context: ScoringContext,
  decidedAt: string,
): TaskAssignment {
  const score = scoreAssignment(employee, task, context);
  return { mode: 'explicit', score, candidates: [{ employeeId: employee.id, total: score.total }], decidedAt };
}
