/**
 * The API shapes of a run: the stored run joined with its template (phase names, roles,
 * dependencies) and the live status of its tasks.
 */
import type { Task, WorkflowRun, WorkflowRunProgress, WorkflowRunSummary, WorkflowStep } from '@dash/shared';
import type { StoredWorkflowRun } from '../../ports/workflow-repository.js';

type TaskLookup = ReadonlyMap<string, Pick<Task, 'title' | 'status' | 'assignee' | 'assignedTo' | 'lastRunId'>>;

export function toRunView(run: StoredWorkflowRun, tasks: TaskLookup): WorkflowRun {
  return { ...baseView(run), steps: stepsOf(run, tasks) };
}

export function toRunSummary(run: StoredWorkflowRun): WorkflowRunSummary {
  return { ...baseView(run), progress: progressOf(run) };
}

export function progressOf(run: StoredWorkflowRun): WorkflowRunProgress {
  const count = (status: string): number => run.steps.filter((s) => s.status === status).length;
  return { total: run.steps.length, completed: count('completed'), running: count('running'), awaitingApproval: count('awaiting_approval') };
}

/** Every task id of a run: the classification task and each step's tasks. */
export function taskIdsOf(run: StoredWorkflowRun): string[] {
  return [...(run.classifierTaskId ? [run.classifierTaskId] : []), ...run.steps.flatMap((s) => s.tasks.map((t) => t.taskId))];
}

function baseView(run: StoredWorkflowRun): Omit<WorkflowRun, 'steps'> {
  return {
    id: run.id,
    title: run.title,
    request: run.request,
    templateId: run.templateId,
    templateName: run.template?.name ?? null,
    status: run.status,
    selection: { mode: run.selectionMode, taskId: run.classifierTaskId, reason: run.selectionReason },
    priority: run.priority,
    workingDirectory: run.workingDirectory,
    includeOptionalRoles: run.includeOptionalRoles,
    errorCode: run.errorCode,
    errorMessage: run.errorMessage,
    createdBy: run.createdBy,
    createdAt: run.createdAt,
    updatedAt: run.updatedAt,
    endedAt: run.endedAt,
    version: run.version,
  };
}

function stepsOf(run: StoredWorkflowRun, tasks: TaskLookup): WorkflowStep[] {
  const template = run.template;
  if (template === null) return [];
  return run.steps.flatMap((step): WorkflowStep[] => {
    const phase = template.phases.find((p) => p.key === step.key);
    if (!phase) return [];
    return [
      {
        key: step.key,
        name: phase.name,
        description: phase.description,
        position: step.position,
        depth: phase.depth,
        dependsOn: phase.dependsOn,
        parallel: phase.parallel,
        requiredRoles: phase.requiredRoles,
        optionalRoles: phase.optionalRoles,
        deliverables: phase.deliverables,
        approval: phase.approval,
        // `?? null`: run copies of templates stored before step budgets existed lack the field.
        budgetUsd: phase.budgetUsd ?? null,
        status: step.status,
        round: step.round,
        startedAt: step.startedAt,
        awaitingSince: step.awaitingSince,
        completedAt: step.completedAt,
        reason: step.reason,
        tasks: step.tasks.map((link) => {
          const task = tasks.get(link.taskId);
          return {
            taskId: link.taskId,
            role: link.role,
            employeeId: task ? (task.assignedTo ?? task.assignee) : null,
            title: task?.title ?? null,
            status: task?.status ?? null,
            lastRunId: task?.lastRunId ?? null,
          };
        }),
        output: step.output,
        decisions: run.decisions.filter((d) => d.stepKey === step.key),
      },
    ];
  });
}
