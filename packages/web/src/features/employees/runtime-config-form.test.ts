import { describe, expect, it } from 'vitest';
import { makeEmployee } from '../../test-support/employee-fixtures';
import { describeStats } from './employee-display';
import { mapFieldIssues, toForm, toPatch } from './runtime-config-form';

describe('runtime config form', () => {
  const employee = makeEmployee({ runtimeConfig: { ...makeEmployee().runtimeConfig, allowedTools: ['Read', 'Edit'] } });

  it('sends nothing when nothing changed', () => {
    expect(toPatch(toForm(employee), employee)).toEqual({ body: null, errors: {} });
  });

  it('sends only the fields that changed, with lists parsed from lines or commas', () => {
    const form = { ...toForm(employee), status: 'paused' as const, maxTurns: '80', allowedTools: 'Read\nEdit, Bash(npm test:*)\n\n', model: '  opus ' };

    expect(toPatch(form, employee)).toEqual({
      body: {
        status: 'paused',
        runtimeConfig: { model: 'opus', maxTurns: 80, allowedTools: ['Read', 'Edit', 'Bash(npm test:*)'] },
      },
      errors: {},
    });
  });

  it('clears the model when the field is emptied, and sends a shell command as argv', () => {
    const withModel = makeEmployee({ runtimeConfig: { ...employee.runtimeConfig, model: 'opus' } });
    const form = { ...toForm(withModel), model: '', runtime: 'shell' as const, command: 'node\nscripts/run.mjs\n--fast' };

    expect(toPatch(form, withModel).body).toEqual({
      runtimeConfig: { runtime: 'shell', model: null, command: ['node', 'scripts/run.mjs', '--fast'] },
    });
  });

  it.each([
    ['maxTurns', 'abc', 'runtimeConfig.maxTurns'],
    ['maxTurns', '0', 'runtimeConfig.maxTurns'],
    ['maxTurns', '1001', 'runtimeConfig.maxTurns'],
    ['maxConcurrentTasks', '21', 'maxConcurrentTasks'],
    ['maxConcurrentTasks', '1.5', 'maxConcurrentTasks'],
  ] as const)('refuses %s = %j before any request', (key, value, field) => {
    const result = toPatch({ ...toForm(employee), [key]: value }, employee);

    expect(result.body).toBeNull();
    expect(result.errors[field]).toMatch(/from/);
  });

  it('asks for a command when switching to the shell runtime without one', () => {
    const result = toPatch({ ...toForm(employee), runtime: 'shell' }, employee);

    expect(result.errors['runtimeConfig.command']).toContain('one argument per line');
  });

  it('maps server field paths onto the form fields and keeps the rest apart', () => {
    const result = mapFieldIssues([
      { path: 'body.runtimeConfig.maxTurns', message: 'Too big' },
      { path: 'body.runtimeConfig.allowedTools.3', message: 'Too long' },
      { path: 'body.runtimeConfig.allowedTools.4', message: 'Empty' },
      { path: 'body.maxConcurrentTasks', message: 'Out of range' },
      { path: 'body', message: 'At least one field must be given' },
    ]);

    expect(result.fields).toEqual({
      'runtimeConfig.maxTurns': 'Too big',
      'runtimeConfig.allowedTools': 'Too long; Empty',
      maxConcurrentTasks: 'Out of range',
    });
    expect(result.other).toEqual([{ path: 'body', message: 'At least one field must be given' }]);
  });
});

describe('describeStats', () => {
  it('says "No runs yet" when there are no stats, never a made-up number', () => {
    expect(describeStats(null)).toBe('No runs yet');
    expect(describeStats({ runs: 0, successRate: null, costUsd: 0 })).toBe('No runs yet');
  });

  it('shows runs, success rate and cost from the stats', () => {
    expect(describeStats({ runs: 12, successRate: 0.75, costUsd: 3.456 })).toBe('12 runs · 75% succeeded · $3.46');
    expect(describeStats({ runs: 1, successRate: null, costUsd: 0.004 })).toBe('1 run · none finished · $0.0040');
  });
});
