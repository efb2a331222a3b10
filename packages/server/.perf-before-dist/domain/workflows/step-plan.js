/**
 * What tasks a step needs when it starts: one per required role, plus one per optional role when
 * the run asked for optional roles and someone has the role. Each task goes to an employee with
 * its role (explicit assignee). In a `parallel` phase the tasks run at the same time; otherwise
 * each waits for the one before it (in the order the template lists the roles), so later roles
 * build on the earlier ones' work. Every task also waits for the tasks of the steps the step
 * depends on (they are done when the step starts, so this only records the link).
 */
import { employeeRoleLabels, TASK_DESCRIPTION_MAX, TASK_TITLE_MAX, } from '@dash/shared';
/** `staff(role)` answers the employee who takes the role's task, or null when nobody has the role. */
export function planStepTasks(run, phase, staff) {
    const roles = [];
    for (const role of phase.requiredRoles) {
        if (staff(role) === null)
            return { ok: false, reason: `No active or paused employee has the role ${employeeRoleLabels[role]} (${role})` };
        roles.push(role);
    }
    if (run.includeOptionalRoles)
        for (const role of phase.optionalRoles)
            if (staff(role) !== null)
                roles.push(role);
    return { ok: true, tasks: roles.map((role, position) => plannedStepTask(run, phase, role, position, staff(role) ?? '')) };
}
/** The task of one role at `position` in the step. */
export function plannedStepTask(run, phase, role, position, employeeId) {
    return {
        role,
        employeeId,
        position,
        title: stepTaskTitle(run.title, phase.name, role),
        description: stepTaskDescription(run, phase, role),
        after: phase.parallel || position === 0 ? [] : [position - 1],
    };
}
export function stepTaskTitle(runTitle, phaseName, role) {
    const suffix = ` · ${phaseName} (${employeeRoleLabels[role]})`;
    const room = TASK_TITLE_MAX - suffix.length;
    const title = runTitle.length > room ? `${runTitle.slice(0, Math.max(0, room - 1))}…` : runTitle;
    return `${title}${suffix}`;
}
/** The task's description: the request, the step, its instructions and deliverables. */
export function stepTaskDescription(run, phase, role) {
    const index = run.template.phases.findIndex((p) => p.key === phase.key);
    const lines = [
        `Workflow "${run.title}" (${run.template.name}), step ${index + 1} of ${run.template.phases.length}: ${phase.name}.`,
        `Your part: ${employeeRoleLabels[role]}.${phase.parallel ? '' : ' Work that others in this step did before you is shown below when there is any.'}`,
        '',
        '## Request',
        run.request,
        '',
        `## This step: ${phase.name}`,
        phase.description,
        '',
        '## Instructions',
        phase.instructions,
    ];
    if (phase.deliverables.length > 0)
        lines.push('', '## Deliverables', ...phase.deliverables.map((d) => `- ${d}`));
    if (phase.approval)
        lines.push('', '## Review', `A person reviews this step's result before the workflow goes on: ${phase.approval.instructions}`);
    const text = lines.join('\n');
    return text.length > TASK_DESCRIPTION_MAX ? `${text.slice(0, TASK_DESCRIPTION_MAX - 1)}…` : text;
}
//# sourceMappingURL=step-plan.js.map