/** Mapping between the workflow tables (snake_case, JSON text) and the repository's records. */
import type { Selectable } from 'kysely';
import type { WorkflowDecision } from '@dash/shared';
import type { StoredStepTask, StoredWorkflowRun, StoredWorkflowStep, WorkflowRunPatch, WorkflowStepPatch } from '../../ports/workflow-repository.js';
import type { WorkflowDecisionsTable, WorkflowRunsTable, WorkflowStepsTable, WorkflowStepTasksTable } from './workflow-schema.js';
type RunRow = Selectable<WorkflowRunsTable>;
type StepRow = Selectable<WorkflowStepsTable>;
type StepTaskRow = Selectable<WorkflowStepTasksTable>;
type DecisionRow = Selectable<WorkflowDecisionsTable>;
export declare const rowToStepTask: (row: StepTaskRow) => StoredStepTask;
export declare const rowToStep: (row: StepRow, tasks: readonly StepTaskRow[]) => StoredWorkflowStep;
export declare const rowToDecision: (row: DecisionRow) => WorkflowDecision;
export declare const rowToRun: (row: RunRow, steps: StoredWorkflowStep[], decisions: WorkflowDecision[]) => StoredWorkflowRun;
export declare function runPatchToRow(patch: WorkflowRunPatch): Partial<RunRow>;
export declare function stepPatchToRow(patch: WorkflowStepPatch): Partial<StepRow>;
export {};
