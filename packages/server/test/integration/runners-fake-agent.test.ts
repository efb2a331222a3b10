/**
 * The fake agent's Claude Code dialect (what it prints when standing in for `claude`), checked
 * through the shell runner: every line is JSON that is not an AgentEvent, so it arrives as `raw`.
 */
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

type Json = Record<string, unknown> & { type: string };

async function claudeLines(script: Record<string, unknown>, prompt = 'hello'): Promise<Json[]> {
  const sink = new RecordingSink();
  const spec = h.shellSpec([FAKE_AGENT], {}, { env: { FAKE_AGENT_SCRIPT: JSON.stringify(script) }, prompt });
  await h.supervisor.start(spec, sink).done;
  return sink.of('raw').map((e) => JSON.parse(e.line) as Json);
}

describe('fake agent, Claude Code stream-json dialect', () => {
  it('prints system/init, assistant text and tool_use, user tool_result, then result', async () => {
    const lines = await claudeLines({ sessionId: 'sess-1', model: 'claude-fake' });

    expect(lines.map((l) => l.type)).toEqual(['system', 'assistant', 'assistant', 'user', 'assistant', 'result']);
    expect(lines[0]).toMatchObject({ subtype: 'init', session_id: 'sess-1', model: 'claude-fake', cwd: h.dir });
    expect(lines[1]).toMatchObject({
      message: { role: 'assistant', content: [{ type: 'text', text: 'Working on: hello' }] },
      session_id: 'sess-1',
    });
    expect(lines[2]).toMatchObject({ message: { content: [{ type: 'tool_use', id: 'toolu_fake_1', name: 'Bash' }] } });
    expect(lines[3]).toMatchObject({
      message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_fake_1', is_error: false }] },
    });
    expect(lines[5]).toMatchObject({
      subtype: 'success',
      is_error: false,
      result: 'Done.',
      num_turns: 1,
      session_id: 'sess-1',
      total_cost_usd: expect.any(Number),
      duration_ms: expect.any(Number),
      usage: { input_tokens: expect.any(Number), output_tokens: expect.any(Number) },
    });
    // Every line carries a wall-clock timestamp for latency measurements.
    for (const line of lines) expect(Math.abs(Number(line.ts) - Date.now())).toBeLessThan(60_000);
  });

  it('reports a failed result with an error subtype', async () => {
    const lines = await claudeLines({ steps: [], result: { success: false, subtype: 'error_max_turns', text: 'out of turns' } });
    expect(lines.at(-1)).toMatchObject({ type: 'result', subtype: 'error_max_turns', is_error: true, result: 'out of turns' });
  });

  it('prints its version like a CLI', async () => {
    const sink = new RecordingSink();
    await h.supervisor.start(h.shellSpec([FAKE_AGENT, '--version']), sink).done;
    expect(sink.of('assistant.text').map((e) => e.text)).toEqual(['2.1.0 (Fake Agent)']);
  });
});
