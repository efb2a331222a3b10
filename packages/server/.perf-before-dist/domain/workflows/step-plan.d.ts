/**
 * What tasks a step needs when it starts: one per required role, plus one per optional role when
 * the run asked for optional roles and someone has the role. Each task goes to an employee with
 * its role (explicit assignee). In a `parallel` phase the tasks run at the same time; otherwise
 * each waits for the one before it (in the order the template lists the roles), so later roles
 * build on the earlier ones' work. Every task also waits for the tasks of the steps the step
 * depends on (they are done when the step starts, so this only records the link).
 */
import { type EmployeeRole, type WorkflowPhase, type WorkflowTemplate } from '@dash/shared';
export interface StepRunContext {
    title: string;
    request: string;
    template: WorkflowTemplate;
    includeOptionalRoles: boolean;
}
export interface PlannedStepTask {
    role: EmployeeRole;
    employeeId: string;
    position: number;
    title: string;
    description: string;
    /** Positions of tasks in the same step this one waits for. */
    after: number[];
}
export type StepPlan = {
    ok: true;
    tasks: PlannedStepTask[];
} | {
    ok: false;
    reason: string;
};
/** `staff(role)` answers the employee who takes the role's task, or null when nobody has the role. */
export declare function planStepTasks(run: StepRunContext, phase: WorkflowPhase, staff: (role: EmployeeRole) => string | null): StepPlan;
/** The task of one role at `position` in the step. */
export declare function plannedStepTask(run: StepRunContext, phase: WorkflowPhase, role: EmployeeRole, position: number, employeeId: string): PlannedStepTask;
export declare function stepTaskTitle(runTitle: string, phaseName: string, role: EmployeeRole): string;
/** The task's description: the request, the step, its instructions and deliverables. */
export declare function stepTaskDescription(run: StepRunContext, phase: WorkflowPhase, role: EmployeeRole): string;
