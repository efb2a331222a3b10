import { describe, expect, it } from 'vitest';
import { makeTask } from '../../test-support/task-fixtures';
import { ActivityLog } from './activity-log';

const NOW = Date.parse('2025-01-02T12:00:00.000Z');

describe('activity log', () => {
  it('records a transition when the status changes, not for other edits or stale copies', () => {
    const log = new ActivityLog();
    log.seed([makeTask({ id: 'a', status: 'queued', version: 1 })]);

    expect(log.apply(makeTask({ id: 'a', status: 'running', version: 2, assignedTo: 'emp_004', updatedAt: '2025-01-02T11:59:00.000Z' }))).toBe(true);
    expect(log.apply(makeTask({ id: 'a', status: 'running', version: 3, title: 'Renamed' }))).toBe(false);
    expect(log.apply(makeTask({ id: 'a', status: 'queued', version: 2 }))).toBe(false);

    expect(log.items[0]).toMatchObject({ taskId: 'a', from: 'queued', to: 'running', employeeId: 'emp_004', created: false });
    expect(log.items).toHaveLength(2);
  });

  it('seeds newest change first and keeps a bounded list', () => {
    const log = new ActivityLog(3);
    log.seed([
      makeTask({ id: 'old', updatedAt: '2025-01-01T10:00:00.000Z' }),
      makeTask({ id: 'new', updatedAt: '2025-01-01T12:00:00.000Z' }),
    ]);
    expect(log.items.map((i) => i.taskId)).toEqual(['new', 'old']);

    for (let v = 2; v < 10; v += 1) log.apply(makeTask({ id: 'x', status: v % 2 ? 'queued' : 'running', version: v }));
    expect(log.items).toHaveLength(3);
  });

  it('counts completions in a rolling window', () => {
    const log = new ActivityLog();
    log.apply(makeTask({ id: 'a', status: 'completed', version: 2 }), NOW - 90_000);
    log.apply(makeTask({ id: 'b', status: 'completed', version: 2 }), NOW - 30_000);
    log.apply(makeTask({ id: 'c', status: 'completed', version: 2 }), NOW - 1_000);

    expect(log.completedWithin(60_000, NOW)).toBe(2);
  });

  it('counts tasks that failed since midnight UTC and are still failed', () => {
    const log = new ActivityLog();
    log.seed([], [makeTask({ id: 'y', status: 'failed', updatedAt: '2025-01-01T23:00:00.000Z' })], NOW);
    log.apply(makeTask({ id: 'a', status: 'failed', version: 2, updatedAt: '2025-01-02T08:00:00.000Z' }), NOW);
    log.apply(makeTask({ id: 'b', status: 'failed', version: 2, updatedAt: '2025-01-02T09:00:00.000Z' }), NOW);
    expect(log.failedToday(NOW)).toBe(2);

    log.apply(makeTask({ id: 'b', status: 'queued', version: 3 }), NOW);
    log.remove('a');
    expect(log.failedToday(NOW)).toBe(0);
  });
});
