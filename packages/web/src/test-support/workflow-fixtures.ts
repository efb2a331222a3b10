/** Workflow payloads for web tests, shaped like the server's answers (docs/workflows.md). */
import type { WorkflowRun, WorkflowStep, WorkflowTemplateView } from '@dash/shared';

export function makeStep(overrides: Partial<WorkflowStep> = {}): WorkflowStep {
  return {
    key: 'planning',
    name: 'Planning',
    description: 'Plan it.',
    position: 0,
    depth: 0,
    dependsOn: [],
    parallel: false,
    requiredRoles: ['project_manager'],
    optionalRoles: [],
    deliverables: ['plan'],
    approval: null,
    budgetUsd: null,
    status: 'pending',
    round: 1,
    startedAt: null,
    awaitingSince: null,
    completedAt: null,
    reason: null,
    tasks: [],
    output: null,
    decisions: [],
    ...overrides,
  };
}

/** Planning (completed) → Design (gate, awaiting approval) → Build (pending). */
export function makeWorkflowRun(overrides: Partial<WorkflowRun> = {}): WorkflowRun {
  return {
    id: 'wf-1',
    title: 'Shortener',
    request: 'Build a URL shortener',
    templateId: 'software_development',
    templateName: 'Software Development Project',
    status: 'awaiting_approval',
    selection: { mode: 'explicit', taskId: null, reason: null },
    priority: 'medium',
    workingDirectory: null,
    includeOptionalRoles: false,
    errorCode: null,
    errorMessage: null,
    createdBy: 'admin',
    createdAt: '2025-01-01T10:00:00.000Z',
    updatedAt: '2025-01-01T10:05:00.000Z',
    endedAt: null,
    version: 5,
    steps: [
      makeStep({
        status: 'completed',
        tasks: [{ taskId: 't-plan', role: 'project_manager', employeeId: 'emp_001', title: 'Shortener · Planning (Project Manager)', status: 'completed', lastRunId: 'run-plan' }],
        output: {
          deliverables: ['plan'],
          at: '2025-01-01T10:02:00.000Z',
          tasks: [{ taskId: 't-plan', role: 'project_manager', employeeId: 'emp_001', runId: 'run-plan', resultText: 'The **plan**.', resultTruncated: false, files: [{ path: 'docs/plan.md', action: 'written' }] }],
        },
      }),
      makeStep({
        key: 'design',
        name: 'Design',
        position: 1,
        depth: 1,
        dependsOn: ['planning'],
        requiredRoles: ['technical_lead'],
        approval: { instructions: 'Check the design covers the plan.' },
        status: 'awaiting_approval',
        tasks: [{ taskId: 't-design', role: 'technical_lead', employeeId: 'emp_002', title: 'Shortener · Design (Technical Lead)', status: 'completed', lastRunId: 'run-design' }],
      }),
      makeStep({ key: 'build', name: 'Build', position: 2, depth: 2, dependsOn: ['design'], requiredRoles: ['senior_developer', 'junior_developer'], parallel: true }),
    ],
    ...overrides,
  };
}

export function makeTemplate(overrides: Partial<WorkflowTemplateView> = {}): WorkflowTemplateView {
  return {
    id: 'software_development',
    name: 'Software Development Project',
    description: 'Test-first.',
    file: 'software-development.json',
    unstaffedRoles: [],
    phases: [
      { key: 'planning', name: 'Planning', description: 'd', instructions: 'i', requiredRoles: ['project_manager'], optionalRoles: [], parallel: false, deliverables: [], skills: [], dependsOn: [], approval: null, budgetUsd: null, depth: 0 },
      { key: 'design', name: 'Design', description: 'd', instructions: 'i', requiredRoles: ['technical_lead'], optionalRoles: [], parallel: false, deliverables: [], skills: [], dependsOn: ['planning'], approval: { instructions: 'check' }, budgetUsd: null, depth: 1 },
    ],
    ...overrides,
  };
}
