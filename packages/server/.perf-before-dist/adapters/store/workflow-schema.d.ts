/** Kysely table types of the workflow tables (migration 0009); JSON columns hold JSON text. */
import type { Generated } from 'kysely';
import type { EmployeeRole, TaskPriority, WorkflowRunStatus, WorkflowStepStatus } from '@dash/shared';
export interface WorkflowRunsTable {
    id: string;
    title: string;
    request: string;
    template_id: string | null;
    /** JSON: WorkflowTemplate, the snapshot the run follows; null while classifying. */
    template: string | null;
    status: WorkflowRunStatus;
    selection_mode: 'explicit' | 'agent';
    classifier_task_id: string | null;
    selection_reason: string | null;
    priority: TaskPriority;
    working_directory: string | null;
    /** 0/1. */
    include_optional_roles: number;
    error_code: string | null;
    error_message: string | null;
    created_by: string;
    created_at: string;
    updated_at: string;
    ended_at: string | null;
    closed_at: string | null;
    version: number;
}
export interface WorkflowStepsTable {
    run_id: string;
    key: string;
    position: number;
    status: WorkflowStepStatus;
    round: number;
    round_started_at: string | null;
    started_at: string | null;
    awaiting_since: string | null;
    completed_at: string | null;
    reason: string | null;
    /** JSON: WorkflowStepOutput, or null. */
    output: string | null;
}
export interface WorkflowStepTasksTable {
    task_id: string;
    run_id: string;
    step_key: string;
    role: EmployeeRole;
    position: number;
}
export interface WorkflowDecisionsTable {
    seq: Generated<number>;
    id: string;
    run_id: string;
    step_key: string;
    decision: 'approved' | 'rejected';
    reason: string | null;
    actor: string;
    round: number;
    at: string;
}
export interface WorkflowTables {
    workflow_runs: WorkflowRunsTable;
    workflow_steps: WorkflowStepsTable;
    workflow_step_tasks: WorkflowStepTasksTable;
    workflow_decisions: WorkflowDecisionsTable;
}
