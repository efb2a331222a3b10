import { describe, expect, it } from 'vitest';
import type { AgentEventOf } from '@dash/shared';
import { classifyErrorMessage, verdictFromResult } from './verdict.js';
import { cutToolOutput, cutUtf8 } from './tool-output.js';

const result = (over: Partial<AgentEventOf<'result'>> = {}): AgentEventOf<'result'> => ({
  type: 'result',
  success: true,
  text: 'ok',
  turns: 1,
  durationMs: 10,
  costUsd: null,
  errorKind: null,
  ...over,
});

describe('verdictFromResult', () => {
  it('lets the result decide when there is one', () => {
    expect(verdictFromResult(result(), { code: 1, signal: null }).success).toBe(true);
    expect(verdictFromResult(result({ success: false, errorKind: 'max_turns', text: 'too long' }), { code: 0, signal: null })).toEqual({
      success: false,
      errorCode: 'AGENT_MAX_TURNS',
      errorMessage: 'too long',
    });
  });

  it('falls back to the exit without a result', () => {
    expect(verdictFromResult(null, { code: 0, signal: null }).success).toBe(true);
    expect(verdictFromResult(null, { code: 2, signal: null })).toMatchObject({ errorCode: 'AGENT_CRASHED', errorMessage: 'the agent exited with code 2' });
    expect(verdictFromResult(null, { code: null, signal: 'SIGSEGV' }).errorMessage).toContain('SIGSEGV');
  });
});

describe('classifyErrorMessage', () => {
  it.each([
    ['You exceeded your current quota', 'usage_limit'],
    ['429 Too Many Requests', 'rate_limit'],
    ['401 Unauthorized', 'auth'],
    ['Please log in first', 'auth'],
    ['Maximum session turns exceeded', 'max_turns'],
    ['disk full', 'error'],
    [null, 'error'],
  ] as const)('%s → %s', (message, kind) => {
    expect(classifyErrorMessage(message)).toBe(kind);
  });
});

describe('cutToolOutput', () => {
  it('keeps short output as it is', () => {
    expect(cutToolOutput('hello')).toEqual({ output: 'hello', truncated: false });
  });

  it('cuts long output on a character boundary and records the original size', () => {
    const cut = cutToolOutput('€'.repeat(10), 7);
    expect(cut).toEqual({ output: '€€', truncated: true, originalBytes: 30 });
    expect(cutUtf8('abc', 3)).toEqual({ text: 'abc', bytes: 3, truncated: false });
  });
});
