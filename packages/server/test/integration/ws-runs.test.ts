/**
 * Run topics through the whole app in-process (createApp: SQLite store, real supervisor and
 * runners, the fake agent as `claude`, the live feed on the API port): a subscriber sees every
 * event of a streaming run exactly once and in order; a client dropped mid-run resumes from its
 * last seq without gap or duplicate; a client that stops reading is cut off with 4008 while
 * others are unaffected; metrics snapshots; and going-away (1001) on shutdown. Every transcript is
 * compared with GET /api/runs/:id/events.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isTerminalRunStatus, metricsSnapshot, run, runEventsPage, type Run, type RunEvent } from '@dash/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import type { Config } from '../../src/config/config.js';
import { formatConfigIssues, loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/observability/logger.js';
import type { LiveFeedOptions } from '../../src/transport/ws/live-feed-gateway.js';
import { FAKE_AGENT } from '../fixtures/fake-agent/fake-agent-runner.js';
import { LiveClient } from '../support/live-feed-client.js';
import { adminTokenEnv, authedFetch, bearer } from '../support/auth.js';

/** The app gets DASHBOARD_ADMIN_TOKEN; every API and live-feed call sends it. */
const admin = adminTokenEnv();
const api = authedFetch(admin.token);
import { scripted } from '../support/run-harness.js';

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function testConfig(env: Record<string, string> = {}): Config {
  const dataDir = mkdtempSync(join(tmpdir(), 'dash-ws-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const loaded = loadConfig({
    DATA_DIR: dataDir,
    SERVE_WEB: 'false',
    NODE_ID: 'ws-runs',
    AGENT_CLAUDE_BIN: FAKE_AGENT,
    AGENT_CODEX_BIN: '/nonexistent/codex',
    AGENT_STOP_GRACE: '300ms',
    ...admin.env,
    ...env,
  });
  if (!loaded.ok) throw new Error(formatConfigIssues(loaded.issues));
  return { ...loaded.config, http: { host: '127.0.0.1', port: 0 } };
}

async function startApp(liveFeed: Partial<LiveFeedOptions> = {}, env: Record<string, string> = {}): Promise<{ app: App; url: string }> {
  const config = testConfig(env);
  const app = createApp(config, { logger: createLogger({ level: 'silent', nodeId: config.nodeId }), liveFeed });
  cleanups.push(() => app.stop());
  const { url } = await app.start();
  return { app, url };
}

async function open(url: string, resume?: Parameters<typeof LiveClient.open>[1]): Promise<LiveClient> {
  const client = await LiveClient.open(url, resume, { headers: bearer(admin.token) });
  cleanups.push(() => client.terminate());
  return client;
}

async function startRun(url: string, script: Record<string, unknown>): Promise<Run> {
  const res = await api(`${url}/api/runs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ runtime: 'claude-code', prompt: scripted('stream', script) }),
  });
  expect(res.status).toBe(201);
  return run.parse(await res.json());
}

async function waitForEnd(url: string, id: string, timeoutMs = 30_000): Promise<Run> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = run.parse(await (await api(`${url}/api/runs/${id}`)).json());
    if (isTerminalRunStatus(current.status)) return current;
    if (Date.now() > deadline) throw new Error(`run ${id} still ${current.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every stored event of a run, from the REST API. */
async function storedEvents(url: string, id: string): Promise<RunEvent[]> {
  const events: RunEvent[] = [];
  for (let after = 0; ; ) {
    const page = runEventsPage.parse(await (await api(`${url}/api/runs/${id}/events?after=${after}&limit=5000`)).json());
    events.push(...page.events);
    if (page.events.length === 0) return events;
    after = page.nextAfter;
  }
}

const runEventsOf = (client: LiveClient, topic: string): RunEvent[] => client.events(topic).map((e) => e.data as RunEvent);

describe('live feed: run topics', () => {
  it('streams a running agent\'s events to subscribers exactly once and in order, joining early or late', async () => {
    const { url } = await startApp();
    const early = await open(url);
    const started = await startRun(url, { steps: [{ text: 'hello' }, { emit: { count: 400, rate: 400 } }, { text: 'bye' }] });
    const topic = `run:${started.id}`;
    expect(await early.subscribe(topic)).toEqual({ type: 'subscribed', topic, epoch: null, afterSeq: 0 });
    await early.untilSeq(topic, 150);
    const late = await open(url);
    await late.subscribe(topic);

    const done = await waitForEnd(url, started.id);
    expect(done.status).toBe('succeeded');
    const stored = await storedEvents(url, started.id);
    expect(stored.length).toBe(done.eventCount);
    const lastSeq = stored.at(-1)?.seq ?? 0;
    await early.untilSeq(topic, lastSeq);
    await late.untilSeq(topic, lastSeq);
    expect(runEventsOf(early, topic)).toEqual(stored);
    expect(runEventsOf(late, topic)).toEqual(stored);
    expect(early.events(topic).map((e) => e.seq)).toEqual(stored.map((e) => e.seq));

    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/^dashboard_ws_clients 2$/m);
    expect(Number(metrics.match(/^dashboard_ws_messages_sent_total (\d+)$/m)?.[1])).toBeGreaterThanOrEqual(2 * stored.length);
  });

  it('resumes a client dropped mid-run from its last seq: every event exactly once', async () => {
    const { url } = await startApp();
    const started = await startRun(url, { steps: [{ emit: { count: 600, rate: 300 } }] });
    const topic = `run:${started.id}`;
    const first = await open(url);
    await first.subscribe(topic);
    await first.untilSeq(topic, 100);
    first.terminate();
    await first.closed;
    const before = runEventsOf(first, topic);
    const last = before.at(-1)?.seq ?? 0;
    // The run keeps going while the client is away.
    await new Promise((r) => setTimeout(r, 300));

    const second = await open(url, [{ topic, afterSeq: last }]);
    const done = await waitForEnd(url, started.id);
    const stored = await storedEvents(url, started.id);
    await second.untilSeq(topic, stored.at(-1)?.seq ?? 0);
    const after = runEventsOf(second, topic);
    expect(second.frames.find((m) => m.type === 'subscribed')).toEqual({ type: 'subscribed', topic, epoch: null, afterSeq: last });
    expect(after[0]?.seq).toBe(last + 1);
    expect([...before, ...after]).toEqual(stored);
    expect(stored.length).toBe(done.eventCount);
  });

  it('cuts off a client that stops reading a fast run with 4008; another client gets everything', async () => {
    const { url } = await startApp({ maxBufferedBytes: 1024 * 1024 });
    // ~32 MB at 6.4 MB/s: far more than the kernel buffers plus 1 MiB hold for a client that
    // does not read, while one that reads keeps up (it shares this process with the server).
    const started = await startRun(url, { steps: [{ emit: { count: 2_000, rate: 400, bytes: 16 * 1024 } }] });
    const topic = `run:${started.id}`;
    const slow = await open(url);
    const healthy = await open(url);
    await slow.subscribe(topic);
    await healthy.subscribe(topic);
    slow.socket.pause();
    const metricsText = async (): Promise<string> => (await fetch(`${url}/metrics`)).text();
    const deadline = Date.now() + 30_000;
    while (!/^dashboard_ws_disconnects_total\{reason="slow_consumer"\} 1$/m.test(await metricsText())) {
      if (Date.now() > deadline) throw new Error('the slow client was never cut off');
      await new Promise((r) => setTimeout(r, 20));
    }
    slow.socket.resume();
    expect((await slow.closed).code).toBe(4008);

    const done = await waitForEnd(url, started.id, 60_000);
    const stored = await storedEvents(url, started.id);
    await healthy.untilSeq(topic, stored.at(-1)?.seq ?? 0, 30_000);
    expect(runEventsOf(healthy, topic)).toEqual(stored);
    expect(stored.length).toBe(done.eventCount);
    const got = slow.events(topic).map((e) => e.seq);
    expect(got.length).toBeLessThan(stored.length);
    expect(got).toEqual(stored.slice(0, got.length).map((e) => e.seq));
    // Only the slow one was cut.
    expect(await metricsText()).toMatch(/^dashboard_ws_disconnects_total\{reason="slow_consumer"\} 1$/m);
  });

  it('publishes metrics snapshots with processes, task counts and today\'s cost', async () => {
    const { url } = await startApp({ metricsIntervalMs: 100 });
    const finished = await startRun(url, { steps: [{ text: 'costly' }] });
    await waitForEnd(url, finished.id);
    const client = await open(url);
    await client.subscribe('metrics');
    await client.untilSeq('metrics', 2);
    const snapshot = metricsSnapshot.parse(client.events('metrics').at(-1)?.data);
    expect(snapshot).toMatchObject({ serverId: 'ws-runs', activeProcesses: 0, runningTasks: 0 });
    // Tasks by status (none were created here).
    expect(Object.values(snapshot.queueDepth ?? { missing: 1 }).every((n) => n === 0)).toBe(true);
    expect(snapshot.costTodayUsd).toBeGreaterThan(0);
  });

  it('says going-away (1001) to clients when the server stops, and refuses new ones while draining', async () => {
    const { app, url } = await startApp({}, { DRAIN_TIMEOUT: '2s' });
    const hanging = await startRun(url, { steps: [{ hang: true }] });
    const client = await open(url);
    await client.subscribe(`run:${hanging.id}`);
    const stopping = app.stop();
    expect(await client.closed).toEqual({ code: 1001, reason: 'server shutting down' });
    await expect(LiveClient.connect(url, { headers: bearer(admin.token) })).rejects.toThrow('HTTP 503');
    await stopping;
    expect(app.lifecycle.state).toBe('stopped');
  });
});
