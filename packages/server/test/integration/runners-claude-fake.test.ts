/**
 * The fake agent standing in for `claude`: the real Claude Code runner, through the supervisor,
 * against fake-agent.mjs in its Claude stream-json dialect (configured as the claude binary).
 * Proves the fake is a faithful enough stand-in for e2e tests and benchmarks.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClaudeCodeRunner } from '../../src/runners/claude-code/claude-code-runner.js';
import { FAKE_AGENT } from '../fixtures/fake-agent/fake-agent-runner.js';
import { makeHarness, type Harness } from '../fixtures/fake-agent/harness.js';
import { RecordingSink } from '../fixtures/fake-agent/recording-sink.js';

let h: Harness;
beforeEach(() => {
  h = makeHarness({ runners: [new ClaudeCodeRunner()], binaryPaths: { 'claude-code': FAKE_AGENT } });
});
afterEach(async () => {
  await h.cleanup();
});

const claudeSpec = (script: Record<string, unknown>, limits = {}) => {
  const spec = h.fakeSpec({}, limits);
  return { ...spec, env: { FAKE_AGENT_SCRIPT: JSON.stringify({ format: 'claude', ...script }) } };
};

describe('ClaudeCodeRunner driving the fake agent', () => {
  it('maps a default fake session to normalized events and a succeeded run', async () => {
    const sink = new RecordingSink();
    const outcome = await h.supervisor.start(claudeSpec({ sessionId: 'sess-fake' }), sink).done;

    expect(outcome).toMatchObject({ status: 'succeeded', exitCode: 0, sessionId: 'sess-fake', resultText: 'Done.' });
    expect(sink.types()).toEqual(
      expect.arrayContaining(['session.started', 'assistant.text', 'tool.call', 'tool.result', 'usage', 'result', 'exit']),
    );
    expect(sink.of('raw')).toEqual([]);
    expect(sink.of('tool.call')[0]).toMatchObject({ name: 'Bash', input: { command: 'echo hello' } });
    expect(sink.of('result').at(-1)).toMatchObject({ success: true, turns: 1, sessionId: 'sess-fake' });
  });

  it('answers a follow-up sent while it works, then exits once stdin closes', async () => {
    const sink = new RecordingSink();
    const run = h.supervisor.start(claudeSpec({ steps: [{ text: 'first answer' }, { sleep: 300 }] }), sink);
    await sink.waitFor((e) => e.type === 'assistant.text' && e.text === 'first answer');

    run.sendInput('and one more thing');
    const outcome = await run.done;

    expect(outcome.status).toBe('succeeded');
    expect(sink.of('assistant.text').map((e) => e.text)).toContain('echo: and one more thing');
    expect(sink.of('result')).toHaveLength(2);
  });

  it('keeps invalid JSON lines raw and still completes', async () => {
    const sink = new RecordingSink();
    const outcome = await h.supervisor
      .start(claudeSpec({ steps: [{ text: 'a' }, { invalid: '{"type":"assistant", oops' }, { text: 'b' }] }), sink)
      .done;

    expect(outcome.status).toBe('succeeded');
    expect(sink.of('raw').map((e) => e.line)).toEqual(['{"type":"assistant", oops']);
    expect(sink.of('assistant.text').map((e) => e.text)).toEqual(['a', 'b']);
  });

  it('restarts a fake that crashes without a result', async () => {
    const sink = new RecordingSink();
    const outcome = await h.supervisor
      .start(claudeSpec({ steps: [{ crash: { code: 7 } }] }, { maxRestarts: 1, restartBackoffMs: 10 }), sink)
      .done;

    expect(outcome).toMatchObject({ status: 'failed', restarts: 1, exitCode: 7, errorCode: 'AGENT_CRASHED' });
  });
});
