import { describe, expect, it } from 'vitest';
import { deriveRunStatus } from './run-status.js';

const s = (key: string, status: Parameters<typeof deriveRunStatus>[0][number]['status'], reason: string | null = null) => ({ key, status, reason });

describe('run status from steps', () => {
  it('fails on a failed step, completes when all completed, waits while a gate waits', () => {
    expect(deriveRunStatus([s('a', 'completed'), s('b', 'failed', 'boom'), s('c', 'awaiting_approval')])).toEqual({ status: 'failed', failedStep: { key: 'b', reason: 'boom' } });
    expect(deriveRunStatus([s('a', 'completed'), s('b', 'completed')]).status).toBe('completed');
    expect(deriveRunStatus([s('a', 'awaiting_approval'), s('b', 'running')]).status).toBe('awaiting_approval');
    expect(deriveRunStatus([s('a', 'completed'), s('b', 'pending')]).status).toBe('running');
    expect(deriveRunStatus([]).status).toBe('running');
  });
});
