import { describe, expect, it } from 'vitest';
import type { RunSpec } from '../../ports/agent-supervisor.js';
import { BASE_ARGS, buildClaudeArgs, encodeUserMessage } from './claude-code-args.js';

const limits: RunSpec['limits'] = {
  wallTimeoutMs: 0,
  idleTimeoutMs: 0,
  maxRestarts: 0,
  restartBackoffMs: 1000,
  maxBackoffMs: 1000,
  sigintGraceMs: 1000,
  sigtermGraceMs: 1000,
};

const spec = (over: Partial<RunSpec> = {}): RunSpec => ({
  runId: 'run-1',
  runtime: 'claude-code',
  prompt: 'Do the task',
  cwd: '/work/repo',
  limits,
  ...over,
});

describe('buildClaudeArgs', () => {
  it('always runs headless with stream-json in and out, and nothing else by default', () => {
    expect(buildClaudeArgs(spec())).toEqual(['-p', '--output-format', 'stream-json', '--verbose', '--input-format', 'stream-json']);
    expect(BASE_ARGS).toContain('--verbose');
  });

  it('passes every option as one --flag=value element', () => {
    const args = buildClaudeArgs(
      spec({
        systemPrompt: 'You are the backend engineer.\nBe careful.',
        model: 'claude-sonnet-4-5',
        maxTurns: 12,
        allowedTools: ['Write', 'Bash(git log *)'],
        disallowedTools: ['WebFetch'],
        permissionMode: 'acceptEdits',
        resumeSessionId: '7089f4d6-e583-4500-bd3d-6e54b4ca5422',
        mcpConfigPath: '/tmp/run-1/mcp.json',
        permissionPromptTool: 'mcp__dashboard__approve_tool_use',
      }),
    );
    expect(args.slice(BASE_ARGS.length)).toEqual([
      '--append-system-prompt=You are the backend engineer.\nBe careful.',
      '--model=claude-sonnet-4-5',
      '--max-turns=12',
      '--allowedTools=Write,Bash(git log *)',
      '--disallowedTools=WebFetch',
      '--permission-mode=acceptEdits',
      '--resume=7089f4d6-e583-4500-bd3d-6e54b4ca5422',
      '--mcp-config=/tmp/run-1/mcp.json',
      '--permission-prompt-tool=mcp__dashboard__approve_tool_use',
    ]);
  });

  it('keeps a value that looks like a flag inside its own element', () => {
    const args = buildClaudeArgs(spec({ systemPrompt: '--dangerously-skip-permissions' }));
    expect(args).toContain('--append-system-prompt=--dangerously-skip-permissions');
    expect(args).not.toContain('--dangerously-skip-permissions');
  });

  it('never puts the prompt on the command line', () => {
    const args = buildClaudeArgs(spec({ prompt: 'secret task text' }));
    expect(args.join(' ')).not.toContain('secret task text');
  });

  it('leaves out empty values and empty tool lists', () => {
    const args = buildClaudeArgs(spec({ systemPrompt: '  ', model: '', allowedTools: [' ', ''], disallowedTools: [], resumeSessionId: '', mcpConfigPath: '' }));
    expect(args).toEqual([...BASE_ARGS]);
  });

  it('passes only a positive integer turn limit', () => {
    expect(buildClaudeArgs(spec({ maxTurns: 0 }))).toEqual([...BASE_ARGS]);
    expect(buildClaudeArgs(spec({ maxTurns: 2.5 }))).toEqual([...BASE_ARGS]);
    expect(buildClaudeArgs(spec({ maxTurns: 1 }))).toContain('--max-turns=1');
  });

  it('passes the default permission mode through (the CLI accepts it though --help omits it)', () => {
    expect(buildClaudeArgs(spec({ permissionMode: 'default' }))).toContain('--permission-mode=default');
  });
});

describe('encodeUserMessage', () => {
  it('is one JSON line in the stream-json user message shape', () => {
    const line = encodeUserMessage('Hello\n"world"');
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({
      type: 'user',
      message: { role: 'user', content: [{ type: 'text', text: 'Hello\n"world"' }] },
    });
  });
});
