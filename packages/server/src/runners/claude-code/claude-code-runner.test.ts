import type { AgentEventOf } from '@dash/shared';
import { describe, expect, it } from 'vitest';
import type { RunSpec } from '../../ports/agent-supervisor.js';
import { BASE_ARGS } from './claude-code-args.js';
import { ClaudeCodeRunner } from './claude-code-runner.js';
import { ClaudeStreamJsonParser } from './stream-json-parser.js';

const spec: RunSpec = {
  runId: 'run-42',
  runtime: 'claude-code',
  prompt: 'Create hello.txt',
  systemPrompt: 'You are the backend engineer.',
  cwd: '/work/repo',
  permissionMode: 'acceptEdits',
  env: { ANTHROPIC_BASE_URL: 'http://127.0.0.1:1234', PATH: '/run/bin' },
  limits: { wallTimeoutMs: 0, idleTimeoutMs: 0, maxRestarts: 0, restartBackoffMs: 1, maxBackoffMs: 1, sigintGraceMs: 1, sigtermGraceMs: 1 },
};

const result = (over: Partial<AgentEventOf<'result'>> = {}): AgentEventOf<'result'> => ({
  type: 'result',
  success: true,
  text: 'done',
  turns: 1,
  durationMs: 5,
  costUsd: 0.01,
  errorKind: null,
  ...over,
});

describe('ClaudeCodeRunner', () => {
  const runner = new ClaudeCodeRunner();

  it('describes the claude binary', () => {
    expect(runner.runtime).toBe('claude-code');
    expect(runner.binary).toBe('claude');
    expect(runner.versionArgs).toEqual(['--version']);
  });

  it('builds an invocation: argv array, prompt on stdin, cwd from the spec, close stdin on result', () => {
    const inv = runner.buildInvocation(spec, '/opt/bin/claude', { PATH: '/usr/bin', HOME: '/home/dash' });
    expect(inv.command).toBe('/opt/bin/claude');
    expect(inv.args.slice(0, BASE_ARGS.length)).toEqual([...BASE_ARGS]);
    expect(inv.args).toContain('--append-system-prompt=You are the backend engineer.');
    expect(inv.args).toContain('--permission-mode=acceptEdits');
    expect(inv.cwd).toBe('/work/repo');
    expect(inv.closeStdin).toBe('on-result');
    expect(inv.stdinLines).toEqual([runner.encodeInput('Create hello.txt')]);
    expect(inv.args.join(' ')).not.toContain('Create hello.txt');
  });

  it('passes base env and run env (run wins) and adds only DASH_RUN_ID', () => {
    const inv = runner.buildInvocation(spec, '/opt/bin/claude', { PATH: '/usr/bin', HOME: '/home/dash' });
    expect(inv.env).toEqual({ PATH: '/run/bin', HOME: '/home/dash', ANTHROPIC_BASE_URL: 'http://127.0.0.1:1234', DASH_RUN_ID: 'run-42' });
  });

  it('encodes follow-ups as stream-json user messages', () => {
    expect(JSON.parse(runner.encodeInput('next?'))).toEqual({ type: 'user', message: { role: 'user', content: [{ type: 'text', text: 'next?' }] } });
  });

  it('creates a fresh parser per call', () => {
    const a = runner.createParser();
    expect(a).toBeInstanceOf(ClaudeStreamJsonParser);
    expect(runner.createParser()).not.toBe(a);
  });

  describe('judge', () => {
    it('fails without a result even on exit 0', () => {
      expect(runner.judge(null, { code: 0, signal: null })).toEqual({
        success: false,
        errorCode: 'AGENT_CRASHED',
        errorMessage: 'the agent exited with code 0 without reporting a result',
      });
      expect(runner.judge(null, { code: null, signal: 'SIGKILL' }).errorMessage).toBe('the agent was killed by SIGKILL without reporting a result');
    });

    it('succeeds on a successful result, whatever the exit', () => {
      expect(runner.judge(result(), { code: 0, signal: null }).success).toBe(true);
      expect(runner.judge(result(), { code: 1, signal: null }).success).toBe(true);
    });

    it('maps the error kind of a failed result to an error code', () => {
      expect(runner.judge(result({ success: false, errorKind: 'rate_limit', text: 'API Error: Request rejected (429)' }), { code: 1, signal: null })).toEqual({
        success: false,
        errorCode: 'AGENT_RATE_LIMITED',
        errorMessage: 'API Error: Request rejected (429)',
      });
      expect(runner.judge(result({ success: false, errorKind: 'max_turns', text: null }), { code: 1, signal: null }).errorCode).toBe('AGENT_MAX_TURNS');
      expect(runner.judge(result({ success: false, errorKind: 'auth' }), { code: 1, signal: null }).errorCode).toBe('AGENT_AUTH_FAILED');
      expect(runner.judge(result({ success: false, errorKind: 'error' }), { code: 0, signal: null }).errorCode).toBe('AGENT_FAILED');
    });
  });
});
