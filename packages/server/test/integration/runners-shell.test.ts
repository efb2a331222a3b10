/** The shell runner end to end: argv without a shell, DASH_* variables, prompt on stdin, exit code. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_AGENT, makeHarness, type Harness } from '../fixtures/fake-agent/harness.js';
import { RecordingSink } from '../fixtures/fake-agent/recording-sink.js';

let h: Harness;
beforeEach(() => {
  h = makeHarness();
});
afterEach(async () => {
  await h.cleanup();
});

const node = (code: string): string[] => [process.execPath, '-e', code];

describe('ShellRunner', () => {
  it('passes the task in DASH_* variables and the prompt on stdin; lines become assistant text', async () => {
    const code = `
      let input = '';
      process.stdin.on('data', (d) => (input += d));
      process.stdin.on('end', () => {
        const e = process.env;
        console.log('run=' + e.DASH_RUN_ID + ' task=' + e.DASH_TASK_ID + ' title=' + e.DASH_TASK_TITLE);
        console.log('desc=' + e.DASH_TASK_DESCRIPTION + ' prompt=' + e.DASH_PROMPT);
        console.log('stdin=' + JSON.stringify(input));
        console.log('cwd=' + process.cwd());
      });`;
    const spec = h.shellSpec(node(code), {}, {
      prompt: 'fix the bug; rm -rf / $(whoami)',
      task: { id: 't-1', title: 'Bug', description: 'It crashes' },
    });
    const sink = new RecordingSink();

    const outcome = await h.supervisor.start(spec, sink).done;

    expect(outcome).toMatchObject({ status: 'succeeded', exitCode: 0 });
    expect(sink.of('assistant.text').map((e) => e.text)).toEqual([
      `run=${spec.runId} task=t-1 title=Bug`,
      'desc=It crashes prompt=fix the bug; rm -rf / $(whoami)',
      `stdin=${JSON.stringify('fix the bug; rm -rf / $(whoami)\n')}`,
      `cwd=${h.dir}`,
    ]);
    // The synthesized result carries the last text.
    expect(sink.of('result')).toEqual([expect.objectContaining({ success: true, text: `cwd=${h.dir}` })]);
  });

  it('takes structured AgentEvent lines as events and fails on a non-zero exit', async () => {
    const lines = [
      { type: 'tool.call', toolUseId: 'a', name: 'Bash', input: { command: 'ls' } },
      { type: 'usage', inputTokens: 1, outputTokens: 2, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: null, cumulative: false },
      { type: 'exit', code: 0, signal: null },
    ];
    const code = `${lines.map((l) => `console.log(${JSON.stringify(JSON.stringify(l))});`).join('')} console.log('plain'); process.exit(4);`;
    const sink = new RecordingSink();

    const outcome = await h.supervisor.start(h.shellSpec(node(code)), sink).done;

    expect(outcome).toMatchObject({ status: 'failed', exitCode: 4, errorCode: 'AGENT_CRASHED' });
    expect(sink.of('tool.call')).toHaveLength(1);
    expect(sink.of('usage')).toHaveLength(1);
    // A script may not forge supervisor-owned events: its "exit" line is kept raw.
    expect(sink.of('raw').map((e) => JSON.parse(e.line).type)).toEqual(['exit']);
    expect(sink.of('exit')).toEqual([{ type: 'exit', code: 4, signal: null }]);
    expect(sink.of('result').at(-1)).toMatchObject({ success: false, text: 'plain', errorKind: 'error' });
  });

  it('runs a command found on PATH by name, without any shell', async () => {
    const sink = new RecordingSink();
    // With a shell, `$HOME` and `;` would be interpreted; here they are literal argv.
    const outcome = await h.supervisor.start(h.shellSpec(['echo', '$HOME;', 'done']), sink).done;
    expect(outcome.status).toBe('succeeded');
    expect(sink.of('assistant.text').map((e) => e.text)).toEqual(['$HOME; done']);
  });

  it('drives the fake agent (an executable script) in its plain-text dialect', async () => {
    const sink = new RecordingSink();
    const spec = h.shellSpec([FAKE_AGENT], {}, {
      env: { FAKE_AGENT_SCRIPT: JSON.stringify({ format: 'text', steps: [{ text: 'hello from fake' }] }) },
      prompt: 'line one\nline two',
    });

    const outcome = await h.supervisor.start(spec, sink).done;

    expect(outcome.status).toBe('succeeded');
    expect(sink.of('assistant.text').map((e) => e.text)).toEqual(['hello from fake', 'RESULT ok: hello from fake']);
  });
});
