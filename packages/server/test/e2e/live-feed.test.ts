/**
 * The live feed against the BUILT server (fake agent installed as `claude`), over real loopback
 * sockets: a run watched live arrives exactly once and in order and matches the REST event log; a
 * client dropped mid-run resumes with no gap and no duplicate; bad messages get error frames; the
 * metrics topic sends typed snapshots; SIGTERM tells connected clients going-away (1001).
 */
import { isTerminalRunStatus, metricsSnapshot, run, runEventsPage, type Run, type RunEvent } from '@dash/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_AGENT } from '../fixtures/fake-agent/fake-agent-runner.js';
import { LiveClient } from '../support/live-feed-client.js';
import { scripted } from '../support/run-harness.js';
import { killAllServers, startServer, type SpawnedServer } from '../support/server-process.js';

const env = { NODE_ID: 'e2e-live', AGENT_CLAUDE_BIN: FAKE_AGENT, AGENT_CODEX_BIN: '/nonexistent/codex', AGENT_STOP_GRACE: '300ms' };

async function startRun(server: SpawnedServer, script: Record<string, unknown>): Promise<Run> {
  const res = await server.api(`/api/runs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ runtime: 'claude-code', prompt: scripted('live', script) }),
  });
  expect(res.status).toBe(201);
  return run.parse(await res.json());
}

async function waitForEnd(server: SpawnedServer, id: string): Promise<Run> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const current = run.parse(await (await server.api(`/api/runs/${id}`)).json());
    if (isTerminalRunStatus(current.status)) return current;
    if (Date.now() > deadline) throw new Error(`run ${id} still ${current.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function storedEvents(server: SpawnedServer, id: string): Promise<RunEvent[]> {
  return runEventsPage.parse(await (await server.api(`/api/runs/${id}/events?limit=5000`)).json()).events;
}

describe('live feed (built server)', () => {
  let server: SpawnedServer;
  const clients: LiveClient[] = [];
  const open = async (resume?: Parameters<typeof LiveClient.open>[1]): Promise<LiveClient> => {
    const client = await LiveClient.open(server.url, resume, { headers: server.authHeaders() });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = await startServer({ env });
  });
  afterAll(async () => {
    for (const client of clients) client.terminate();
    await server?.stop();
    await killAllServers();
  });

  it('streams a running agent exactly once and in order, matching the stored log', async () => {
    const client = await open();
    expect(client.frames[0]).toEqual({ type: 'welcome', v: 1, serverId: 'e2e-live', heartbeatMs: 15_000 });
    const started = await startRun(server, { steps: [{ text: 'start' }, { emit: { count: 300, rate: 300 } }] });
    const topic = `run:${started.id}`;
    await client.subscribe(topic);
    const done = await waitForEnd(server, started.id);
    expect(done.status).toBe('succeeded');
    const stored = await storedEvents(server, started.id);
    expect(stored).toHaveLength(done.eventCount);
    await client.untilSeq(topic, stored.at(-1)?.seq ?? 0);
    expect(client.events(topic).map((e) => e.data)).toEqual(stored);
  });

  it('resumes a dropped client from its last seq with no gap and no duplicate', async () => {
    const started = await startRun(server, { steps: [{ emit: { count: 500, rate: 250 } }] });
    const topic = `run:${started.id}`;
    const first = await open();
    await first.subscribe(topic);
    await first.untilSeq(topic, 80);
    first.terminate();
    await first.closed;
    const before = first.events(topic).map((e) => e.data as RunEvent);
    await new Promise((r) => setTimeout(r, 300));
    const second = await open([{ topic, afterSeq: before.at(-1)?.seq ?? 0 }]);
    await waitForEnd(server, started.id);
    const stored = await storedEvents(server, started.id);
    await second.untilSeq(topic, stored.at(-1)?.seq ?? 0);
    expect([...before, ...second.events(topic).map((e) => e.data as RunEvent)]).toEqual(stored);
  });

  it('answers bad messages with error frames and keeps serving', async () => {
    const client = await open();
    client.send('{"type":"subscribe"');
    expect(await client.next((m) => m.type === 'error')).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await client.subscribe('weather')).toMatchObject({ type: 'error', code: 'LIVE_TOPIC_UNKNOWN' });
    client.send({ type: 'ping', id: 'still-there' });
    expect(await client.next((m) => m.type === 'pong')).toEqual({ type: 'pong', id: 'still-there' });
  });

  it('streams task changes on the tasks topic and resumes them after a reconnect', async () => {
    const createTask = async (title: string): Promise<string> => {
      const res = await server.api(`/api/tasks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title, description: 'live feed e2e' }),
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const first = await open();
    const subscribed = await first.subscribe('tasks');
    if (subscribed.type !== 'subscribed' || subscribed.epoch === null) throw new Error(`unexpected ${JSON.stringify(subscribed)}`);
    const one = await createTask('first');
    await first.next((m) => m.type === 'event' && m.topic === 'tasks' && (m.data as { id: string }).id === one);
    first.terminate();
    await first.closed;
    const lastSeen = Math.max(...first.events('tasks').map((e) => e.seq));
    const two = await createTask('second');
    // Let the task's own updates (dispatch) go by while the client is away.
    await new Promise((r) => setTimeout(r, 300));

    const second = await open([{ topic: 'tasks', afterSeq: lastSeen, epoch: subscribed.epoch }]);
    await second.next((m) => m.type === 'event' && m.topic === 'tasks' && (m.data as { id: string }).id === two);
    const seqs = second.events('tasks').map((e) => e.seq);
    expect(seqs[0]).toBe(lastSeen + 1);
    expect(seqs).toEqual(seqs.map((_, i) => lastSeen + 1 + i));
  });

  it('sends metrics snapshots', async () => {
    const client = await open();
    await client.subscribe('metrics');
    await client.next((m) => m.type === 'event' && m.topic === 'metrics');
    const snapshot = metricsSnapshot.parse(client.events('metrics')[0]?.data);
    expect(snapshot.serverId).toBe('e2e-live');
    expect(snapshot.activeProcesses).toEqual(expect.any(Number));
    expect(snapshot.costTodayUsd).toBeGreaterThan(0);
  });

  it('tells connected clients going-away (1001) on SIGTERM', async () => {
    const client = await open();
    await client.subscribe('tasks');
    const exit = server.stop('SIGTERM');
    expect(await client.closed).toEqual({ code: 1001, reason: 'server shutting down' });
    expect((await exit).code).toBe(0);
  });
});
