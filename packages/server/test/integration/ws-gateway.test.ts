/**
 * The live-feed gateway on a real Fastify server over loopback, driven by the real `ws` client:
 * the protocol and its validation, topic feeds with resume/reset, metrics snapshots, heartbeats,
 * the slow-consumer cut-off, draining, authentication of the upgrade and the Prometheus metrics. The run
 * services are real (SQLite, supervisor, fake agent); bus-fed topics get their messages from the
 * same in-process bus the other services publish on.
 */
import { liveCloseCodes, metricsSnapshot, type LiveServerMessage } from '@dash/shared';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Lifecycle } from '../../src/lifecycle/lifecycle.js';
import { createLogger } from '../../src/observability/logger.js';
import { createMetrics, type Metrics } from '../../src/observability/metrics.js';
import { createHttpServer } from '../../src/transport/http/http-server.js';
import {
  createLiveFeed,
  runFeedSource,
  type LiveFeed,
  type LiveFeedOptions,
} from '../../src/transport/ws/live-feed-gateway.js';
import type { LiveMetricsProviders } from '../../src/transport/ws/metrics-feed.js';
import type { RunFeedSource } from '../../src/transport/ws/run-feed.js';
import type { BusHandler, EventBus } from '../../src/ports/event-bus.js';
import { systemClock } from '../../src/ports/clock.js';
import { silentLogger } from '../../src/ports/logger.js';
import { noopRunMetrics } from '../../src/ports/run-metrics.js';
import { RunEventLog } from '../../src/services/run-events/run-event-log.js';
import { randomUUID } from 'node:crypto';
import { bearer, makeTestAuth, type TestAuth } from '../support/auth.js';
import { LiveClient } from '../support/live-feed-client.js';
import { makeRunHarness, type RunHarness } from '../support/run-harness.js';

interface Gateway {
  url: string;
  /** Real auth services on the harness store; every client sends its admin token. */
  auth: TestAuth;
  feed: LiveFeed;
  harness: RunHarness;
  lifecycle: Lifecycle;
  metrics: Metrics;
  /** Holds the lifecycle in `draining` until released (to observe draining behaviour). */
  releaseDrain(): void;
}

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function gateway(
  options: Partial<LiveFeedOptions> = {},
  extra: {
    providers?: LiveMetricsProviders;
    holdDrain?: boolean;
    runs?: (harness: RunHarness) => RunFeedSource;
  } = {},
): Promise<Gateway> {
  const harness = await makeRunHarness();
  const logger = createLogger({ level: 'silent', nodeId: 'ws-test' });
  const lifecycle = new Lifecycle({ logger, drainTimeoutMs: 10_000 });
  const metrics = createMetrics({ activeProcesses: () => 0, queueDepth: () => ({}) });
  const auth = await makeTestAuth({ store: harness.store, bus: harness.bus });
  const http = createHttpServer({ logger, metrics, lifecycle, auth: auth.authenticator });
  const feed = createLiveFeed(
    {
      bus: harness.bus,
      runs: () => extra.runs?.(harness) ?? runFeedSource({ runs: harness.store.runs, eventLog: harness.eventLog }),
      metricsProviders: extra.providers ?? {},
      registry: metrics.registry,
      logger,
      auth: auth.liveFeedAuth,
    },
    { serverId: 'ws-test', ...options },
  );
  feed.register(http.server);
  let releaseDrain = (): void => undefined;
  const held = new Promise<void>((resolve) => (releaseDrain = resolve));
  if (extra.holdDrain) lifecycle.register({ name: 'work', drain: () => held, stop: () => undefined });
  lifecycle.register(feed.component);
  lifecycle.register({
    name: 'http',
    start: async () => void (await http.server.listen({ host: '127.0.0.1', port: 0 })),
    stop: () => http.server.close(),
  });
  await lifecycle.start();
  cleanups.push(async () => {
    releaseDrain();
    await lifecycle.stop();
    await auth.close();
    await harness.close();
  });
  const { port } = http.server.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, auth, feed, harness, lifecycle, metrics, releaseDrain };
}

async function client(g: Gateway, options: Parameters<typeof LiveClient.open>[2] = {}): Promise<LiveClient> {
  const c = await LiveClient.open(g.url, undefined, withAuth(g, options));
  cleanups.push(async () => c.terminate());
  return c;
}

/** Client options carrying the gateway's admin token (as `ws` clients and the CLI send it). */
const withAuth = (g: Gateway, options: Parameters<typeof LiveClient.open>[2] = {}) => ({ ...options, headers: { ...g.auth.headers(), ...options.headers } });

const errorFrame = (code: string) => (m: LiveServerMessage) => m.type === 'error' && m.code === code;
const seqsOf = (c: LiveClient, topic: string): number[] => c.events(topic).map((e) => e.seq);
const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('live-feed gateway: protocol', () => {
  it('greets a hello with welcome and answers pings', async () => {
    const g = await gateway({ heartbeatMs: 5_000 });
    const c = await client(g);
    expect(c.frames[0]).toEqual({ type: 'welcome', v: 1, serverId: 'ws-test', heartbeatMs: 5_000 });
    c.send({ type: 'ping', id: 'p-1' });
    expect(await c.next((m) => m.type === 'pong')).toEqual({ type: 'pong', id: 'p-1' });
  });

  it('answers every bad message with an error frame and keeps the connection', async () => {
    const g = await gateway();
    const c = await LiveClient.connect(g.url, withAuth(g));
    cleanups.push(async () => c.terminate());
    c.send({ type: 'subscribe', topic: 'tasks' });
    expect(await c.next(errorFrame('VALIDATION_FAILED'))).toMatchObject({ message: 'The first message must be hello' });
    c.send({ type: 'hello', v: 1 });
    await c.next((m) => m.type === 'welcome');

    const bad: unknown[] = [
      'not json {',
      { type: 'shout' },
      { type: 'subscribe' },
      { type: 'subscribe', topic: 'tasks', afterSeq: -1 },
      { type: 'subscribe', topic: 'tasks', extra: true },
      { type: 'hello', v: 1 },
      [1, 2, 3],
    ];
    for (const message of bad) {
      const mark = c.frames.length;
      c.send(message);
      const answer = await c.next((m) => m.type === 'error', 5_000, mark);
      expect(answer).toMatchObject({ type: 'error', code: 'VALIDATION_FAILED' });
    }
    expect(await c.subscribe('nope')).toMatchObject({ type: 'error', code: 'LIVE_TOPIC_UNKNOWN', topic: 'nope' });
    expect(await c.subscribe('run:no-such-run')).toMatchObject({ type: 'error', code: 'RUN_NOT_FOUND', topic: 'run:no-such-run' });
    // Still open and serving.
    expect(await c.subscribe('tasks')).toMatchObject({ type: 'subscribed', topic: 'tasks' });
    expect(c.socket.readyState).toBe(c.socket.OPEN);
  });

  it('closes with 4002 on an unsupported protocol version', async () => {
    const g = await gateway();
    const c = await LiveClient.connect(g.url, withAuth(g));
    c.send({ type: 'hello', v: 2 });
    expect(await c.next(errorFrame('LIVE_VERSION_UNSUPPORTED'))).toBeDefined();
    expect((await c.closed).code).toBe(liveCloseCodes.unsupportedVersion);
  });

  it('closes with 1009 a client message over the size limit', async () => {
    const g = await gateway({ maxMessageBytes: 1024 });
    const c = await client(g);
    c.send({ type: 'ping', id: 'x'.repeat(2_000) });
    expect((await c.closed).code).toBe(1009);
  });

  it('refuses the upgrade without a credential or with an unknown one (401), accepts a valid token', async () => {
    const g = await gateway();
    await expect(LiveClient.connect(g.url)).rejects.toThrow('HTTP 401');
    await expect(LiveClient.connect(g.url, { headers: bearer('dat_no-such-token') })).rejects.toThrow('HTTP 401');
    const ok = await client(g);
    expect(ok.frames[0]?.type).toBe('welcome');
  });
});

describe('live-feed gateway: bus-fed topics', () => {
  it('numbers each topic\'s messages and stops after unsubscribe', async () => {
    const g = await gateway();
    g.harness.bus.publish('tasks', { id: 'before' });
    const c = await client(g);
    const subscribed = await c.subscribe('tasks');
    expect(subscribed).toMatchObject({ type: 'subscribed', topic: 'tasks', afterSeq: 1 });
    await c.subscribe('employees');
    g.harness.bus.publish('tasks', { id: 't2' });
    g.harness.bus.publish('employees', { id: 'emp_001' });
    g.harness.bus.publish('tasks', { id: 't3' });
    await c.untilSeq('tasks', 3);
    expect(c.events('tasks').map((e) => [e.seq, e.data])).toEqual([
      [2, { id: 't2' }],
      [3, { id: 't3' }],
    ]);
    expect(c.events('employees').map((e) => [e.seq, e.data])).toEqual([[1, { id: 'emp_001' }]]);

    c.send({ type: 'unsubscribe', topic: 'tasks' });
    await c.next((m) => m.type === 'unsubscribed');
    g.harness.bus.publish('tasks', { id: 't4' });
    g.harness.bus.publish('employees', { id: 'emp_002' });
    await c.untilSeq('employees', 2);
    expect(seqsOf(c, 'tasks')).toEqual([2, 3]);
  });

  it('resumes after a reconnect with exactly the missed messages, then live ones', async () => {
    const g = await gateway();
    const first = await client(g);
    const subscribed = await first.subscribe('tasks');
    const epoch = subscribed.type === 'subscribed' ? subscribed.epoch : null;
    expect(epoch).toEqual(expect.any(String));
    for (let i = 1; i <= 5; i += 1) g.harness.bus.publish('tasks', { n: i });
    await first.untilSeq('tasks', 5);
    first.terminate();
    const lastSeen = Math.max(...seqsOf(first, 'tasks'));
    for (let i = 6; i <= 12; i += 1) g.harness.bus.publish('tasks', { n: i });

    const again = await LiveClient.open(g.url, [{ topic: 'tasks', afterSeq: lastSeen, epoch: epoch ?? '' }], withAuth(g));
    cleanups.push(async () => again.terminate());
    await again.untilSeq('tasks', 12);
    g.harness.bus.publish('tasks', { n: 13 });
    await again.untilSeq('tasks', 13);
    expect(again.frames.find((m) => m.type === 'subscribed')).toMatchObject({ topic: 'tasks', epoch, afterSeq: 5 });
    expect(seqsOf(again, 'tasks')).toEqual(range(6, 13));
    expect(again.events('tasks').map((e) => e.data)).toEqual(range(6, 13).map((n) => ({ n })));
  });

  it('tells a client to refetch when its gap is older than the ring, from another epoch, or the bus lost messages', async () => {
    const g = await gateway({ ringSize: 10 });
    const c = await client(g);
    const subscribed = await c.subscribe('tasks');
    const epoch = subscribed.type === 'subscribed' ? (subscribed.epoch ?? '') : '';
    for (let i = 1; i <= 30; i += 1) g.harness.bus.publish('tasks', { n: i });
    await c.untilSeq('tasks', 30);

    const late = await client(g);
    late.send({ type: 'subscribe', topic: 'tasks', afterSeq: 5, epoch });
    expect(await late.next((m) => m.type === 'reset')).toEqual({ type: 'reset', topic: 'tasks', epoch, afterSeq: 30, reason: 'gap' });
    expect(await late.next((m) => m.type === 'subscribed')).toMatchObject({ afterSeq: 30 });

    const stranger = await client(g);
    stranger.send({ type: 'subscribe', topic: 'tasks', afterSeq: 29, epoch: 'another-server:1234' });
    expect(await stranger.next((m) => m.type === 'reset')).toMatchObject({ reason: 'epoch', afterSeq: 30 });

    g.feed.busGap();
    expect(await c.next((m) => m.type === 'reset')).toEqual({ type: 'reset', topic: 'tasks', epoch, afterSeq: 30, reason: 'bus' });
    g.harness.bus.publish('tasks', { n: 31 });
    await c.untilSeq('tasks', 31);
    expect(seqsOf(c, 'tasks')).toEqual(range(1, 31));
  });

  it('cuts off a client that stops reading with 4008, and keeps serving the others', async () => {
    const g = await gateway({ maxBufferedBytes: 1024 * 1024 });
    const slow = await client(g);
    const healthy = await client(g);
    await slow.subscribe('tasks');
    await healthy.subscribe('tasks');
    slow.socket.pause();
    const blob = 'x'.repeat(16 * 1024);
    // Up to ~40 MB: well past the kernel's socket buffers and the 1 MiB limit. The readers share
    // this process with the server, so the loop yields often enough for them to keep up.
    const cutOff = async (): Promise<boolean> =>
      (await g.metrics.registry.getSingleMetricAsString('dashboard_ws_disconnects_total')).includes('reason="slow_consumer"} 1');
    let total = 0;
    while (total < 2_500 && !(await cutOff())) {
      for (let i = 0; i < 10; i += 1) g.harness.bus.publish('tasks', { n: ++total, blob });
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await cutOff()).toBe(true);
    for (let i = 0; i < 20; i += 1) g.harness.bus.publish('tasks', { n: ++total, blob });
    await healthy.untilSeq('tasks', total, 30_000);
    slow.socket.resume();
    const closed = await slow.closed;
    expect(closed).toEqual({ code: liveCloseCodes.slowConsumer, reason: 'slow consumer' });
    // What it did get is a gap-free prefix, so it can resume from its last seq.
    const got = seqsOf(slow, 'tasks');
    expect(got.length).toBeLessThan(total);
    expect(got).toEqual(range(1, got.length));
    expect(seqsOf(healthy, 'tasks')).toEqual(range(1, total));
  });

  it('destroys a cut-off client that never reads again once the close timeout passes', async () => {
    const g = await gateway({ maxBufferedBytes: 64 * 1024, closeTimeoutMs: 300 });
    const stuck = await client(g);
    await stuck.subscribe('tasks');
    stuck.socket.pause();
    const blob = 'x'.repeat(16 * 1024);
    for (let n = 1; g.feed.clientCount > 0 && n <= 5_000; n += 1) {
      g.harness.bus.publish('tasks', { n, blob });
      if (n % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    // Gone on the server side although the client never answered the close.
    expect(g.feed.clientCount).toBe(0);
  });
});

/** The bus as another replica sees it, with an outage switch (a Redis link that drops messages). */
class InterruptibleBus implements EventBus {
  down = false;
  constructor(private readonly inner: EventBus) {}
  publish<T>(topic: string, message: T): void {
    if (!this.down) this.inner.publish(topic, message);
  }
  subscribe<T>(topic: string, handler: BusHandler<T>): () => void {
    return this.inner.subscribe(topic, handler);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

describe('live-feed gateway: bus interruptions and runs', () => {
  it('re-reads from the store what a run subscriber missed while the bus was down', async () => {
    let eventLog: RunEventLog | null = null;
    let bus: InterruptibleBus | null = null;
    const g = await gateway({}, {
      runs: (harness) => {
        bus ??= new InterruptibleBus(harness.bus);
        eventLog ??= new RunEventLog({ repo: harness.store.runEvents, bus, clock: systemClock, metrics: noopRunMetrics, logger: silentLogger });
        return runFeedSource({ runs: harness.store.runs, eventLog });
      },
    });
    const runId = randomUUID();
    await g.harness.store.runs.create({
      id: runId,
      taskId: null,
      employeeId: null,
      runtime: 'shell',
      model: null,
      cwd: g.harness.root,
      resumeOf: null,
      nodeId: 'ws-test',
      createdAt: new Date().toISOString(),
    });
    const c = await client(g);
    const topic = `run:${runId}`;
    expect(await c.subscribe(topic)).toMatchObject({ type: 'subscribed', afterSeq: 0 });
    const log = eventLog as RunEventLog | null;
    const link = bus as InterruptibleBus | null;
    if (!log || !link) throw new Error('the run source was not resolved');
    cleanups.push(() => log.stop());
    await log.open(runId);
    const say = (i: number): void => void log.record(runId, { type: 'assistant.text', text: `line ${i}` });
    for (let i = 1; i <= 10; i += 1) say(i);
    await c.untilSeq(topic, 10);
    link.down = true;
    for (let i = 11; i <= 15; i += 1) say(i);
    await log.flush(runId);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seqsOf(c, topic)).toEqual(range(1, 10));

    link.down = false;
    g.feed.busGap();
    await c.untilSeq(topic, 15);
    say(16);
    await c.untilSeq(topic, 16);
    expect(seqsOf(c, topic)).toEqual(range(1, 16));
  });
});

describe('live-feed gateway: metrics topic', () => {
  it('sends typed snapshots while someone listens, with null for what has no source', async () => {
    let sampled = 0;
    const g = await gateway(
      { metricsIntervalMs: 100 },
      {
        providers: {
          activeProcesses: () => {
            sampled += 1;
            return 3;
          },
          queueDepth: async () => ({ waiting: 2, active: 1 }),
          costTodayUsd: () => {
            throw new Error('store down');
          },
        },
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sampled).toBe(0);
    const c = await client(g);
    await c.subscribe('metrics');
    await c.untilSeq('metrics', 3);
    const snapshots = c.events('metrics').map((e) => metricsSnapshot.parse(e.data));
    expect(snapshots[0]).toMatchObject({
      serverId: 'ws-test',
      activeProcesses: 3,
      queueDepth: { waiting: 2, active: 1 },
      runningTasks: null,
      costTodayUsd: null,
    });

    // A second subscriber gets the current snapshot at once, then the stream.
    const other = await client(g);
    const mark = other.frames.length;
    const subscribed = await other.subscribe('metrics');
    const firstEvent = await other.next((m) => m.type === 'event', 5_000, mark);
    expect(subscribed.type === 'subscribed' && firstEvent.type === 'event' && firstEvent.seq).toBe(
      subscribed.type === 'subscribed' ? subscribed.afterSeq + 1 : -1,
    );

    c.send({ type: 'unsubscribe', topic: 'metrics' });
    other.send({ type: 'unsubscribe', topic: 'metrics' });
    await other.next((m) => m.type === 'unsubscribed');
    await c.next((m) => m.type === 'unsubscribed');
    await new Promise((resolve) => setTimeout(resolve, 150));
    const after = sampled;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(sampled).toBe(after);
  });
});

describe('live-feed gateway: heartbeats and shutdown', () => {
  it('sends heartbeats to a live client and terminates one that stops answering pings', async () => {
    const g = await gateway({ heartbeatMs: 100, missedHeartbeats: 2 });
    const alive = await client(g);
    const mute = await client(g, { autoPong: false });
    const closed = await mute.closed;
    expect(closed.code).toBe(1006);
    expect(alive.socket.readyState).toBe(alive.socket.OPEN);
    expect(alive.frames.filter((m) => m.type === 'heartbeat').length).toBeGreaterThanOrEqual(2);
    expect(await g.metrics.registry.getSingleMetricAsString('dashboard_ws_disconnects_total')).toContain('reason="heartbeat_timeout"} 1');
  });

  it('tells clients going-away (1001) when draining and refuses new ones until stopped', async () => {
    const g = await gateway({}, { holdDrain: true });
    const c = await client(g);
    await c.subscribe('tasks');
    expect(await g.metrics.registry.getSingleMetricAsString('dashboard_ws_clients')).toContain('dashboard_ws_clients 1');
    const stopping = g.lifecycle.stop();
    expect(await c.closed).toEqual({ code: 1001, reason: 'server shutting down' });
    expect(g.lifecycle.state).toBe('draining');
    await expect(LiveClient.connect(g.url, withAuth(g))).rejects.toThrow('HTTP 503');
    g.releaseDrain();
    await stopping;
    expect(g.feed.clientCount).toBe(0);
    const sent = await g.metrics.registry.getSingleMetricAsString('dashboard_ws_messages_sent_total');
    expect(Number(sent.match(/dashboard_ws_messages_sent_total (\d+)/)?.[1])).toBeGreaterThanOrEqual(2);
  });
});
