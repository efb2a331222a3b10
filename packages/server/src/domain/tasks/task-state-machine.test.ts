import { describe, expect, it } from 'vitest';
import { storedTaskStatusIds, taskStatusIds, type TaskStatus } from '@dash/shared';
import { AppError } from '../app-error.js';
import {
  assertTaskTransition,
  checkTaskTransition,
  planReopen,
  taskStatusesLeadingTo,
  taskTransitions,
} from './task-state-machine.js';

// Written out independently of the table under test: the reviewed list of legal steps.
const LEGAL = new Set([
  'pending>queued',
  'pending>blocked',
  'pending>cancelled',
  'queued>running',
  'queued>pending',
  'queued>cancelled',
  'running>completed',
  'running>failed',
  'running>cancelled',
  'completed>resolved',
  'completed>reopened',
  'resolved>reopened',
  'reopened>queued',
  'reopened>pending',
  'failed>queued',
  'failed>cancelled',
  'blocked>pending',
  'blocked>cancelled',
]);

const allPairs = taskStatusIds.flatMap((from) => taskStatusIds.map((to) => [from, to] as const));

describe('task state machine', () => {
  it('allows exactly the reviewed transitions (all 81 pairs checked)', () => {
    for (const [from, to] of allPairs) {
      const check = checkTaskTransition(from, to, { reason: 'because' });
      expect({ step: `${from}>${to}`, ok: check.ok }).toEqual({ step: `${from}>${to}`, ok: LEGAL.has(`${from}>${to}`) });
      if (!check.ok) expect(check.code).toBe('TASK_ILLEGAL_TRANSITION');
    }
  });

  it('treats cancelled as terminal and never lets a run skip its states', () => {
    expect(taskTransitions.cancelled).toEqual([]);
    expect(checkTaskTransition('queued', 'completed').ok).toBe(false);
    expect(checkTaskTransition('pending', 'running').ok).toBe(false);
    expect(checkTaskTransition('running', 'queued').ok).toBe(false);
    expect(checkTaskTransition('failed', 'resolved').ok).toBe(false);
  });

  it('requires a non-blank reason to reopen, with its own stable code', () => {
    for (const reason of [undefined, null, '', '   \n\t']) {
      const check = checkTaskTransition('completed', 'reopened', { reason });
      expect(check).toMatchObject({ ok: false, code: 'TASK_REOPEN_REASON_REQUIRED' });
    }
    expect(checkTaskTransition('resolved', 'reopened', { reason: "you didn't commit" })).toEqual({ ok: true });
    // An illegal step is reported as such even without a reason.
    expect(checkTaskTransition('running', 'reopened')).toMatchObject({ code: 'TASK_ILLEGAL_TRANSITION' });
  });

  it('assertTaskTransition throws an AppError that maps to 409 with the allowed targets', () => {
    const error = (() => {
      try {
        assertTaskTransition('completed', 'running');
      } catch (err) {
        return err;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: 'TASK_ILLEGAL_TRANSITION',
      status: 409,
      details: { from: 'completed', to: 'running', allowed: ['resolved', 'reopened'] },
    });
    expect(() => assertTaskTransition('completed', 'reopened', { reason: ' ' })).toThrow(
      expect.objectContaining({ code: 'TASK_REOPEN_REASON_REQUIRED', status: 409 }),
    );
    expect(() => assertTaskTransition('pending', 'queued')).not.toThrow();
  });

  it('lists the stored statuses that lead to a target (the from-list of a conditional write)', () => {
    expect(taskStatusesLeadingTo('cancelled').sort()).toEqual(['blocked', 'failed', 'pending', 'queued', 'running']);
    expect(taskStatusesLeadingTo('queued').sort()).toEqual(['failed', 'pending']);
    expect(taskStatusesLeadingTo('reopened').sort()).toEqual(['completed', 'resolved']);
  });

  it('plans a reopen as two steps through the transient reopened status', () => {
    expect(planReopen('completed', 'tests are missing', true)).toEqual({
      target: 'queued',
      steps: [
        ['completed', 'reopened'],
        ['reopened', 'queued'],
      ],
    });
    expect(planReopen('resolved', 'regressed', false).target).toBe('pending');
    expect(() => planReopen('completed', '', true)).toThrow(expect.objectContaining({ code: 'TASK_REOPEN_REASON_REQUIRED' }));
    expect(() => planReopen('failed', 'x', true)).toThrow(expect.objectContaining({ code: 'TASK_ILLEGAL_TRANSITION' }));
  });

  it('reaches every stored status from pending, and from every status a settled one', () => {
    const reach = (start: TaskStatus): Set<TaskStatus> => {
      const seen = new Set<TaskStatus>([start]);
      const queue = [start];
      for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
        for (const next of taskTransitions[s]) {
          if (seen.has(next)) continue;
          seen.add(next);
          queue.push(next);
        }
      }
      return seen;
    };
    expect([...reach('pending')].sort()).toEqual([...taskStatusIds].sort());
    for (const status of storedTaskStatusIds) {
      const reachable = reach(status);
      expect(reachable.has('cancelled') || reachable.has('resolved'), status).toBe(true);
    }
    // reopened is transient: every way out of it leads to a stored status.
    expect(taskTransitions.reopened.every((s) => s !== 'reopened')).toBe(true);
  });
});
