import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeWebSocket } from '../../test-support/fake-websocket';
import { LiveFeedClient, type TopicListener } from './live-feed-client';
import { liveFeedUrl } from './live-feed-protocol';

interface Recorder extends TopicListener {
  readonly events: Array<{ seq: number; data: unknown }>;
  readonly resets: Array<{ afterSeq: number; reason: string }>;
  readonly errors: Array<{ code: string; message: string }>;
}

function recorder(): Recorder {
  const events: Recorder['events'] = [];
  const resets: Recorder['resets'] = [];
  const errors: Recorder['errors'] = [];
  return {
    events,
    resets,
    errors,
    event: (data, seq) => events.push({ seq, data }),
    reset: (info) => resets.push(info),
    error: (info) => errors.push(info),
  };
}

const runEvent = (seq: number) => ({ type: 'event', topic: 'run:r1', seq, data: { runId: 'r1', seq } });

let client: LiveFeedClient;

beforeEach(() => {
  vi.useFakeTimers();
  FakeWebSocket.reset();
  client = new LiveFeedClient({ url: 'ws://dash.test/ws', WebSocket: FakeWebSocket, idleCloseMs: 5_000 });
});

afterEach(() => {
  client.dispose();
  vi.useRealTimers();
});

describe('live feed client: subscriptions', () => {
  it('connects on the first subscription and says hello with the topics and their afterSeq', () => {
    client.subscribe('run:r1', recorder(), { afterSeq: 42 });
    client.subscribe('employees', recorder());
    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(FakeWebSocket.latest.url).toBe('ws://dash.test/ws');
    expect(client.status.state).toBe('connecting');

    FakeWebSocket.latest.accept();

    expect(FakeWebSocket.latest.sent).toEqual([
      { type: 'hello', v: 1, resume: { subscriptions: [{ topic: 'run:r1', afterSeq: 42 }, { topic: 'employees' }] } },
    ]);
    expect(client.status).toMatchObject({ state: 'open', everOpened: true, failures: 0 });
  });

  it('shares one server subscription between listeners and unsubscribes when the last leaves', () => {
    const a = recorder();
    const b = recorder();
    client.subscribe('run:r1', a);
    FakeWebSocket.latest.accept();
    const releaseB = client.subscribe('run:r1', b);
    const socket = FakeWebSocket.latest;
    expect(socket.sent.filter((m) => m.type === 'subscribe')).toHaveLength(0);

    socket.receive(runEvent(1));
    releaseB();
    releaseB();
    socket.receive(runEvent(2));

    expect(a.events.map((e) => e.seq)).toEqual([1, 2]);
    expect(b.events.map((e) => e.seq)).toEqual([1]);
    expect(socket.sent.filter((m) => m.type === 'unsubscribe')).toHaveLength(0);
  });

  it('sends subscribe and unsubscribe on an open connection, and closes it when idle', () => {
    client.subscribe('employees', recorder());
    const socket = FakeWebSocket.latest;
    socket.accept();

    const release = client.subscribe('run:r9', recorder(), { afterSeq: 7 });
    expect(socket.sent.at(-1)).toEqual({ type: 'subscribe', topic: 'run:r9', afterSeq: 7 });
    release();
    expect(socket.sent.at(-1)).toEqual({ type: 'unsubscribe', topic: 'run:r9' });
    expect(socket.closedWith).toBeNull();

    client.dispose();
    expect(socket.closedWith?.code).toBe(1000);
  });

  it('closes the socket after the idle delay once nothing is subscribed, and reopens on demand', async () => {
    const release = client.subscribe('metrics', recorder());
    const first = FakeWebSocket.latest;
    first.accept();
    release();

    await vi.advanceTimersByTimeAsync(4_999);
    expect(first.closedWith).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(first.closedWith?.code).toBe(1000);
    expect(client.status.state).toBe('idle');

    client.subscribe('metrics', recorder());
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it('reports a refused subscription to its listeners', () => {
    const listener = recorder();
    client.subscribe('run:nope', listener);
    FakeWebSocket.latest.accept();

    FakeWebSocket.latest.receive({ type: 'error', code: 'LIVE_TOPIC_UNKNOWN', message: 'No such run', topic: 'run:nope' });

    expect(listener.errors).toEqual([{ code: 'LIVE_TOPIC_UNKNOWN', message: 'No such run' }]);
  });

  it('ignores frames that are not protocol messages', () => {
    const listener = recorder();
    client.subscribe('run:r1', listener);
    const socket = FakeWebSocket.latest;
    socket.accept();

    socket.receiveRaw('not json');
    socket.receive({ type: 'event', topic: 'run:r1', seq: -1, data: {} });
    socket.receive({ type: 'mystery' });
    socket.receive(runEvent(1));

    expect(listener.events.map((e) => e.seq)).toEqual([1]);
  });
});

describe('live feed client: resume and dedup', () => {
  it('re-subscribes with the last seq after a reconnect and drops replayed duplicates', async () => {
    const listener = recorder();
    client.subscribe('run:r1', listener);
    FakeWebSocket.latest.accept();
    for (const seq of [1, 2, 3]) FakeWebSocket.latest.receive(runEvent(seq));

    FakeWebSocket.latest.drop(1006);
    expect(client.status).toMatchObject({ state: 'reconnecting', failures: 1 });
    await vi.advanceTimersByTimeAsync(1_000);
    const second = FakeWebSocket.latest;
    expect(FakeWebSocket.instances).toHaveLength(2);
    second.accept();

    expect(second.sent[0]).toEqual({ type: 'hello', v: 1, resume: { subscriptions: [{ topic: 'run:r1', afterSeq: 3 }] } });
    // A server that replays too much (or twice) must not duplicate events on screen.
    for (const seq of [2, 3, 4, 4, 5]) second.receive(runEvent(seq));
    expect(listener.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(client.lastSeq('run:r1')).toBe(5);
  });

  it('resumes non-run topics with afterSeq and their epoch, and only when the epoch is known', async () => {
    client.subscribe('tasks', recorder());
    client.subscribe('employees', recorder());
    const first = FakeWebSocket.latest;
    first.accept();
    first.receive({ type: 'subscribed', topic: 'tasks', epoch: 'ep-1', afterSeq: 10 });
    first.receive({ type: 'event', topic: 'tasks', seq: 11, data: { id: 't1' } });

    first.drop(1001);
    await vi.advanceTimersByTimeAsync(1_000);
    FakeWebSocket.latest.accept();

    expect(FakeWebSocket.latest.sent[0]).toEqual({
      type: 'hello',
      v: 1,
      resume: { subscriptions: [{ topic: 'tasks', afterSeq: 11, epoch: 'ep-1' }, { topic: 'employees' }] },
    });
  });

  it('passes a reset on and resumes from the reset point', async () => {
    const listener = recorder();
    client.subscribe('tasks', listener);
    const first = FakeWebSocket.latest;
    first.accept();
    first.receive({ type: 'subscribed', topic: 'tasks', epoch: 'ep-1', afterSeq: 3 });

    first.receive({ type: 'reset', topic: 'tasks', epoch: 'ep-2', afterSeq: 90, reason: 'epoch' });
    first.receive({ type: 'event', topic: 'tasks', seq: 90, data: 'old' });
    first.receive({ type: 'event', topic: 'tasks', seq: 91, data: 'new' });

    expect(listener.resets).toEqual([{ afterSeq: 90, reason: 'epoch' }]);
    expect(listener.events).toEqual([{ seq: 91, data: 'new' }]);

    first.drop(4008);
    await vi.advanceTimersByTimeAsync(1_000);
    FakeWebSocket.latest.accept();
    expect(FakeWebSocket.latest.sent[0]).toMatchObject({
      resume: { subscriptions: [{ topic: 'tasks', afterSeq: 91, epoch: 'ep-2' }] },
    });
  });
});

describe('live feed client: reconnecting', () => {
  it('backs off 1 s, 2 s, 4 s, 8 s, then stays at the 15 s cap while the server is unreachable', async () => {
    client.subscribe('run:r1', recorder());
    const start = Date.now();
    const attempts: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      FakeWebSocket.latest.fail();
      const before = FakeWebSocket.instances.length;
      while (FakeWebSocket.instances.length === before) await vi.advanceTimersByTimeAsync(100);
      attempts.push(Date.now() - start);
    }

    // Attempt n fires after the sum of the delays before it.
    expect(attempts).toEqual([1_000, 3_000, 7_000, 15_000, 30_000, 45_000, 60_000]);
    expect(client.status.everOpened).toBe(false);
  });

  it('starts over at 1 s after a welcome', async () => {
    client.subscribe('run:r1', recorder());
    FakeWebSocket.latest.fail();
    await vi.advanceTimersByTimeAsync(1_000);
    FakeWebSocket.latest.fail();
    await vi.advanceTimersByTimeAsync(2_000);
    FakeWebSocket.latest.accept();
    expect(client.status.failures).toBe(0);

    FakeWebSocket.latest.drop(1001);
    expect(client.status.nextRetryAt).toBe(Date.now() + 1_000);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(FakeWebSocket.instances).toHaveLength(4);
  });

  it('asks the app to check the session when an attempt fails before the welcome, not after it', () => {
    const refused = vi.fn();
    const own = new LiveFeedClient({ url: 'ws://dash.test/ws', WebSocket: FakeWebSocket, onRefused: refused });
    own.subscribe('run:r1', recorder());
    // A refused upgrade (401 after a revocation) looks like any failed connection in a browser.
    FakeWebSocket.latest.fail();
    expect(refused).toHaveBeenCalledTimes(1);

    own.reconnectNow();
    FakeWebSocket.latest.accept();
    FakeWebSocket.latest.drop(1001);
    expect(refused).toHaveBeenCalledTimes(1);
    own.dispose();
  });

  it('reconnects at once on request, skipping the wait', () => {
    client.subscribe('run:r1', recorder());
    FakeWebSocket.latest.fail();
    expect(FakeWebSocket.instances).toHaveLength(1);

    client.reconnectNow();

    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it('stops for good when the server does not speak our protocol version', async () => {
    client.subscribe('run:r1', recorder());
    FakeWebSocket.latest.open();
    FakeWebSocket.latest.drop(4002, 'unsupported version');

    await vi.advanceTimersByTimeAsync(60_000);

    expect(client.status.state).toBe('unsupported');
    expect(FakeWebSocket.instances).toHaveLength(1);
  });

  it('treats a connection silent for 2.5 heartbeats as dead and reconnects', async () => {
    client.subscribe('run:r1', recorder());
    const first = FakeWebSocket.latest;
    first.accept(1_000);

    await vi.advanceTimersByTimeAsync(2_000);
    first.receive({ type: 'heartbeat', at: Date.now() });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(first.closedWith).toBeNull();

    await vi.advanceTimersByTimeAsync(1_000);
    expect(first.closedWith?.code).toBe(4000);
    expect(client.status.state).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(FakeWebSocket.instances).toHaveLength(2);
  });

  it('does not reconnect once nothing is subscribed', async () => {
    const release = client.subscribe('run:r1', recorder());
    FakeWebSocket.latest.accept();
    FakeWebSocket.latest.drop(1006);
    release();

    await vi.advanceTimersByTimeAsync(30_000);

    expect(FakeWebSocket.instances).toHaveLength(1);
    expect(client.status.state).toBe('idle');
  });
});

describe('liveFeedUrl', () => {
  it('follows the page protocol', () => {
    expect(liveFeedUrl({ protocol: 'http:', host: 'a.test:8080' })).toBe('ws://a.test:8080/ws');
    expect(liveFeedUrl({ protocol: 'https:', host: 'a.test' })).toBe('wss://a.test/ws');
  });
});
