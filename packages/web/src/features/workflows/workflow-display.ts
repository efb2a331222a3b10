/** How workflow facts read in the UI. Enum lists mirror @dash/shared (checked with `satisfies`). */
import type { EmployeeRole, WorkflowRunStatus, WorkflowStepStatus } from '@dash/shared';
import type { Tone } from '../../shared/ui/tone';

export const runStatusLabels = {
  classifying: 'Choosing a workflow',
  running: 'Running',
  awaiting_approval: 'Awaiting approval',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
} as const satisfies Record<WorkflowRunStatus, string>;

export const stepStatusLabels = {
  pending: 'Waiting',
  running: 'Running',
  awaiting_approval: 'Awaiting approval',
  completed: 'Completed',
  failed: 'Failed',
  cancelled: 'Cancelled',
} as const satisfies Record<WorkflowStepStatus, string>;

export function runStatusTone(status: WorkflowRunStatus): Tone {
  switch (status) {
    case 'completed':
      return 'ok';
    case 'awaiting_approval':
      return 'warning';
    case 'failed':
      return 'critical';
    case 'classifying':
    case 'running':
    case 'cancelled':
      return 'neutral';
  }
}

export function stepStatusTone(status: WorkflowStepStatus): Tone {
  switch (status) {
    case 'completed':
      return 'ok';
    case 'awaiting_approval':
      return 'warning';
    case 'failed':
      return 'critical';
    case 'pending':
    case 'running':
    case 'cancelled':
      return 'neutral';
  }
}

/** The shared `employeeRoleLabels`, repeated so the shared runtime stays out of the bundle. */
export const roleLabels = {
  project_manager: 'Project Manager',
  technical_lead: 'Technical Lead',
  qa_director: 'QA Director',
  senior_developer: 'Senior Developer',
  junior_developer: 'Junior Developer',
  qa_engineer: 'QA Engineer',
  test_engineer: 'Test Engineer',
  devops_engineer: 'DevOps Engineer',
  site_reliability_engineer: 'Site Reliability Engineer',
  security_engineer: 'Security Engineer',
  technical_writer: 'Technical Writer',
  ui_ux_designer: 'UI/UX Designer',
  build_engineer: 'Build Engineer',
} as const satisfies Record<EmployeeRole, string>;

export const roleLabel = (role: string): string => (roleLabels as Record<string, string>)[role] ?? role;
