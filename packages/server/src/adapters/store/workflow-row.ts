/** Mapping between the workflow tables (snake_case, JSON text) and the repository's records. */
import type { Selectable } from 'kysely';
import type { WorkflowDecision, WorkflowStepOutput, WorkflowTemplate } from '@dash/shared';
import type { StoredStepTask, StoredWorkflowRun, StoredWorkflowStep, WorkflowRunPatch, WorkflowStepPatch } from '../../ports/workflow-repository.js';
import { toStoredIsoOrNull } from './timestamps.js';
import type { WorkflowDecisionsTable, WorkflowRunsTable, WorkflowStepsTable, WorkflowStepTasksTable } from './workflow-schema.js';

type RunRow = Selectable<WorkflowRunsTable>;
type StepRow = Selectable<WorkflowStepsTable>;
type StepTaskRow = Selectable<WorkflowStepTasksTable>;
type DecisionRow = Selectable<WorkflowDecisionsTable>;

const parseJson = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

export const rowToStepTask = (row: StepTaskRow): StoredStepTask => ({ taskId: row.task_id, role: row.role, position: row.position });

export const rowToStep = (row: StepRow, tasks: readonly StepTaskRow[]): StoredWorkflowStep => ({
  runId: row.run_id,
  key: row.key,
  position: row.position,
  status: row.status,
  round: row.round,
  roundStartedAt: row.round_started_at,
  startedAt: row.started_at,
  awaitingSince: row.awaiting_since,
  completedAt: row.completed_at,
  reason: row.reason,
  output: parseJson<WorkflowStepOutput>(row.output),
  tasks: tasks.map(rowToStepTask).sort((a, b) => a.position - b.position),
});

export const rowToDecision = (row: DecisionRow): WorkflowDecision => ({
  id: row.id,
  stepKey: row.step_key,
  decision: row.decision,
  reason: row.reason,
  actor: row.actor,
  round: row.round,
  at: row.at,
});

export const rowToRun = (row: RunRow, steps: StoredWorkflowStep[], decisions: WorkflowDecision[]): StoredWorkflowRun => ({
  id: row.id,
  title: row.title,
  request: row.request,
  templateId: row.template_id,
  template: parseJson<WorkflowTemplate>(row.template),
  status: row.status,
  selectionMode: row.selection_mode,
  classifierTaskId: row.classifier_task_id,
  selectionReason: row.selection_reason,
  priority: row.priority,
  workingDirectory: row.working_directory,
  includeOptionalRoles: Boolean(row.include_optional_roles),
  errorCode: row.error_code,
  errorMessage: row.error_message,
  createdBy: row.created_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  endedAt: row.ended_at,
  closedAt: row.closed_at,
  version: row.version,
  steps: steps.sort((a, b) => a.position - b.position),
  decisions,
});

export function runPatchToRow(patch: WorkflowRunPatch): Partial<RunRow> {
  const row: Partial<RunRow> = {};
  if (patch.template !== undefined) {
    row.template = JSON.stringify(patch.template);
    row.template_id = patch.template.id;
  }
  if (patch.selectionReason !== undefined) row.selection_reason = patch.selectionReason;
  if (patch.errorCode !== undefined) row.error_code = patch.errorCode;
  if (patch.errorMessage !== undefined) row.error_message = patch.errorMessage;
  if (patch.endedAt !== undefined) row.ended_at = toStoredIsoOrNull(patch.endedAt);
  return row;
}

export function stepPatchToRow(patch: WorkflowStepPatch): Partial<StepRow> {
  const row: Partial<StepRow> = {};
  if (patch.round !== undefined) row.round = patch.round;
  if (patch.roundStartedAt !== undefined) row.round_started_at = toStoredIsoOrNull(patch.roundStartedAt);
  if (patch.startedAt !== undefined) row.started_at = toStoredIsoOrNull(patch.startedAt);
  if (patch.awaitingSince !== undefined) row.awaiting_since = toStoredIsoOrNull(patch.awaitingSince);
  if (patch.completedAt !== undefined) row.completed_at = toStoredIsoOrNull(patch.completedAt);
  if (patch.reason !== undefined) row.reason = patch.reason;
  if (patch.output !== undefined) row.output = patch.output === null ? null : JSON.stringify(patch.output);
  return row;
}
