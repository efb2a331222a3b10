/**
 * Output handling: malformed lines become raw events without ending the run, over-long lines are
 * cut (and never buffered whole), high line counts flow through in order, stderr is kept.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgentEvent } from '@dash/shared';
import type { RunSink } from '../../src/ports/agent-supervisor.js';
import { makeHarness, type Harness } from '../fixtures/fake-agent/harness.js';
import { RecordingSink } from '../fixtures/fake-agent/recording-sink.js';

let h: Harness;
beforeEach(() => {
  h = makeHarness();
});
afterEach(async () => {
  await h.cleanup();
});

describe('ProcessSupervisor output', () => {
  it('keeps invalid JSON lines as raw events and completes the run', async () => {
    const sink = new RecordingSink();
    const run = h.supervisor.start(
      h.fakeSpec({
        steps: [{ text: 'before' }, { invalid: '{"type": "assistant.text", "text": ' }, { invalid: '{}' }, { text: 'after' }],
      }),
      sink,
    );

    const outcome = await run.done;

    expect(outcome.status).toBe('succeeded');
    expect(sink.of('raw').map((e) => e.line)).toEqual(['{"type": "assistant.text", "text": ', '{}']);
    expect(sink.of('assistant.text').map((e) => e.text)).toEqual(['before', 'after']);
  });

  it('emits events in order: spawned, prompt, agent events, result, exit', async () => {
    const sink = new RecordingSink();
    const run = h.supervisor.start(h.fakeSpec({}), sink);
    const outcome = await run.done;

    expect(outcome).toMatchObject({ status: 'succeeded', exitCode: 0, sessionId: 'fake-session', resultText: 'Done.' });
    expect(sink.types()).toEqual([
      'supervisor',
      'user.message',
      'session.started',
      'assistant.text',
      'tool.call',
      'tool.result',
      'assistant.text',
      'result',
      'exit',
    ]);
    expect(sink.of('user.message')[0]?.text).toBe('do the thing');
    expect(sink.supervisor('spawned')[0]).toMatchObject({ attempt: 1, pid: sink.starts[0]?.pid });
  });

  it('cuts a 10 MB line to a truncated raw event and carries on', async () => {
    const sink = new RecordingSink();
    const run = h.supervisor.start(h.fakeSpec({ steps: [{ text: 'start' }, { huge: { bytes: 10 * 1024 * 1024 } }, { text: 'end' }] }), sink);

    const outcome = await run.done;

    expect(outcome.status).toBe('succeeded');
    const raws = sink.of('raw');
    expect(raws).toHaveLength(1);
    expect(raws[0]?.line.length).toBeLessThan(17 * 1024);
    expect(raws[0]?.line).toMatch(/…\[truncated: line of \d+ bytes\]$/);
    expect(Number(/line of (\d+) bytes/.exec(raws[0]?.line ?? '')?.[1])).toBeGreaterThan(10 * 1024 * 1024);
    expect(sink.of('assistant.text').map((e) => e.text)).toEqual(['start', 'end']);
  });

  it('passes 100 000 lines through in order without losing any', async () => {
    let texts = 0;
    let lastIndex = 0;
    let ordered = true;
    let resultSeen = false;
    const sink: RunSink = {
      started: () => undefined,
      event: (e: AgentEvent) => {
        if (e.type === 'assistant.text') {
          texts += 1;
          const i = Number(/#(\d+)/.exec(e.text)?.[1]);
          if (i !== lastIndex + 1) ordered = false;
          lastIndex = i;
        }
        if (e.type === 'result') resultSeen = true;
      },
    };
    const heapBefore = process.memoryUsage().heapUsed;
    const run = h.supervisor.start(h.fakeSpec({ steps: [{ emit: { count: 100_000, bytes: 120 } }] }), sink);

    const outcome = await run.done;

    expect(outcome.status).toBe('succeeded');
    expect(texts).toBe(100_000);
    expect(ordered).toBe(true);
    expect(resultSeen).toBe(true);
    // ~12 MB went through; nothing of it is retained by the supervisor.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(128 * 1024 * 1024);
  });

  it('records stderr lines as stderr events', async () => {
    const sink = new RecordingSink();
    const run = h.supervisor.start(h.fakeSpec({ steps: [{ stderr: 'warning: something' }, { text: 'ok' }] }), sink);
    await run.done;
    expect(sink.of('stderr').map((e) => e.line)).toEqual(['warning: something']);
  });

  it('a sink that throws does not break supervision', async () => {
    let calls = 0;
    const sink: RunSink = {
      started: () => {
        throw new Error('boom');
      },
      event: () => {
        calls += 1;
        throw new Error('boom');
      },
    };
    const outcome = await h.supervisor.start(h.fakeSpec({}), sink).done;
    expect(outcome.status).toBe('succeeded');
    expect(calls).toBeGreaterThan(5);
  });
});
