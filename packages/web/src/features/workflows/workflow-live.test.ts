import { describe, expect, it } from 'vitest';
import { makeWorkflowRun } from '../../test-support/workflow-fixtures';
import { isNewer, toSummary } from './workflow-live';

describe('workflow live merge', () => {
  it('takes copies that are not older', () => {
    expect(isNewer({ version: 3 }, null)).toBe(true);
    expect(isNewer({ version: 3 }, { version: 3 })).toBe(true);
    expect(isNewer({ version: 2 }, { version: 3 })).toBe(false);
  });

  it('summarises a run for the list', () => {
    const run = makeWorkflowRun();
    const summary = toSummary(run);
    expect(summary.progress).toEqual({ total: 3, completed: 1, running: 0, awaitingApproval: 1 });
    expect('steps' in summary).toBe(false);
  });
});
