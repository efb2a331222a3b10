/** Factories for tasks and their sub-resources as the server sends them. */
import type { Task, TaskComment, TaskTimelineEntry } from '@dash/shared';

export function makeTask(overrides: Partial<Task> = {}): Task {
  return {
    id: 'task-1',
    title: 'Fix the login bug',
    description: 'Users cannot log in with SSO.',
    priority: 'medium',
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
    createdAt: '2025-01-01T10:00:00.000Z',
    updatedAt: '2025-01-01T10:00:00.000Z',
    queuedAt: '2025-01-01T10:00:00.000Z',
    startedAt: null,
    completedAt: null,
    resolvedAt: null,
    lastRunId: null,
    blockedReason: null,
    version: 1,
    ...overrides,
  };
}

/** `n` tasks, newest first (task-n … task-1), one minute apart. */
export function makeTasks(n: number, overrides: Partial<Task> = {}): Task[] {
  return Array.from({ length: n }, (_, i) => {
    const k = n - i;
    return makeTask({ id: `task-${k}`, title: `Task ${k}`, createdAt: `2025-01-01T10:${String(k).padStart(2, '0')}:00.000Z`, ...overrides });
  });
}

export function makeComment(overrides: Partial<TaskComment> = {}): TaskComment {
  return { id: 'c-1', taskId: 'task-1', kind: 'general', author: 'api', body: 'Looks good', createdAt: '2025-01-01T10:05:00.000Z', ...overrides };
}

export function makeTimelineEntry(overrides: Partial<TaskTimelineEntry> = {}): TaskTimelineEntry {
  return { id: 'tl-1', taskId: 'task-1', from: null, to: 'queued', actor: 'api', reason: null, at: '2025-01-01T10:00:00.000Z', data: null, ...overrides };
}
