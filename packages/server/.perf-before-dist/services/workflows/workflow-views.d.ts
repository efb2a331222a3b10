/**
 * The API shapes of a run: the stored run joined with its template (phase names, roles,
 * dependencies) and the live status of its tasks.
 */
import type { Task, WorkflowRun, WorkflowRunProgress, WorkflowRunSummary } from '@dash/shared';
import type { StoredWorkflowRun } from '../../ports/workflow-repository.js';
type TaskLookup = ReadonlyMap<string, Pick<Task, 'title' | 'status' | 'assignee' | 'assignedTo' | 'lastRunId'>>;
export declare function toRunView(run: StoredWorkflowRun, tasks: TaskLookup): WorkflowRun;
export declare function toRunSummary(run: StoredWorkflowRun): WorkflowRunSummary;
export declare function progressOf(run: StoredWorkflowRun): WorkflowRunProgress;
/** Every task id of a run: the classification task and each step's tasks. */
export declare function taskIdsOf(run: StoredWorkflowRun): string[];
export {};
