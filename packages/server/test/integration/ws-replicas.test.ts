/**
 * Scale-out: two app replicas in-process sharing one PostgreSQL database and one Redis (the event
 * bus on Redis pub/sub). A run started on replica A is watched live from replica B: B's client
 * gets every event exactly once and in order (history from the shared store, the live tail through
 * Redis), the same transcript as A's client and as the REST API. Fails, never skips, when
 * PostgreSQL or Redis is unreachable.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isTerminalRunStatus, run, runEventsPage, type Run, type RunEvent } from '@dash/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { formatConfigIssues, loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/observability/logger.js';
import { FAKE_AGENT } from '../fixtures/fake-agent/fake-agent-runner.js';
import { LiveClient } from '../support/live-feed-client.js';
import { adminTokenEnv, authedFetch, bearer } from '../support/auth.js';

/** The app gets DASHBOARD_ADMIN_TOKEN; every API and live-feed call sends it. */
const admin = adminTokenEnv();
const api = authedFetch(admin.token);
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { scripted } from '../support/run-harness.js';
import { connectTestRedis, TEST_REDIS_URL } from '../support/redis.js';

let db: TestDatabase;

beforeAll(async () => {
  (await connectTestRedis()).disconnect();
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function replica(nodeId: string): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dash-replica-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const loaded = loadConfig({
    DATA_DIR: dataDir,
    SERVE_WEB: 'false',
    NODE_ID: nodeId,
    DATABASE_URL: db.url,
    REDIS_URL: TEST_REDIS_URL,
    AGENT_CLAUDE_BIN: FAKE_AGENT,
    AGENT_CODEX_BIN: '/nonexistent/codex',
    AGENT_STOP_GRACE: '300ms',
    ...admin.env,
  });
  if (!loaded.ok) throw new Error(formatConfigIssues(loaded.issues));
  const app: App = createApp({ ...loaded.config, http: { host: '127.0.0.1', port: 0 } }, { logger: createLogger({ level: 'silent', nodeId }) });
  cleanups.push(() => app.stop());
  return (await app.start()).url;
}

async function open(url: string): Promise<LiveClient> {
  const client = await LiveClient.open(url, undefined, { headers: bearer(admin.token) });
  cleanups.push(() => client.terminate());
  return client;
}

async function waitForEnd(url: string, id: string): Promise<Run> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const current = run.parse(await (await api(`${url}/api/runs/${id}`)).json());
    if (isTerminalRunStatus(current.status)) return current;
    if (Date.now() > deadline) throw new Error(`run ${id} still ${current.status}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function storedEvents(url: string, id: string): Promise<RunEvent[]> {
  const page = runEventsPage.parse(await (await api(`${url}/api/runs/${id}/events?limit=5000`)).json());
  return page.events;
}

describe('live feed across replicas (PostgreSQL + Redis)', () => {
  it('streams a run owned by one replica to a client of the other exactly once, in order', async () => {
    const urlA = await replica('replica-a');
    const urlB = await replica('replica-b');
    const onA = await open(urlA);
    const onB = await open(urlB);
    expect(onB.frames[0]).toMatchObject({ type: 'welcome', serverId: 'replica-b' });

    const res = await api(`${urlA}/api/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ runtime: 'claude-code', prompt: scripted('stream', { steps: [{ emit: { count: 500, rate: 250 } }] }) }),
    });
    expect(res.status).toBe(201);
    const started = run.parse(await res.json());
    expect(started.nodeId).toBe('replica-a');
    const topic = `run:${started.id}`;
    await onA.subscribe(topic);
    await onB.subscribe(topic);
    await onB.untilSeq(topic, 100);
    // Joins mid-run on B: history from the shared store, then the live tail through Redis.
    const lateOnB = await open(urlB);
    await lateOnB.subscribe(topic);

    await waitForEnd(urlA, started.id);
    const stored = await storedEvents(urlB, started.id);
    expect(stored).toEqual(await storedEvents(urlA, started.id));
    const last = stored.at(-1)?.seq ?? 0;
    for (const client of [onA, onB, lateOnB]) {
      await client.untilSeq(topic, last);
      expect(client.events(topic).map((e) => e.data)).toEqual(stored);
    }
  });
});
