/**
 * Restarts after a crash only: exponential backoff (observed through supervisor events and the
 * attempts' start times), the restart limit, and no restart after timeouts or stops.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../fixtures/fake-agent/harness.js';
import { RecordingSink } from '../fixtures/fake-agent/recording-sink.js';

let h: Harness;
beforeEach(() => {
  h = makeHarness();
});
afterEach(async () => {
  await h.cleanup();
});

describe('ProcessSupervisor restarts', () => {
  it('restarts a crashing agent with doubling backoff and honours the limit', async () => {
    const sink = new RecordingSink();
    const run = h.supervisor.start(
      h.fakeSpec({ steps: [{ text: 'about to crash' }, { crash: { code: 3 } }] }, {
        maxRestarts: 3,
        restartBackoffMs: 40,
        maxBackoffMs: 100,
      }),
      sink,
    );

    const outcome = await run.done;

    expect(outcome).toMatchObject({ status: 'failed', exitCode: 3, restarts: 3, errorCode: 'AGENT_CRASHED' });
    expect(sink.starts.map((s) => s.attempt)).toEqual([1, 2, 3, 4]);
    const scheduled = sink.supervisor('restart_scheduled');
    expect(scheduled.map((e) => [e.attempt, e.delayMs])).toEqual([
      [2, 40],
      [3, 80],
      [4, 100], // capped by maxBackoffMs
    ]);
    // Each attempt started no earlier than its backoff after the previous one ended.
    const exits = sink.events.filter((e) => e.event.type === 'exit').map((e) => e.at);
    for (let i = 1; i < sink.starts.length; i += 1) {
      const delay = scheduled[i - 1]?.delayMs ?? 0;
      expect((sink.starts[i]?.at ?? 0) - (exits[i - 1] ?? 0)).toBeGreaterThanOrEqual(delay - 5);
    }
    expect(sink.supervisor('restart_limit')).toHaveLength(1);
    // Every attempt logs its exit; only the last one gets a (synthesized) result.
    expect(sink.of('exit')).toHaveLength(4);
    expect(sink.of('result')).toHaveLength(1);
    expect(sink.types().slice(-2)).toEqual(['result', 'exit']);
  });

  it('succeeds after restarts when the crash goes away', async () => {
    const sink = new RecordingSink();
    const counter = join(h.dir, 'attempts');
    const run = h.supervisor.start(
      h.fakeSpec({ steps: [{ crashUntil: { file: counter, times: 2, code: 1 } }, { text: 'finally' }] }, {
        maxRestarts: 5,
        restartBackoffMs: 10,
      }),
      sink,
    );

    const outcome = await run.done;

    expect(outcome).toMatchObject({ status: 'succeeded', restarts: 2, exitCode: 0, resultText: 'finally' });
    expect(sink.starts).toHaveLength(3);
    expect(sink.supervisor('restart_limit')).toEqual([]);
    // The agent's own result closes the log (no synthetic one).
    expect(sink.of('result')).toHaveLength(1);
    expect(sink.of('result')[0]).toMatchObject({ success: true, sessionId: 'fake-session' });
  });

  it('treats death by a signal it did not receive from us as a crash', async () => {
    const sink = new RecordingSink();
    const run = h.supervisor.start(
      h.fakeSpec({ steps: [{ crash: { signal: 'SIGKILL' } }] }, { maxRestarts: 1, restartBackoffMs: 10 }),
      sink,
    );

    const outcome = await run.done;

    expect(outcome).toMatchObject({ status: 'failed', exitSignal: 'SIGKILL', restarts: 1 });
    expect(outcome.errorMessage).toContain('SIGKILL');
    expect(sink.supervisor('signal_sent')).toEqual([]);
  });

  it('does not restart when the agent reported a result, even a failed one', async () => {
    const sink = new RecordingSink();
    const run = h.supervisor.start(
      h.fakeSpec({ result: { success: false, text: 'gave up', subtype: 'error_max_turns' }, exitCode: 1 }, {
        maxRestarts: 3,
        restartBackoffMs: 10,
      }),
      sink,
    );

    const outcome = await run.done;

    // The shell judge fails on the exit code first; no restart since the agent concluded itself.
    expect(outcome).toMatchObject({ status: 'failed', restarts: 0, exitCode: 1 });
    expect(sink.starts).toHaveLength(1);
  });

  it('a stop during the backoff wait cancels the restart', async () => {
    const sink = new RecordingSink();
    const run = h.supervisor.start(
      h.fakeSpec({ steps: [{ crash: { code: 2 } }] }, { maxRestarts: 3, restartBackoffMs: 5000, maxBackoffMs: 5000 }),
      sink,
    );
    await sink.waitFor((e) => e.type === 'supervisor' && e.action === 'restart_scheduled');
    expect(run.pid).toBeNull();
    expect(h.supervisor.activeCount()).toBe(0);

    const outcome = await run.stop('user');

    expect(outcome).toMatchObject({ status: 'cancelled', restarts: 0, exitCode: 2 });
    expect(sink.starts).toHaveLength(1);
    expect(sink.of('result').at(-1)).toMatchObject({ success: false, errorKind: 'cancelled' });
  });

  it('does not restart after a timeout', async () => {
    const sink = new RecordingSink();
    const run = h.supervisor.start(
      h.fakeSpec({ steps: [{ hang: true }] }, { idleTimeoutMs: 150, maxRestarts: 3, restartBackoffMs: 10 }),
      sink,
    );

    const outcome = await run.done;

    expect(outcome).toMatchObject({ status: 'timed_out', restarts: 0 });
    expect(sink.starts).toHaveLength(1);
  });
});
