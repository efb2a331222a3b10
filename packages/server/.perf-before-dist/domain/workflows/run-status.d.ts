/**
 * A running workflow's status from its steps (see @dash/shared workflows.ts): failed as soon as a
 * step failed, completed when every step is, awaiting approval while any step waits for a person,
 * running otherwise.
 */
import type { WorkflowRunStatus, WorkflowStepStatus } from '@dash/shared';
export declare function deriveRunStatus(steps: ReadonlyArray<{
    key: string;
    status: WorkflowStepStatus;
    reason: string | null;
}>): {
    status: Extract<WorkflowRunStatus, 'running' | 'awaiting_approval' | 'completed' | 'failed'>;
    failedStep: {
        key: string;
        reason: string | null;
    } | null;
};
