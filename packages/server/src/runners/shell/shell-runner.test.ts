import { describe, expect, it } from 'vitest';
import type { RunSpec } from '../../ports/agent-supervisor.js';
import { isAppError } from '../../domain/app-error.js';
import { PROMPT_ENV_LIMIT_BYTES } from './shell-invocation.js';
import { ShellRunner } from './shell-runner.js';

const limits = { wallTimeoutMs: 0, idleTimeoutMs: 0, maxRestarts: 0, restartBackoffMs: 0, maxBackoffMs: 0, sigintGraceMs: 0, sigtermGraceMs: 0 };
const spec = (over: Partial<RunSpec> = {}): RunSpec => ({
  runId: 'r1',
  runtime: 'shell',
  prompt: 'do it',
  cwd: '/work',
  command: ['make', 'test', '--jobs=2'],
  limits,
  ...over,
});

describe('ShellRunner', () => {
  const sut = new ShellRunner();

  it('runs spec.command as argv with the task in DASH_* variables and the prompt on stdin', () => {
    const inv = sut.buildInvocation(
      spec({ task: { id: 't', title: 'T', description: 'D' }, env: { EXTRA: '1', DASH_RUN_ID: 'spoofed' } }),
      '/usr/bin/make',
      { PATH: '/usr/bin' },
    );
    expect(inv).toMatchObject({
      command: '/usr/bin/make',
      args: ['test', '--jobs=2'],
      cwd: '/work',
      stdinLines: ['do it'],
      closeStdin: 'after-initial',
    });
    expect(inv.env).toEqual({
      PATH: '/usr/bin',
      EXTRA: '1',
      DASH_RUN_ID: 'r1',
      DASH_TASK_ID: 't',
      DASH_TASK_TITLE: 'T',
      DASH_TASK_DESCRIPTION: 'D',
      DASH_PROMPT: 'do it',
    });
    expect(sut.executableFor(spec())).toBe('make');
  });

  it('cuts DASH_PROMPT below the kernel limit for one variable', () => {
    const inv = sut.buildInvocation(spec({ prompt: 'p'.repeat(200_000) }), '/bin/x', {});
    expect(Buffer.byteLength(inv.env.DASH_PROMPT ?? '')).toBe(PROMPT_ENV_LIMIT_BYTES);
    expect(inv.stdinLines[0]).toHaveLength(200_000);
  });

  it('needs a command', () => {
    let code = '';
    try {
      sut.executableFor(spec({ command: [] }));
    } catch (err) {
      code = isAppError(err) ? err.code : 'other';
    }
    expect(code).toBe('VALIDATION_FAILED');
  });

  it('judges by exit code, and by a printed result as well', () => {
    const ok = { code: 0, signal: null };
    const failedResult = { type: 'result', success: false, text: 'no', turns: null, durationMs: null, costUsd: null, errorKind: 'error' } as const;
    expect(sut.judge(null, ok).success).toBe(true);
    expect(sut.judge(null, { code: 1, signal: null }).errorCode).toBe('AGENT_CRASHED');
    expect(sut.judge(failedResult, ok).errorCode).toBe('AGENT_FAILED');
    expect(sut.encodeInput()).toBeNull();
  });
});
