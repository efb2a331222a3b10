import { describe, expect, it } from 'vitest';
import { findPhaseCycle, phaseDepths, resolvePhaseDependencies } from './workflow-dag.js';
import { createTaskBody } from './tasks.js';
import { workflowTemplateFile, type WorkflowTemplateFileInput } from './workflow-templates.js';

const phase = (key: string, extra: Record<string, unknown> = {}) => ({
  key,
  name: key,
  description: 'd',
  instructions: 'i',
  requiredRoles: ['qa_engineer'],
  ...extra,
});
const file = (phases: unknown[]): WorkflowTemplateFileInput => ({ version: 1, id: 'flow', name: 'Flow', description: 'd', phases }) as WorkflowTemplateFileInput;
const issues = (input: unknown) => {
  const result = workflowTemplateFile.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
};

describe('phase graph', () => {
  it('derives dependencies from order, grouping consecutive parallel phases', () => {
    const phases = [
      { key: 'a', parallel: false },
      { key: 'b', parallel: true },
      { key: 'c', parallel: true },
      { key: 'd', parallel: false },
      { key: 'e', parallel: true },
      { key: 'f', parallel: false, dependsOn: ['a'] },
    ];
    expect(resolvePhaseDependencies(phases)).toEqual([[], ['a'], ['a'], ['b', 'c'], ['d'], ['a']]);
  });

  it('finds cycles and computes depths', () => {
    expect(findPhaseCycle([{ key: 'a', dependsOn: ['c'] }, { key: 'b', dependsOn: ['a'] }, { key: 'c', dependsOn: ['b'] }])).toEqual(['a', 'c', 'b', 'a']);
    const dag = [{ key: 'a', dependsOn: [] }, { key: 'b', dependsOn: ['a'] }, { key: 'c', dependsOn: ['a'] }, { key: 'd', dependsOn: ['b', 'c'] }];
    expect(findPhaseCycle(dag)).toBeNull();
    expect(Object.fromEntries(phaseDepths(dag))).toEqual({ a: 0, b: 1, c: 1, d: 2 });
  });
});

describe('workflow template file', () => {
  it('parses a template, resolving dependencies, depths and defaults', () => {
    const parsed = workflowTemplateFile.parse(file([phase('a'), phase('b', { parallel: true }), phase('c', { parallel: true, approval: { instructions: 'check' } }), phase('d')]));
    expect(parsed.phases.map((p) => [p.key, p.dependsOn, p.depth, p.approval?.instructions ?? null])).toEqual([
      ['a', [], 0, null],
      ['b', ['a'], 1, null],
      ['c', ['a'], 1, 'check'],
      ['d', ['b', 'c'], 2, null],
    ]);
    expect(parsed.phases[0]).toMatchObject({ optionalRoles: [], deliverables: [], skills: [], parallel: false });
  });

  it('names the field at fault', () => {
    expect(issues(file([phase('a', { requiredRoles: ['wizard'] })]))[0]?.[0]).toBe('phases.0.requiredRoles.0');
    expect(issues(file([phase('a', { skills: ['magic'] })]))[0]?.[0]).toBe('phases.0.skills.0');
    expect(issues(file([phase('a', { requiredRoles: [] })]))[0]?.[0]).toBe('phases.0.requiredRoles');
    expect(issues(file([phase('a', { extra: 1 })]))[0]?.[0]).toBe('phases.0');
    expect(issues(file([phase('a'), phase('a')]))).toEqual([['phases.1.key', 'Duplicate phase key "a" (also phases.0)']]);
    expect(issues(file([phase('a', { optionalRoles: ['qa_engineer'] })]))).toEqual([['phases.0.optionalRoles.0', 'Role "qa_engineer" is already required in this phase']]);
    expect(issues(file([phase('a', { dependsOn: ['zzz'] })]))).toEqual([['phases.0.dependsOn.0', 'Unknown phase "zzz"']]);
    expect(issues(file([phase('a', { dependsOn: ['b'] }), phase('b', { dependsOn: ['a'] })]))).toEqual([['phases.0.dependsOn', 'The phases form a cycle: a → b → a']]);
    expect(issues({ ...file([phase('a')]), version: 2 })[0]?.[0]).toBe('version');
  });

  it('takes an optional step budget under the task budget rule (null when absent)', () => {
    const parsed = workflowTemplateFile.parse(file([phase('a', { budgetUsd: 2.5 }), phase('b')]));
    expect(parsed.phases.map((p) => p.budgetUsd)).toEqual([2.5, null]);
    for (const budgetUsd of [0.0001, 0.0025, 10_000]) expect(workflowTemplateFile.parse(file([phase('a', { budgetUsd })])).phases[0]?.budgetUsd).toBe(budgetUsd);
    // The same refusals as a task's budgetUsd (taskBudgetUsd), at the step's field path.
    for (const budgetUsd of [-1, 0, 0.00001, 2.12345, 10_000.5, '3', null]) {
      const found = issues(file([phase('a'), phase('b', { budgetUsd })]));
      expect(found.map(([path]) => path), String(budgetUsd)).toEqual(['phases.1.budgetUsd']);
    }
    expect(issues(file([phase('a', { budgetUsd: 0.00001 })]))[0]?.[1]).toBe(createTaskBody.safeParse({ title: 't', description: 'd', budgetUsd: 0.00001 }).error?.issues[0]?.message);
  });
});
