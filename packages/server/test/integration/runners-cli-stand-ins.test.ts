/**
 * The Codex and Gemini runners through the real supervisor, against stand-in CLIs that record
 * their argv, cwd and stdin and print the sample JSONL of the official docs
 * (openai/codex docs/exec.md; google-gemini/gemini-cli docs/cli/headless.md and
 * packages/core/src/output/types.ts).
 */
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CodexRunner } from '../../src/runners/codex/index.js';
import { GeminiRunner } from '../../src/runners/gemini/index.js';
import { ProcessSupervisor } from '../../src/runners/supervisor/index.js';
import { baseEnv, makeHarness, type Harness } from '../fixtures/fake-agent/harness.js';
import { RecordingSink } from '../fixtures/fake-agent/recording-sink.js';

let h: Harness;
beforeEach(() => {
  h = makeHarness();
});
afterEach(async () => {
  await h.cleanup();
});

/** A Node script that records how it was called, then prints `lines` and exits with `code`. */
function standIn(name: string, lines: unknown[], code = 0): string {
  const path = join(h.dir, name);
  const record = join(h.dir, `${name}.call.json`);
  writeFileSync(
    path,
    `#!${process.execPath}
let stdin = '';
process.stdin.on('data', (d) => (stdin += d));
process.stdin.on('end', () => {
  require('node:fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd(), stdin, runId: process.env.DASH_RUN_ID }));
  for (const line of ${JSON.stringify(lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))))}) console.log(line);
  process.exit(${code});
});
`,
  );
  chmodSync(path, 0o755);
  return path;
}

const callOf = (name: string): { argv: string[]; cwd: string; stdin: string; runId: string } =>
  JSON.parse(readFileSync(join(h.dir, `${name}.call.json`), 'utf8'));

describe('CodexRunner with a stand-in codex', () => {
  it('invokes codex exec --json with the prompt on stdin and maps the documented events', async () => {
    const codex = standIn('codex', [
      { type: 'thread.started', thread_id: '0199a213-81c0-7800-8aa1-bbab2a035a53' },
      { type: 'turn.started' },
      { type: 'item.completed', item: { id: 'item_0', type: 'reasoning', text: '**Searching for README files**' } },
      {
        type: 'item.started',
        item: { id: 'item_1', type: 'command_execution', command: 'bash -lc ls', aggregated_output: '', status: 'in_progress' },
      },
      {
        type: 'item.completed',
        item: { id: 'item_1', type: 'command_execution', command: 'bash -lc ls', aggregated_output: 'README.md\n', exit_code: 0, status: 'completed' },
      },
      { type: 'item.completed', item: { id: 'item_3', type: 'agent_message', text: 'Yep — there’s a `README.md`.' } },
      { type: 'turn.completed', usage: { input_tokens: 24763, cached_input_tokens: 24448, output_tokens: 122 } },
    ]);
    const supervisor = new ProcessSupervisor({ runners: [new CodexRunner()], binaryPaths: { codex }, baseEnv: baseEnv() });
    const sink = new RecordingSink();
    const spec = {
      ...h.fakeSpec({}),
      env: {},
      runtime: 'codex' as const,
      prompt: 'Is there a README?',
      systemPrompt: 'You are terse.',
      model: 'gpt-5-codex',
      permissionMode: 'acceptEdits' as const,
    };

    const outcome = await supervisor.start(spec, sink).done;

    expect(outcome).toMatchObject({
      status: 'succeeded',
      sessionId: '0199a213-81c0-7800-8aa1-bbab2a035a53',
      resultText: 'Yep — there’s a `README.md`.',
    });
    const call = callOf('codex');
    expect(call.argv).toEqual([
      'exec', '--json', '--skip-git-repo-check', '--cd', h.dir, '--model', 'gpt-5-codex', '--sandbox', 'workspace-write', '-',
    ]);
    expect(call.cwd).toBe(h.dir);
    expect(call.runId).toBe(spec.runId);
    expect(call.stdin).toContain('You are terse.');
    expect(call.stdin.endsWith('Is there a README?\n')).toBe(true);
    expect(sink.types()).toEqual([
      'supervisor', 'user.message', 'session.started', 'tool.call', 'tool.result', 'assistant.text', 'usage', 'result', 'exit',
    ]);
    expect(sink.of('usage')[0]).toMatchObject({ inputTokens: 315, cacheReadTokens: 24448, outputTokens: 122 });
  });

  it('resumes a session and reports a failed turn', async () => {
    const codex = standIn(
      'codex',
      [{ type: 'thread.started', thread_id: 'th-1' }, { type: 'turn.failed', error: { message: 'stream error: 429 Too Many Requests' } }],
      1,
    );
    const supervisor = new ProcessSupervisor({ runners: [new CodexRunner()], binaryPaths: { codex }, baseEnv: baseEnv() });
    const sink = new RecordingSink();
    const spec = { ...h.fakeSpec({}, { maxRestarts: 2 }), env: {}, runtime: 'codex' as const, resumeSessionId: 'th-1' };

    const outcome = await supervisor.start(spec, sink).done;

    expect(callOf('codex').argv.slice(-3)).toEqual(['resume', 'th-1', '-']);
    // The CLI reported the failure itself: not a crash, no restart.
    expect(outcome).toMatchObject({ status: 'failed', errorCode: 'AGENT_RATE_LIMITED', restarts: 0 });
  });
});

describe('GeminiRunner with a stand-in gemini', () => {
  it('invokes gemini headless with stream-json and maps the documented events', async () => {
    const ts = '2025-10-10T12:00:00.000Z';
    const gemini = standIn('gemini', [
      { type: 'init', timestamp: ts, session_id: 'test-session-123', model: 'gemini-2.0-flash-exp' },
      { type: 'message', timestamp: ts, role: 'user', content: 'What is 2+2?' },
      { type: 'tool_use', timestamp: ts, tool_name: 'Read', tool_id: 'read-123', parameters: { file_path: '/path/to/file.txt' } },
      { type: 'tool_result', timestamp: ts, tool_id: 'read-123', status: 'success', output: 'File contents here' },
      { type: 'message', timestamp: ts, role: 'assistant', content: 'The answer ', delta: true },
      { type: 'message', timestamp: ts, role: 'assistant', content: 'is 4', delta: true },
      { type: 'error', timestamp: ts, severity: 'warning', message: 'Loop detected, stopping execution' },
      {
        type: 'result',
        timestamp: ts,
        status: 'success',
        stats: { total_tokens: 100, input_tokens: 50, output_tokens: 50, cached: 0, input: 50, duration_ms: 1200, tool_calls: 2 },
      },
    ]);
    const supervisor = new ProcessSupervisor({ runners: [new GeminiRunner()], binaryPaths: { gemini }, baseEnv: baseEnv() });
    const sink = new RecordingSink();
    const spec = { ...h.fakeSpec({}), env: {}, runtime: 'gemini' as const, prompt: 'What is 2+2?', permissionMode: 'bypassPermissions' as const };

    const outcome = await supervisor.start(spec, sink).done;

    expect(callOf('gemini').argv).toEqual(['--output-format', 'stream-json', '--approval-mode', 'yolo']);
    expect(callOf('gemini').stdin).toBe('What is 2+2?\n');
    expect(outcome).toMatchObject({ status: 'succeeded', sessionId: 'test-session-123', resultText: 'The answer is 4' });
    expect(sink.types()).toEqual([
      'supervisor', 'user.message', 'session.started', 'tool.call', 'tool.result', 'assistant.text', 'raw', 'usage', 'result', 'exit',
    ]);
  });

  it('reads the documented headless exit codes when no result was printed', async () => {
    const gemini = standIn('gemini', ['Error: please log in'], 41);
    const supervisor = new ProcessSupervisor({ runners: [new GeminiRunner()], binaryPaths: { gemini }, baseEnv: baseEnv() });
    const outcome = await supervisor.start({ ...h.fakeSpec({}), env: {}, runtime: 'gemini' }, new RecordingSink()).done;
    expect(outcome).toMatchObject({ status: 'failed', exitCode: 41, errorCode: 'AGENT_AUTH_FAILED' });
  });
});
