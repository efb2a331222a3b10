import { describe, expect, it } from 'vitest';
import { notificationFor } from './notifications.js';

const task = (status: string, version = 3) => ({ id: 't1', title: 'Fix the build', status, version, assignedTo: 'emp_001' });

describe('notificationFor', () => {
  it('notifies on a failed or completed task, keyed by its version, and on nothing else of a task', () => {
    expect(notificationFor('tasks', task('failed'))).toMatchObject({ key: 'task:t1:failed:3', event: 'task.failed', link: '/tasks/t1' });
    expect(notificationFor('tasks', task('completed', 4))).toMatchObject({ key: 'task:t1:completed:4', event: 'task.completed' });
    for (const status of ['pending', 'queued', 'running', 'resolved', 'cancelled', 'blocked']) expect(notificationFor('tasks', task(status))).toBeNull();
    expect(notificationFor('tasks', { id: 't1', deleted: true })).toBeNull();
  });

  it('notifies on a pending question or tool approval, not when it closes', () => {
    const request = { id: 'r1', runId: 'run1', taskId: 't1', employeeId: 'emp_001', question: 'Which branch?', status: 'pending', kind: 'question', tool: null };
    expect(notificationFor('input-requests', request)).toMatchObject({ key: 'input:r1', event: 'input.requested', body: 'Which branch?' });
    expect(notificationFor('input-requests', { ...request, kind: 'tool_approval', tool: { name: 'Bash' } })).toMatchObject({ event: 'approval.requested', title: 'Approval needed: Bash' });
    expect(notificationFor('input-requests', { ...request, status: 'answered' })).toBeNull();
  });

  it('notifies when a workflow step waits for approval, keyed by the waiting steps', () => {
    const run = { id: 'w1', title: 'Ship it', status: 'awaiting_approval', updatedAt: 'x', steps: [{ key: 'design', status: 'awaiting_approval' }, { key: 'build', status: 'pending' }] };
    expect(notificationFor('workflows', run)).toMatchObject({ key: 'workflow:w1:design', event: 'approval.requested', link: '/workflows/w1' });
    expect(notificationFor('workflows', { ...run, status: 'running' })).toBeNull();
  });

  it('ignores other topics and payloads', () => {
    expect(notificationFor('employees', task('failed'))).toBeNull();
    expect(notificationFor('tasks', null)).toBeNull();
    expect(notificationFor('alerts', { status: 'open' })).toBeNull();
  });
});
