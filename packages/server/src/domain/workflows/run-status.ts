/**
 * A running workflow's status from its steps (see @dash/shared workflows.ts): failed as soon as a
 * step failed, completed when every step is, awaiting approval while any step waits for a person,
 * running otherwise.
 */
import type { WorkflowRunStatus, WorkflowStepStatus } from '@dash/shared';

export function deriveRunStatus(steps: ReadonlyArray<{ key: string; status: WorkflowStepStatus; reason: string | null }>): {
  status: Extract<WorkflowRunStatus, 'running' | 'awaiting_approval' | 'completed' | 'failed'>;
  failedStep: { key: string; reason: string | null } | null;
} {
  const failed = steps.find((s) => s.status === 'failed');
  if (failed) return { status: 'failed', failedStep: { key: failed.key, reason: failed.reason } };
  if (steps.length > 0 && steps.every((s) => s.status === 'completed')) return { status: 'completed', failedStep: null };
  if (steps.some((s) => s.status === 'awaiting_approval')) return { status: 'awaiting_approval', failedStep: null };
  return { status: 'running', failedStep: null };
}
