/** Follow-up messages on stdin: delivered and answered while the agent runs, refused afterwards. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/domain/app-error.js';
import { makeHarness, type Harness } from '../fixtures/fake-agent/harness.js';
import { RecordingSink } from '../fixtures/fake-agent/recording-sink.js';

let h: Harness;
beforeEach(() => {
  h = makeHarness();
});
afterEach(async () => {
  await h.cleanup();
});

const codeOf = (fn: () => void): string | null => {
  try {
    fn();
    return null;
  } catch (err) {
    return isAppError(err) ? err.code : `not an AppError: ${String(err)}`;
  }
};

describe('ProcessSupervisor follow-up input', () => {
  it('delivers a follow-up that the agent echoes, then closes stdin after the last result', async () => {
    const sink = new RecordingSink();
    const run = h.supervisor.start(h.fakeSpec({ steps: [{ text: 'first' }, { sleep: 300 }] }), sink);
    await sink.waitFor((e) => e.type === 'assistant.text' && e.text === 'first');

    run.sendInput('please also do this');
    const outcome = await run.done;

    expect(outcome.status).toBe('succeeded');
    expect(sink.of('user.message').map((e) => e.text)).toEqual(['do the thing', 'please also do this']);
    expect(sink.of('assistant.text').map((e) => e.text)).toEqual(['first', 'echo: please also do this']);
    expect(sink.of('result')).toHaveLength(2);
    expect(outcome.resultText).toBe('echo: please also do this');
  });

  it('refuses input once the run has ended (RUN_NOT_ACTIVE)', async () => {
    const sink = new RecordingSink();
    const run = h.supervisor.start(h.fakeSpec({}), sink);
    await run.done;

    expect(codeOf(() => run.sendInput('too late'))).toBe('RUN_NOT_ACTIVE');
  });

  it('refuses input while the run is stopping', async () => {
    const sink = new RecordingSink();
    const run = h.supervisor.start(h.fakeSpec({ ignoreSignals: ['SIGINT'], steps: [{ hang: true }] }), sink);
    await sink.waitFor((e) => e.type === 'supervisor' && e.action === 'spawned');
    const stopping = run.stop('user');

    expect(codeOf(() => run.sendInput('hello?'))).toBe('RUN_NOT_ACTIVE');
    await stopping;
  });

  it('refuses input for a runtime that cannot take it (RUN_INPUT_UNSUPPORTED)', async () => {
    const sink = new RecordingSink();
    const run = h.supervisor.start(h.shellSpec([process.execPath, '-e', 'setTimeout(() => {}, 300)']), sink);

    expect(codeOf(() => run.sendInput('hi'))).toBe('RUN_INPUT_UNSUPPORTED');
    expect((await run.done).status).toBe('succeeded');
  });

  it('survives an agent that exits without reading its stdin (EPIPE)', async () => {
    const sink = new RecordingSink();
    const bigPrompt = 'x'.repeat(4 * 1024 * 1024);
    const run = h.supervisor.start(
      h.shellSpec([process.execPath, '-e', 'process.exit(0)'], {}, { prompt: bigPrompt }),
      sink,
    );
    const outcome = await run.done;
    expect(outcome.status).toBe('succeeded');
  });
});
