/** Wall-clock and idle limits: both end the run through the same escalation, as timed_out. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeHarness, type Harness } from '../fixtures/fake-agent/harness.js';
import { RecordingSink, waitGroupGone } from '../fixtures/fake-agent/recording-sink.js';

let h: Harness;
beforeEach(() => {
  h = makeHarness();
});
afterEach(async () => {
  await h.cleanup();
});

describe('ProcessSupervisor timeouts', () => {
  it('ends a run that exceeds its wall-clock limit, even while it keeps printing', async () => {
    const sink = new RecordingSink();
    const run = h.supervisor.start(
      h.fakeSpec({ steps: [{ emit: { rate: 50, count: 10_000 } }] }, { wallTimeoutMs: 300, idleTimeoutMs: 5000 }),
      sink,
    );
    await sink.waitFor((e) => e.type === 'supervisor' && e.action === 'spawned');
    const pgid = run.pid as number;

    const outcome = await run.done;

    expect(outcome).toMatchObject({ status: 'timed_out', errorCode: 'RUN_TIMED_OUT' });
    expect(sink.supervisor('wall_timeout')).toHaveLength(1);
    expect(sink.supervisor('idle_timeout')).toEqual([]);
    expect(sink.supervisor('signal_sent')[0]?.signal).toBe('SIGINT');
    expect(sink.of('assistant.text').length).toBeGreaterThan(0);
    expect(sink.of('result').at(-1)).toMatchObject({ success: false, errorKind: 'timeout' });
    expect(await waitGroupGone(pgid)).toBe(true);
  });

  it('ends a run whose agent goes silent for idleTimeoutMs', async () => {
    const sink = new RecordingSink();
    const run = h.supervisor.start(
      h.fakeSpec(
        { ignoreSignals: ['SIGINT'], steps: [{ text: 'thinking…' }, { hang: true }] },
        { idleTimeoutMs: 200, sigintGraceMs: 100 },
      ),
      sink,
    );

    const outcome = await run.done;

    expect(outcome.status).toBe('timed_out');
    expect(outcome.errorMessage).toContain('200 ms');
    expect(sink.supervisor('idle_timeout')).toHaveLength(1);
    expect(sink.supervisor('signal_sent').map((e) => e.signal)).toEqual(['SIGINT', 'SIGTERM']);
    expect(outcome.exitSignal).toBe('SIGTERM');
  });

  it('keeps a run alive while output keeps coming, however long it takes overall', async () => {
    const sink = new RecordingSink();
    // 1 s of output every ~40 ms, with a 500 ms idle limit: never idle long enough.
    const run = h.supervisor.start(
      h.fakeSpec({ steps: [{ emit: { rate: 25, durationMs: 1000 } }] }, { idleTimeoutMs: 500 }),
      sink,
    );

    const outcome = await run.done;

    expect(outcome.status).toBe('succeeded');
    expect(sink.supervisor('idle_timeout')).toEqual([]);
    expect(sink.of('assistant.text')).toHaveLength(25);
  });

  it('a wall timeout during a restart backoff ends the run without another attempt', async () => {
    const sink = new RecordingSink();
    const run = h.supervisor.start(
      h.fakeSpec({ steps: [{ crash: { code: 1 } }] }, {
        wallTimeoutMs: 1500,
        maxRestarts: 5,
        restartBackoffMs: 10_000,
        maxBackoffMs: 10_000,
      }),
      sink,
    );

    const outcome = await run.done;

    expect(outcome).toMatchObject({ status: 'timed_out', restarts: 0, exitCode: 1 });
    expect(sink.starts).toHaveLength(1);
    expect(sink.supervisor('wall_timeout')).toHaveLength(1);
  });
});
