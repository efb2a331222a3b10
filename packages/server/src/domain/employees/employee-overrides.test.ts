import { employee, type Employee } from '@dash/shared';
import { describe, expect, it } from 'vitest';
import { applyOverrides, compactOverrides, hasOverrides, mergeOverrides } from './employee-overrides.js';

const record: Employee = employee.parse({
  id: 'emp_004',
  name: 'Sam',
  role: 'senior_developer',
  department: 'development',
  level: 'senior',
  skills: ['feature_implementation', 'code_review'],
  promptFile: 'senior-developer.md',
  maxConcurrentTasks: 2,
  runtimeConfig: { maxTurns: 80 },
});

describe('employee overrides', () => {
  it('merges later edits key by key, runtime-config keys individually', () => {
    const merged = mergeOverrides(
      { status: 'paused', runtimeConfig: { model: 'opus', maxTurns: 10 } },
      { status: 'active', runtimeConfig: { maxTurns: 20 } },
    );
    expect(merged).toEqual({ status: 'active', runtimeConfig: { model: 'opus', maxTurns: 20 } });
  });

  it('compacts undefined keys and empty runtime patches', () => {
    expect(compactOverrides({ status: undefined, runtimeConfig: {} })).toEqual({});
    expect(hasOverrides({ runtimeConfig: { model: undefined } })).toBe(false);
    expect(hasOverrides({ maxConcurrentTasks: 3 })).toBe(true);
  });

  it('applies overrides over the file record and keeps the other runtime keys', () => {
    const result = applyOverrides(record, { skills: ['testing'], runtimeConfig: { model: 'sonnet' } });
    expect(result).toMatchObject({ ok: true, employee: { skills: ['testing'], maxConcurrentTasks: 2 } });
    if (result.ok) expect(result.employee.runtimeConfig).toMatchObject({ model: 'sonnet', maxTurns: 80, runtime: 'claude-code' });
  });

  it('reports the field at fault when the combination is invalid', () => {
    expect(applyOverrides(record, { runtimeConfig: { runtime: 'shell' } })).toEqual({
      ok: false,
      issues: [{ path: 'runtimeConfig.command', message: expect.stringMatching(/shell runtime needs a command/) }],
    });
  });
});
