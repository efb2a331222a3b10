/**
 * Persistence of workflow runs: the run (with the template it follows, copied at start so a
 * template edited later never changes a run in flight), its steps, the tasks of each step and the
 * approval decisions. Implemented once over Kysely for SQLite and PostgreSQL
 * (adapters/store/kysely-workflow-repository.ts); the workflow repository contract suite runs
 * against both.
 *
 * Every state change is a conditional write: it names the statuses it may start from and writes
 * nothing (returns null/false) when the stored status has moved on, so two engines reconciling
 * the same run (replicas, or a person's action racing the engine) apply each change once. A step
 * change commits the step, the step's new task links and its decision together. Every write bumps
 * the run's `version` and `updatedAt`.
 */
import type { EmployeeRole, TaskPriority, WorkflowDecision, WorkflowRunStatus, WorkflowStepOutput, WorkflowStepStatus, WorkflowTemplate } from '@dash/shared';
export interface StoredStepTask {
    taskId: string;
    role: EmployeeRole;
    /** Order within the step (required roles first, as listed; then optional ones). */
    position: number;
}
export interface StoredWorkflowStep {
    runId: string;
    key: string;
    /** Index of the phase in the run's template. */
    position: number;
    status: WorkflowStepStatus;
    round: number;
    /** When the current round began (the start, or the last rejection). */
    roundStartedAt: string | null;
    startedAt: string | null;
    awaitingSince: string | null;
    completedAt: string | null;
    reason: string | null;
    output: WorkflowStepOutput | null;
    tasks: StoredStepTask[];
}
export interface StoredWorkflowRun {
    id: string;
    title: string;
    request: string;
    templateId: string | null;
    /** The template as it was when the run started (or was classified); null while classifying. */
    template: WorkflowTemplate | null;
    status: WorkflowRunStatus;
    selectionMode: 'explicit' | 'agent';
    classifierTaskId: string | null;
    selectionReason: string | null;
    priority: TaskPriority;
    workingDirectory: string | null;
    includeOptionalRoles: boolean;
    errorCode: string | null;
    errorMessage: string | null;
    createdBy: string;
    createdAt: string;
    updatedAt: string;
    endedAt: string | null;
    /** Set once a finished run's leftover tasks were cancelled; null while that may still be due. */
    closedAt: string | null;
    version: number;
    /** In template order. */
    steps: StoredWorkflowStep[];
    /** Oldest first. */
    decisions: WorkflowDecision[];
}
/** A step as created with its run (or when the classification picks the template): pending. */
export interface NewWorkflowStep {
    key: string;
    position: number;
}
export interface NewWorkflowRun {
    id: string;
    title: string;
    request: string;
    template: WorkflowTemplate | null;
    status: Extract<WorkflowRunStatus, 'classifying' | 'running'>;
    selectionMode: 'explicit' | 'agent';
    classifierTaskId: string | null;
    priority: TaskPriority;
    workingDirectory: string | null;
    includeOptionalRoles: boolean;
    createdBy: string;
    /** ISO 8601; also updatedAt. */
    createdAt: string;
    steps: NewWorkflowStep[];
}
/** Run fields a change may set (absent keys stay). */
export interface WorkflowRunPatch {
    template?: WorkflowTemplate;
    selectionReason?: string | null;
    errorCode?: string | null;
    errorMessage?: string | null;
    endedAt?: string | null;
}
export interface WorkflowRunChange {
    /** Applies only if the stored status is one of these. */
    from: readonly WorkflowRunStatus[];
    to: WorkflowRunStatus;
    patch?: WorkflowRunPatch;
    /** Steps to create with this change (the classification picked the template). */
    steps?: readonly NewWorkflowStep[];
}
export interface WorkflowStepPatch {
    round?: number;
    roundStartedAt?: string | null;
    startedAt?: string | null;
    awaitingSince?: string | null;
    completedAt?: string | null;
    reason?: string | null;
    output?: WorkflowStepOutput | null;
}
export interface WorkflowStepChange {
    from: readonly WorkflowStepStatus[];
    to: WorkflowStepStatus;
    patch?: WorkflowStepPatch;
    /** Task links to add to the step (its tasks, created right after by the engine). */
    tasks?: readonly StoredStepTask[];
    decision?: WorkflowDecision;
}
export interface WorkflowRunListFilter {
    status?: readonly WorkflowRunStatus[];
    templateId?: string;
    /** Newest first (createdAt desc, id desc). */
    limit: number;
    cursor?: string;
}
/** What a task is to a workflow: a step's task (with its role) or the run's classification task. */
export type WorkflowTaskLink = {
    runId: string;
    kind: 'step';
    stepKey: string;
    role: EmployeeRole;
} | {
    runId: string;
    kind: 'classifier';
};
export interface WorkflowRepository {
    /** Writes the run and its steps; CONFLICT on a duplicate id. */
    createRun(run: NewWorkflowRun): Promise<StoredWorkflowRun>;
    getRun(id: string): Promise<StoredWorkflowRun | null>;
    /** Runs with their steps (decisions left out: `decisions` is empty). */
    listRuns(filter: WorkflowRunListFilter): Promise<{
        items: StoredWorkflowRun[];
        nextCursor: string | null;
    }>;
    /** Ids of runs that still need the engine: not finished, or finished and not yet closed. */
    runsToReconcile(): Promise<string[]>;
    /** Which run (and step) a task belongs to, or null for tasks outside workflows. */
    linkOfTask(taskId: string): Promise<WorkflowTaskLink | null>;
    /** Conditional run status change; null when the stored status is not in `from`. */
    changeRun(id: string, change: WorkflowRunChange): Promise<StoredWorkflowRun | null>;
    /** Conditional step status change with its task links and decision, atomically; false when not applied. */
    changeStep(runId: string, key: string, change: WorkflowStepChange): Promise<boolean>;
    /** Marks a finished run closed (its leftover tasks are settled). */
    closeRun(id: string, at: string): Promise<void>;
}
