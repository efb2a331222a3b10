/**
 * Which allow-listed fields a person may change in which status. Edits are otherwise free: a
 * change to a running task applies from its next attempt. Two rules:
 *  - `dependsOn` only while the task has not started (pending, queued) or is blocked (so a person
 *    can drop a cancelled dependency instead of cancelling the dependent);
 *  - nothing on a cancelled task (terminal; create a new one instead).
 */
import type { StoredTaskStatus, TaskEditableField } from '@dash/shared';
export declare const dependencyEditableStatuses: readonly StoredTaskStatus[];
/** The first field of `fields` that may not change in `status`, or null when all may. */
export declare function lockedTaskField(status: StoredTaskStatus, fields: Iterable<TaskEditableField>): TaskEditableField | null;
/** Throws TASK_NOT_EDITABLE (details: field, status) when an edit touches a locked field. */
export declare function assertTaskEditable(status: StoredTaskStatus, fields: Iterable<TaskEditableField>): void;
