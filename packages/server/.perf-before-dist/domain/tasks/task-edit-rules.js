import { AppError } from '../app-error.js';
export const dependencyEditableStatuses = ['pending', 'queued', 'blocked'];
/** The first field of `fields` that may not change in `status`, or null when all may. */
export function lockedTaskField(status, fields) {
    for (const field of fields) {
        if (status === 'cancelled')
            return field;
        if (field === 'dependsOn' && !dependencyEditableStatuses.includes(status))
            return field;
    }
    return null;
}
/** Throws TASK_NOT_EDITABLE (details: field, status) when an edit touches a locked field. */
export function assertTaskEditable(status, fields) {
    const field = lockedTaskField(status, fields);
    if (field !== null) {
        throw new AppError('TASK_NOT_EDITABLE', {
            message: `${field} cannot be changed while the task is ${status}`,
            details: { field, status },
        });
    }
}
//# sourceMappingURL=task-edit-rules.js.map