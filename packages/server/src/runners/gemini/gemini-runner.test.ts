import { describe, expect, it } from 'vitest';
import type { RunSpec } from '../../ports/agent-supervisor.js';
import { GeminiRunner } from './gemini-runner.js';

const limits = { wallTimeoutMs: 0, idleTimeoutMs: 0, maxRestarts: 0, restartBackoffMs: 0, maxBackoffMs: 0, sigintGraceMs: 0, sigtermGraceMs: 0 };
const spec = (over: Partial<RunSpec> = {}): RunSpec => ({ runId: 'r1', runtime: 'gemini', prompt: 'Explain', cwd: '/repo', limits, ...over });

describe('GeminiRunner', () => {
  const sut = new GeminiRunner();

  it('runs headless with stream-json, the prompt piped on stdin', () => {
    expect(sut.buildInvocation(spec(), '/bin/gemini', { PATH: '/bin' })).toEqual({
      command: '/bin/gemini',
      args: ['--output-format', 'stream-json'],
      env: { PATH: '/bin', DASH_RUN_ID: 'r1' },
      cwd: '/repo',
      stdinLines: ['Explain'],
      closeStdin: 'after-initial',
    });
  });

  it('passes model, approval mode and resume', () => {
    const args = sut.buildInvocation(spec({ model: 'gemini-2.5-pro', permissionMode: 'acceptEdits', resumeSessionId: 's-1' }), '/g', {}).args;
    expect(args).toEqual(['--output-format', 'stream-json', '--model', 'gemini-2.5-pro', '--approval-mode', 'auto_edit', '--resume', 's-1']);
    expect(sut.buildInvocation(spec({ permissionMode: 'plan' }), '/g', {}).args.slice(2)).toEqual(['--approval-mode', 'plan']);
  });

  it('reads documented exit codes without a result, else the result or the exit', () => {
    expect(sut.judge(null, { code: 41, signal: null }).errorCode).toBe('AGENT_AUTH_FAILED');
    expect(sut.judge(null, { code: 53, signal: null }).errorCode).toBe('AGENT_MAX_TURNS');
    expect(sut.judge(null, { code: 0, signal: null }).success).toBe(true);
    expect(sut.judge(null, { code: 1, signal: null }).errorCode).toBe('AGENT_CRASHED');
    const ok = { type: 'result', success: true, text: 'x', turns: null, durationMs: null, costUsd: null, errorKind: null } as const;
    expect(sut.judge(ok, { code: 41, signal: null }).success).toBe(true);
  });
});
