import { describe, expect, it } from 'vitest';
import type { RunSpec } from '../../ports/agent-supervisor.js';
import { CodexRunner } from './codex-runner.js';

const limits = { wallTimeoutMs: 0, idleTimeoutMs: 0, maxRestarts: 0, restartBackoffMs: 0, maxBackoffMs: 0, sigintGraceMs: 0, sigtermGraceMs: 0 };
const spec = (over: Partial<RunSpec> = {}): RunSpec => ({ runId: 'r1', runtime: 'codex', prompt: 'Fix it', cwd: '/repo', limits, ...over });

describe('CodexRunner invocation', () => {
  const sut = new CodexRunner();

  it('runs codex exec --json reading the prompt from stdin, then closes stdin', () => {
    const inv = sut.buildInvocation(spec(), '/usr/local/bin/codex', { PATH: '/usr/bin', CODEX_HOME: '/h' });
    expect(inv).toEqual({
      command: '/usr/local/bin/codex',
      args: ['exec', '--json', '--skip-git-repo-check', '--cd', '/repo', '-'],
      env: { PATH: '/usr/bin', CODEX_HOME: '/h', DASH_RUN_ID: 'r1' },
      cwd: '/repo',
      stdinLines: ['Fix it'],
      closeStdin: 'after-initial',
    });
  });

  it('passes model, sandbox and resume as argv, the role prompt on stdin', () => {
    const inv = sut.buildInvocation(
      spec({ model: 'gpt-5-codex', permissionMode: 'bypassPermissions', resumeSessionId: 'th-9', systemPrompt: 'Be careful.' }),
      '/bin/codex',
      {},
    );
    expect(inv.args).toEqual([
      'exec', '--json', '--skip-git-repo-check', '--cd', '/repo', '--model', 'gpt-5-codex',
      '--dangerously-bypass-approvals-and-sandbox', 'resume', 'th-9', '-',
    ]);
    expect(inv.stdinLines[0]).toMatch(/^<role_instructions>\nBe careful\.\n<\/role_instructions>\n\nFix it$/);
  });

  it.each([
    ['plan', ['--sandbox', 'read-only']],
    ['acceptEdits', ['--sandbox', 'workspace-write']],
    ['default', []],
  ] as const)('maps permission mode %s', (mode, flags) => {
    const args = sut.buildInvocation(spec({ permissionMode: mode }), '/bin/codex', {}).args;
    expect(args.slice(5, -1)).toEqual(flags);
  });

  it('cannot take follow-ups', () => {
    expect(sut.encodeInput()).toBeNull();
  });
});
