import { describe, expect, it } from 'vitest';
import { storedTaskStatusIds } from '@dash/shared';
import { assertTaskEditable, lockedTaskField } from './task-edit-rules.js';

describe('task edit rules', () => {
  it('lets dependencies change only before the task started, or while it is blocked', () => {
    const editable = storedTaskStatusIds.filter((s) => lockedTaskField(s, ['dependsOn']) === null);
    expect(editable.sort()).toEqual(['blocked', 'pending', 'queued']);
  });

  it('lets other fields change in any status but cancelled', () => {
    for (const status of storedTaskStatusIds) {
      const locked = lockedTaskField(status, ['title', 'priority', 'assignee', 'labels']);
      expect(locked, status).toBe(status === 'cancelled' ? 'title' : null);
    }
  });

  it('throws TASK_NOT_EDITABLE (409) naming the field and status', () => {
    expect(() => assertTaskEditable('running', ['title', 'dependsOn'])).toThrow(
      expect.objectContaining({ code: 'TASK_NOT_EDITABLE', status: 409, details: { field: 'dependsOn', status: 'running' } }),
    );
    expect(() => assertTaskEditable('queued', ['dependsOn', 'title'])).not.toThrow();
  });
});
