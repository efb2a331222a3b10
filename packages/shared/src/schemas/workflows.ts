/**
 * Workflow runs: one request carried through a template's phases by the AI employees. Each phase
 * becomes a step; a step is one task per role in the core loop. The run is a DAG of steps: a
 * step starts once every step it depends on is completed, and its tasks' prompts carry those
 * steps' outputs. A step with an approval gate stops in `awaiting_approval` until a person
 * approves it (the steps after it start) or rejects it with a reason (its tasks run again with
 * the reason, then it waits again).
 *
 * Run statuses:
 *  - `classifying`: an agent is choosing the template (no template was named at start);
 *  - `running`: steps are pending or running, none waits for approval;
 *  - `awaiting_approval`: at least one step waits for a person (other branches may still run);
 *  - `completed`: every step completed; `failed`: a step failed (its task failed for good, was
 *    cancelled, or could not be staffed) or the classification failed; `cancelled` by a person.
 */
import { z } from 'zod';
import { employeeRole } from './employees.js';
import { storedTaskStatus, taskPriority, taskWorkingDirectory } from './tasks.js';
import { workflowApprovalGate, workflowPhaseKey, workflowTemplateId } from './workflow-templates.js';

export const WORKFLOW_TITLE_MAX = 160;
export const WORKFLOW_REQUEST_MAX = 10_000;
export const WORKFLOW_REASON_MAX = 4000;

export const workflowRunStatusIds = ['classifying', 'running', 'awaiting_approval', 'completed', 'failed', 'cancelled'] as const;
export const workflowRunStatus = z.enum(workflowRunStatusIds);
export type WorkflowRunStatus = z.infer<typeof workflowRunStatus>;
export const terminalWorkflowRunStatuses: readonly WorkflowRunStatus[] = ['completed', 'failed', 'cancelled'];
export const isTerminalWorkflowRunStatus = (s: WorkflowRunStatus): boolean => terminalWorkflowRunStatuses.includes(s);

/**
 * `pending`: waits for the steps it depends on; `running`: its tasks exist and are not all done;
 * `awaiting_approval`: its tasks are done and a person decides; `completed`; `failed`;
 * `cancelled` (the run was cancelled or failed before the step finished).
 */
export const workflowStepStatusIds = ['pending', 'running', 'awaiting_approval', 'completed', 'failed', 'cancelled'] as const;
export const workflowStepStatus = z.enum(workflowStepStatusIds);
export type WorkflowStepStatus = z.infer<typeof workflowStepStatus>;

/** One task of a step, with its live status (null when the task was deleted). */
export const workflowStepTask = z.object({
  taskId: z.string(),
  role: employeeRole,
  employeeId: z.string().nullable(),
  title: z.string().nullable(),
  status: storedTaskStatus.nullable(),
  lastRunId: z.string().nullable(),
});
export type WorkflowStepTask = z.infer<typeof workflowStepTask>;

export const workflowFileChange = z.object({ path: z.string(), action: z.enum(['written', 'edited']) });
export type WorkflowFileChange = z.infer<typeof workflowFileChange>;

/** What one task of a step produced: its final text and the files its run wrote or edited. */
export const workflowTaskOutput = z.object({
  taskId: z.string(),
  role: employeeRole,
  employeeId: z.string().nullable(),
  runId: z.string().nullable(),
  /** The run's final text (cut to WORKFLOW_OUTPUT_TEXT_MAX); null when it had none. */
  resultText: z.string().nullable(),
  resultTruncated: z.boolean(),
  files: z.array(workflowFileChange),
});
export type WorkflowTaskOutput = z.infer<typeof workflowTaskOutput>;
export const WORKFLOW_OUTPUT_TEXT_MAX = 8000;
export const WORKFLOW_OUTPUT_FILES_MAX = 100;

/** A step's outputs, recorded when its tasks are done (and again after a rejected round). */
export const workflowStepOutput = z.object({
  /** The deliverables the template asked of the step. */
  deliverables: z.array(z.string()),
  tasks: z.array(workflowTaskOutput),
  at: z.string(),
});
export type WorkflowStepOutput = z.infer<typeof workflowStepOutput>;

export const workflowDecision = z.object({
  id: z.string(),
  stepKey: z.string(),
  decision: z.enum(['approved', 'rejected']),
  /** The rejection reason, or the approver's optional comment. */
  reason: z.string().nullable(),
  actor: z.string(),
  /** The step round decided on (1 for the first result, +1 per rejection). */
  round: z.number().int().min(1),
  at: z.string(),
});
export type WorkflowDecision = z.infer<typeof workflowDecision>;

export const workflowStep = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  /** Index in the template. */
  position: z.number().int().min(0),
  depth: z.number().int().min(0),
  dependsOn: z.array(z.string()),
  parallel: z.boolean(),
  requiredRoles: z.array(employeeRole),
  optionalRoles: z.array(employeeRole),
  deliverables: z.array(z.string()),
  approval: workflowApprovalGate.nullable(),
  /** The budget (USD) each of the step's tasks got from the template; null when it sets none. */
  budgetUsd: z.number().positive().nullable(),
  status: workflowStepStatus,
  /** 1 + the number of times the step's result was rejected. */
  round: z.number().int().min(1),
  startedAt: z.string().nullable(),
  /** When the step last began waiting for approval (null when it is not waiting). */
  awaitingSince: z.string().nullable(),
  completedAt: z.string().nullable(),
  /** Why the step failed or was cancelled. */
  reason: z.string().nullable(),
  tasks: z.array(workflowStepTask),
  output: workflowStepOutput.nullable(),
  decisions: z.array(workflowDecision),
});
export type WorkflowStep = z.infer<typeof workflowStep>;

/** How the template was chosen: named at start, or by an agent's classification task. */
export const workflowSelection = z.object({
  mode: z.enum(['explicit', 'agent']),
  /** The classification task (agent mode). */
  taskId: z.string().nullable(),
  /** The agent's one-line reason (agent mode, once answered). */
  reason: z.string().nullable(),
});
export type WorkflowSelection = z.infer<typeof workflowSelection>;

const runFields = {
  id: z.string(),
  title: z.string(),
  request: z.string(),
  templateId: z.string().nullable(),
  templateName: z.string().nullable(),
  status: workflowRunStatus,
  selection: workflowSelection,
  priority: taskPriority,
  workingDirectory: z.string().nullable(),
  includeOptionalRoles: z.boolean(),
  /** Why the run failed or was cancelled (a stable code and a message). */
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  endedAt: z.string().nullable(),
  version: z.number().int().min(1),
};

export const workflowRun = z.object({ ...runFields, steps: z.array(workflowStep) });
export type WorkflowRun = z.infer<typeof workflowRun>;

export const workflowRunProgress = z.object({
  total: z.number().int().min(0),
  completed: z.number().int().min(0),
  running: z.number().int().min(0),
  awaitingApproval: z.number().int().min(0),
});
export type WorkflowRunProgress = z.infer<typeof workflowRunProgress>;

export const workflowRunSummary = z.object({ ...runFields, progress: workflowRunProgress });
export type WorkflowRunSummary = z.infer<typeof workflowRunSummary>;

// ---------------------------------------------------------------------------------------------
// Requests

/** `POST /api/workflows/runs`. `templateId: null` (the default) lets an agent choose. */
export const startWorkflowBody = z
  .object({
    templateId: workflowTemplateId.nullable().default(null),
    title: z.string().trim().min(1).max(WORKFLOW_TITLE_MAX),
    request: z.string().trim().min(1).max(WORKFLOW_REQUEST_MAX),
    priority: taskPriority.default('medium'),
    /** Shared by every task of the run, so each step works on what the previous ones produced. */
    workingDirectory: taskWorkingDirectory.nullable().default(null),
    includeOptionalRoles: z.boolean().default(false),
  })
  .strict();
export type StartWorkflowBody = z.infer<typeof startWorkflowBody>;
export type StartWorkflowInput = z.input<typeof startWorkflowBody>;

const commaList = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((s) => s.split(',').map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(item).max(10));

export const WORKFLOW_RUN_LIST_LIMIT_DEFAULT = 50;

export const listWorkflowRunsQuery = z
  .object({
    status: commaList(workflowRunStatus).optional(),
    templateId: workflowTemplateId.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(WORKFLOW_RUN_LIST_LIMIT_DEFAULT),
    cursor: z.string().max(500).optional(),
  })
  .strict();
export type ListWorkflowRunsQuery = z.infer<typeof listWorkflowRunsQuery>;

export const workflowRunList = z.object({ items: z.array(workflowRunSummary), nextCursor: z.string().nullable() });
export type WorkflowRunList = z.infer<typeof workflowRunList>;

export const workflowRunParams = z.object({ id: z.string().min(1).max(100) }).strict();
export const workflowStepParams = z.object({ id: z.string().min(1).max(100), key: workflowPhaseKey }).strict();

export const approveWorkflowStepBody = z.object({ comment: z.string().trim().min(1).max(WORKFLOW_REASON_MAX).optional() }).strict();
export type ApproveWorkflowStepBody = z.infer<typeof approveWorkflowStepBody>;

/**
 * The reason is required, but a missing or blank one is refused with the stable
 * WORKFLOW_REJECT_REASON_REQUIRED (not a generic VALIDATION_FAILED), so the schema lets it through.
 */
export const rejectWorkflowStepBody = z.object({ reason: z.string().max(WORKFLOW_REASON_MAX).optional() }).strict();
export type RejectWorkflowStepBody = z.infer<typeof rejectWorkflowStepBody>;

export const cancelWorkflowBody = z.object({ reason: z.string().trim().min(1).max(WORKFLOW_REASON_MAX).optional() }).strict();
export type CancelWorkflowBody = z.infer<typeof cancelWorkflowBody>;
