/**
 * Stopping agents: signal escalation to the whole process group (SIGINT → SIGTERM → SIGKILL),
 * early exit once the group is gone, and no restart after a user stop.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { liveGroupMembers } from '../../src/runners/supervisor/proc-stat.js';
import { makeHarness, type Harness } from '../fixtures/fake-agent/harness.js';
import { pidExists, RecordingSink, waitGroupGone } from '../fixtures/fake-agent/recording-sink.js';

let h: Harness;
beforeEach(() => {
  h = makeHarness();
});
afterEach(async () => {
  await h.cleanup();
});

const signalsSent = (sink: RecordingSink): (string | undefined)[] =>
  sink.supervisor('signal_sent').map((e) => e.signal);

describe('ProcessSupervisor stop escalation', () => {
  it('stops a hanging agent with SIGINT and reports the run cancelled', async () => {
    const sink = new RecordingSink();
    const run = h.supervisor.start(h.fakeSpec({ steps: [{ text: 'working' }, { hang: true }] }), sink);
    await sink.waitFor((e) => e.type === 'assistant.text' && e.text === 'working');
    const pgid = run.pid as number;

    const outcome = await run.stop('user');

    expect(outcome.status).toBe('cancelled');
    expect(outcome.errorCode).toBe('RUN_CANCELLED');
    expect(outcome.exitSignal).toBe('SIGINT');
    expect(signalsSent(sink)).toEqual(['SIGINT']);
    expect(sink.supervisor('stop_requested')).toHaveLength(1);
    expect(await liveGroupMembers(pgid)).toEqual([]);
    expect(await waitGroupGone(pgid)).toBe(true);
    // The log still ends with a result and the exit.
    expect(sink.types().slice(-2)).toEqual(['result', 'exit']);
    expect(sink.of('result').at(-1)).toMatchObject({ success: false, errorKind: 'cancelled' });
  });

  it('escalates to SIGTERM and then SIGKILL when the agent ignores SIGINT and SIGTERM', async () => {
    const sink = new RecordingSink();
    const run = h.supervisor.start(
      h.fakeSpec({ ignoreSignals: ['SIGINT', 'SIGTERM'], steps: [{ text: 'stubborn' }, { hang: true }] }),
      sink,
    );
    await sink.waitFor((e) => e.type === 'assistant.text');
    const pgid = run.pid as number;

    const outcome = await run.stop('user');

    expect(signalsSent(sink)).toEqual(['SIGINT', 'SIGTERM', 'SIGKILL']);
    expect(outcome).toMatchObject({ status: 'cancelled', exitSignal: 'SIGKILL', restarts: 0 });
    // The agent saw (and ignored) the first two signals.
    const stderr = sink.of('stderr').map((e) => e.line);
    expect(stderr).toContain('fake-agent: ignoring SIGINT');
    expect(stderr).toContain('fake-agent: ignoring SIGTERM');
    expect(await waitGroupGone(pgid)).toBe(true);
  });

  it('kills a grandchild left in the process group even after the leader has exited', async () => {
    const sink = new RecordingSink();
    const run = h.supervisor.start(
      h.fakeSpec({
        steps: [{ grandchild: { ignoreSignals: ['SIGINT', 'SIGTERM'] } }, { hang: true }],
      }),
      sink,
    );
    const line = await sink.waitFor((e) => e.type === 'assistant.text' && e.text.startsWith('grandchild '));
    const grandchild = Number((line as { text: string }).text.split(' ')[1]);
    const pgid = run.pid as number;
    expect(pidExists(grandchild)).toBe(true);

    const outcome = await run.stop('user');

    // The leader died at SIGINT; the grandchild kept the group alive until SIGKILL.
    expect(outcome.exitSignal).toBe('SIGINT');
    expect(signalsSent(sink)).toEqual(['SIGINT', 'SIGTERM', 'SIGKILL']);
    expect(await liveGroupMembers(pgid)).toEqual([]);
    expect(await waitGroupGone(pgid)).toBe(true);
    expect(pidExists(grandchild)).toBe(false);
  });

  it('kills processes an agent leaves behind in its group when it exits by itself', async () => {
    const sink = new RecordingSink();
    const run = h.supervisor.start(
      h.fakeSpec({ steps: [{ grandchild: { holdStdout: true } }, { text: 'bye' }] }),
      sink,
    );
    const line = await sink.waitFor((e) => e.type === 'assistant.text' && e.text.startsWith('grandchild '));
    const grandchild = Number((line as { text: string }).text.split(' ')[1]);
    const pgid = run.pid as number;

    const outcome = await run.done;

    expect(outcome.status).toBe('succeeded');
    const leftovers = sink.supervisor('signal_sent');
    expect(leftovers).toHaveLength(1);
    expect(leftovers[0]).toMatchObject({ signal: 'SIGKILL', pid: pgid });
    expect(await waitGroupGone(pgid)).toBe(true);
    expect(pidExists(grandchild)).toBe(false);
  });

  it('never restarts after a user stop, even with restarts allowed', async () => {
    const sink = new RecordingSink();
    const run = h.supervisor.start(h.fakeSpec({ steps: [{ hang: true }] }, { maxRestarts: 3, restartBackoffMs: 10 }), sink);
    await sink.waitFor((e) => e.type === 'supervisor' && e.action === 'spawned');

    const outcome = await run.stop('user');
    await new Promise((r) => setTimeout(r, 100));

    expect(outcome).toMatchObject({ status: 'cancelled', restarts: 0 });
    expect(sink.starts).toHaveLength(1);
    expect(sink.supervisor('restart_scheduled')).toEqual([]);
    expect(h.supervisor.get(run.runId)).toBeUndefined();
  });

  it('stop() is idempotent and resolves with the same outcome as done', async () => {
    const sink = new RecordingSink();
    const run = h.supervisor.start(h.fakeSpec({ steps: [{ hang: true }] }), sink);
    await sink.waitFor((e) => e.type === 'supervisor' && e.action === 'spawned');

    const [a, b] = await Promise.all([run.stop('user'), run.stop('shutdown')]);
    const done = await run.done;

    expect(a).toEqual(b);
    expect(done).toEqual(a);
    expect(sink.supervisor('stop_requested')).toHaveLength(1);
    expect(await run.stop('user')).toEqual(a);
  });

  it('stopAll stops every run and leaves nothing active', async () => {
    const sinks = [new RecordingSink(), new RecordingSink(), new RecordingSink()];
    const runs = sinks.map((sink) => h.supervisor.start(h.fakeSpec({ steps: [{ hang: true }] }), sink));
    await Promise.all(sinks.map((s) => s.waitFor((e) => e.type === 'supervisor' && e.action === 'spawned')));
    expect(h.supervisor.activeCount()).toBe(3);

    await h.supervisor.stopAll('shutdown');

    expect(h.supervisor.activeCount()).toBe(0);
    for (const run of runs) expect((await run.done).status).toBe('cancelled');
    for (const sink of sinks) expect(sink.of('result').at(-1)?.errorKind).toBe('cancelled');
  });
});
