import { workflowTemplateFile, type EmployeeRole } from '@dash/shared';
import { describe, expect, it } from 'vitest';
import { planStepTasks } from './step-plan.js';

const { version: _v, ...parsed } = workflowTemplateFile.parse({
  version: 1,
  id: 'flow',
  name: 'Flow',
  description: 'd',
  phases: [
    { key: 'review', name: 'Review', description: 'Look.', instructions: 'Check all.', requiredRoles: ['qa_director', 'project_manager'], optionalRoles: ['technical_lead', 'security_engineer'], deliverables: ['verdict'], approval: { instructions: 'Go or no-go.' } },
    { key: 'tests', name: 'Tests', description: 'Test.', instructions: 'Write tests.', requiredRoles: ['qa_engineer', 'test_engineer'], parallel: true },
  ],
});
const template = { ...parsed, file: 'flow.json' };
const staff: Partial<Record<EmployeeRole, string>> = { qa_director: 'emp_003', project_manager: 'emp_001', technical_lead: 'emp_002', qa_engineer: 'emp_006', test_engineer: 'emp_007' };
const pick = (role: EmployeeRole): string | null => staff[role] ?? null;
const run = (includeOptionalRoles: boolean) => ({ title: 'Ship it', request: 'Build the widget', template, includeOptionalRoles });

describe('step plan', () => {
  it('gives one task per required role, chained in a one-after-another phase', () => {
    const plan = planStepTasks(run(false), template.phases[0] as never, pick);
    if (!plan.ok) throw new Error(plan.reason);
    expect(plan.tasks.map((t) => [t.role, t.employeeId, t.position, t.after])).toEqual([
      ['qa_director', 'emp_003', 0, []],
      ['project_manager', 'emp_001', 1, [0]],
    ]);
    expect(plan.tasks[0]?.title).toBe('Ship it · Review (QA Director)');
    const description = plan.tasks[0]?.description ?? '';
    for (const part of ['step 1 of 2: Review', '## Request\nBuild the widget', '## Instructions\nCheck all.', '## Deliverables\n- verdict', 'Go or no-go.']) {
      expect(description).toContain(part);
    }
  });

  it('adds staffed optional roles when asked, and runs a parallel phase side by side', () => {
    const plan = planStepTasks(run(true), template.phases[0] as never, pick);
    expect(plan.ok && plan.tasks.map((t) => t.role)).toEqual(['qa_director', 'project_manager', 'technical_lead']);
    const parallel = planStepTasks(run(false), template.phases[1] as never, pick);
    expect(parallel.ok && parallel.tasks.map((t) => t.after)).toEqual([[], []]);
  });

  it('refuses a required role nobody has', () => {
    expect(planStepTasks(run(false), template.phases[0] as never, (role) => (role === 'qa_director' ? null : 'emp_1'))).toEqual({
      ok: false,
      reason: 'No active or paused employee has the role QA Director (qa_director)',
    });
  });
});
