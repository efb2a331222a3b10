import { describe, expect, it } from 'vitest';
import {
  createTaskBody,
  listTasksQuery,
  reopenTaskBody,
  storedTaskStatusIds,
  task,
  taskCounts,
  taskPriorityIds,
  taskPriorityWeights,
  updateTaskBody,
} from './tasks.js';

const issuesOf = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; code: string }> } }) =>
  result.error?.issues.map((i) => [i.path.join('.'), i.code]) ?? [];

describe('task schemas', () => {
  it('fills create defaults and refuses server-owned fields (strict)', () => {
    expect(createTaskBody.parse({ title: '  Ship it ', description: 'Deploy v2' })).toEqual({
      title: 'Ship it',
      description: 'Deploy v2',
      priority: 'medium',
      requiredSkills: [],
      labels: [],
      assignee: null,
      dependsOn: [],
      maxRetries: 2,
      timeoutMs: null,
      budgetUsd: null,
      workingDirectory: null,
    });
    for (const field of ['status', 'createdAt', 'id', 'version', 'attempts', 'assignedTo']) {
      const result = createTaskBody.safeParse({ title: 't', description: 'd', [field]: 'x' });
      expect(result.success, field).toBe(false);
      expect(issuesOf(result)).toEqual([['', 'unrecognized_keys']]);
    }
  });

  it('enforces the field rules: lengths, one skill vocabulary, label slugs, uniqueness, ranges', () => {
    const base = { title: 't', description: 'd' };
    const bad = (extra: object) => issuesOf(createTaskBody.safeParse({ ...base, ...extra }))[0]?.[0];
    expect(bad({ title: 'x'.repeat(201) })).toBe('title');
    expect(bad({ title: '   ' })).toBe('title');
    expect(bad({ description: '' })).toBe('description');
    expect(bad({ description: 'x'.repeat(20_001) })).toBe('description');
    expect(bad({ requiredSkills: ['coding'] })).toBe('requiredSkills.0'); // not in the vocabulary
    expect(bad({ requiredSkills: ['debugging', 'debugging'] })).toBe('requiredSkills');
    expect(bad({ labels: ['Needs-Review'] })).toBe('labels.0');
    expect(bad({ labels: ['a--b'] })).toBe('labels.0');
    expect(bad({ labels: ['x'.repeat(41)] })).toBe('labels.0');
    expect(bad({ labels: Array.from({ length: 21 }, (_, i) => `l${i}`) })).toBe('labels');
    expect(bad({ maxRetries: 11 })).toBe('maxRetries');
    expect(bad({ timeoutMs: 0 })).toBe('timeoutMs');
    for (const budgetUsd of [0, -2, 10_000.5, 0.00005, 2.12345, '3']) expect(bad({ budgetUsd }), String(budgetUsd)).toBe('budgetUsd');
    for (const budgetUsd of [0.0001, 0.0025, 2.5, 10_000, null]) expect(createTaskBody.parse({ ...base, budgetUsd }).budgetUsd).toBe(budgetUsd);
    expect(bad({ assignee: 'emp_4' })).toBe('assignee');
    expect(bad({ priority: 'critical' })).toBe('priority');
    const good = { ...base, labels: ['needs-review', 'v2'], requiredSkills: ['debugging'], assignee: 'emp_004' };
    expect(createTaskBody.safeParse(good).success).toBe(true);
  });

  it('allows only the listed fields in an update, with the version read', () => {
    const body = { version: 3, title: 'New', dependsOn: ['task_1'] };
    expect(updateTaskBody.parse(body)).toEqual(body);
    expect(updateTaskBody.safeParse({ title: 'New' }).success).toBe(false);
    expect(updateTaskBody.parse({ version: 3, budgetUsd: null })).toEqual({ version: 3, budgetUsd: null });
    expect(issuesOf(updateTaskBody.safeParse({ version: 3, budgetUsd: -1 }))).toEqual([['budgetUsd', 'too_small']]);
    expect(issuesOf(updateTaskBody.safeParse({ version: 1, status: 'completed' }))).toEqual([['', 'unrecognized_keys']]);
  });

  it('parses list filters from the query string', () => {
    expect(listTasksQuery.parse({ status: 'queued,running', priority: 'high', q: ' login ', limit: '10' })).toEqual({
      status: ['queued', 'running'],
      priority: ['high'],
      q: 'login',
      limit: 10,
    });
    expect(listTasksQuery.safeParse({ status: 'reopened' }).success).toBe(false); // never stored
    expect(listTasksQuery.safeParse({ limit: '500' }).success).toBe(false);
  });

  it('lets a reopen without a reason through (the domain answers 409 TASK_REOPEN_REASON_REQUIRED)', () => {
    expect(reopenTaskBody.parse({})).toEqual({});
    expect(reopenTaskBody.parse({ reason: 'missing tests', reassignTo: null })).toEqual({ reason: 'missing tests', reassignTo: null });
    expect(reopenTaskBody.safeParse({ reason: 'x', assignTo: 'emp_001' }).success).toBe(false);
  });

  it('orders priorities by queue weight and gives urgent the highest skill weight', () => {
    const queue = taskPriorityIds.map((p) => taskPriorityWeights[p].queue);
    const skill = taskPriorityIds.map((p) => taskPriorityWeights[p].skill);
    expect(queue).toEqual([...queue].sort((a, b) => a - b));
    expect(new Set(queue).size).toBe(4);
    expect(skill).toEqual([...skill].sort((a, b) => a - b));
  });

  it('never stores reopened, and counts every stored status', () => {
    expect(storedTaskStatusIds).not.toContain('reopened');
    expect(task.shape.status.safeParse('reopened').success).toBe(false);
    const counts = Object.fromEntries(storedTaskStatusIds.map((s) => [s, 0]));
    expect(taskCounts.safeParse(counts).success).toBe(true);
    const { pending: _omit, ...missing } = counts;
    expect(taskCounts.safeParse(missing).success).toBe(false);
  });
});
