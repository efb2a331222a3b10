/**
 * Which allow-listed fields a person may change in which status. Edits are otherwise free: a
 * change to a running task applies from its next attempt. Two rules:
 *  - `dependsOn` only while the task has not started (pending, queued) or is blocked (so a person
 *    can drop a cancelled dependency instead of cancelling the dependent);
 *  - nothing on a cancelled task (terminal; create a new one instead).
 */
import type { StoredTaskStatus, TaskEditableField } from '@dash/shared';
import { AppError } from '../app-error.js';

export const dependencyEditableStatuses: readonly StoredTaskStatus[] = ['pending', 'queued', 'blocked'];

/** The first field of `fields` that may not change in `status`, or null when all may. */
export function lockedTaskField(status: StoredTaskStatus, fields: Iterable<TaskEditableField>): TaskEditableField | null {
  for (const field of fields) {
    if (status === 'cancelled') return field;
    if (field === 'dependsOn' && !dependencyEditableStatuses.includes(status)) return field;
  }
  return null;
}

/** Throws TASK_NOT_EDITABLE (details: field, status) when an edit touches a locked field. */
export function assertTaskEditable(status: StoredTaskStatus, fields: Iterable<TaskEditableField>): void {
  const field = lockedTaskField(status, fields);
  if (field !== null) {
    throw new AppError('TASK_NOT_EDITABLE', {
      message: `${field} cannot be changed while the task is ${status}`,
      details: { field, status },
    });
  }
}
