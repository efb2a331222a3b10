import { employee, type Employee, type Task } from '@dash/shared';
import { describe, expect, it } from 'vitest';
import { buildRunRequest, taskPrompt, workingDirectoryFor } from './run-request.js';

const member = (runtimeConfig: Record<string, unknown> = {}): Employee =>
  employee.parse({
    id: 'emp_101',
    name: 'Dev',
    role: 'senior_developer',
    department: 'development',
    level: 'senior',
    skills: ['feature_implementation'],
    promptFile: 'senior-developer.md',
    runtimeConfig,
  });

const task = (extra: Partial<Task> = {}): Task => ({
  id: 'task-1',
  title: 'Add login',
  description: 'With tests.',
  priority: 'high',
  status: 'queued',
  requiredSkills: [],
  assignee: null,
  assignedTo: null,
  assignment: null,
  dependsOn: [],
  maxRetries: 2,
  attempts: 0,
  timeoutMs: null,
  budgetUsd: null,
  workingDirectory: null,
  labels: [],
  createdBy: 'api',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  queuedAt: '2026-01-01T00:00:00.000Z',
  startedAt: null,
  completedAt: null,
  resolvedAt: null,
  lastRunId: null,
  blockedReason: null,
  version: 1,
  ...extra,
});

describe('buildRunRequest', () => {
  it('maps the employee runtime config, the role prompt and the task', () => {
    const e = member({ model: 'opus', allowedTools: ['Read', 'Bash(git *)'], disallowedTools: ['WebFetch'], permissionMode: 'plan', maxTurns: 7, timeoutMs: 60_000 });
    expect(buildRunRequest(task(), e, 'You are a senior developer.')).toEqual({
      runtime: 'claude-code',
      prompt: 'Add login\n\nWith tests.',
      systemPrompt: 'You are a senior developer.',
      model: 'opus',
      maxTurns: 7,
      allowedTools: ['Read', 'Bash(git *)'],
      disallowedTools: ['WebFetch'],
      permissionMode: 'plan',
      taskId: 'task-1',
      employeeId: 'emp_101',
      task: { id: 'task-1', title: 'Add login', description: 'With tests.' },
      limits: { wallTimeoutMs: 60_000 },
    });
  });

  it('leaves out what is empty and lets the task timeout win', () => {
    const request = buildRunRequest(task({ timeoutMs: 5_000 }), member(), null);
    expect(request).not.toHaveProperty('systemPrompt');
    expect(request).not.toHaveProperty('model');
    expect(request).not.toHaveProperty('allowedTools');
    expect(request).not.toHaveProperty('cwd');
    expect(request.limits).toEqual({ wallTimeoutMs: 5_000 });
  });

  it('passes the shell command as argv', () => {
    expect(buildRunRequest(task(), member({ runtime: 'shell', command: ['make', 'test'] }), null)).toMatchObject({ runtime: 'shell', command: ['make', 'test'] });
  });
});

describe('workingDirectoryFor', () => {
  it('takes the task directory, under the employee root when relative', () => {
    expect(workingDirectoryFor({ workingDirectory: 'repo/app' }, '/srv/emp')).toBe('/srv/emp/repo/app');
    expect(workingDirectoryFor({ workingDirectory: '/abs/dir' }, '/srv/emp')).toBe('/abs/dir');
    expect(workingDirectoryFor({ workingDirectory: 'repo' }, null)).toBe('repo');
  });

  it('falls back to the employee root, else to a fresh directory (undefined)', () => {
    expect(workingDirectoryFor({ workingDirectory: null }, 'team/emp_101')).toBe('team/emp_101');
    expect(workingDirectoryFor({ workingDirectory: null }, null)).toBeUndefined();
  });

  it('builds the prompt from title and description', () => {
    expect(taskPrompt({ title: 'T', description: 'D' })).toBe('T\n\nD');
    expect(taskPrompt({ title: 'T', description: 'D' }, 'Relevant memories:\n[mem_1] x')).toBe('T\n\nD\n\n---\nRelevant memories:\n[mem_1] x');
  });
});
