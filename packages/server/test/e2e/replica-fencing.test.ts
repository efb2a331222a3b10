/**
 * Self-fencing through the BUILT server: two replicas (PostgreSQL + Redis, fake agent as `claude`)
 * where replica A can no longer renew its heartbeat while everything else it does still works.
 * The cut is made in the database itself: a trigger on `replicas` refuses A's heartbeat writes
 * (beats and registrations keep the row `alive`; a recoverer's `dead` and a shutdown's `stopped`
 * go through), so A sees its heartbeat fail the way a dropped connection fails it.
 *
 * B starts first (it leads recovery) and is kept full (MAX_CONCURRENT_PROCESSES=1 and a task that
 * holds its slot), so A, with two slots, is the only replica that could take new work. Then:
 *  - A's agent is gone while A is still `alive` in the replica table and its run still active:
 *    A stopped it itself, before B could recover it; A's /ready is 503 (with the reason) while
 *    /health still answers, and a task created meanwhile is not claimed (its job stays queued);
 *  - B declares A dead and recovers the run (lost, its task queued again: settled once);
 *  - once A's heartbeat writes go through again, A is ready, claims work again (the waiting task
 *    and the recovered task's retry run on A), and wrote nothing over B's recovery.
 * Assertions are on order and state (what the store and the API show at each step), not timings.
 */
import { randomBytes } from 'node:crypto';
import {
  clusterReplicaList,
  readyResponse,
  run as runSchema,
  runEventsPage,
  runList,
  task as taskSchema,
  taskTimeline,
  type Run,
  type RunEvent,
  type Task,
} from '@dash/shared';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TASK_QUEUE_NAME } from '../../src/app-core-loop.js';
import { FAKE_AGENT } from '../fixtures/fake-agent/fake-agent-runner.js';
import { randomAdminToken, randomPassword } from '../support/auth.js';
import { fakeScript, teamMember, teamRegistry } from '../support/core-loop-harness.js';
import { makeRegistryFixture, type RegistryFixture } from '../support/employee-registry-fixture.js';
import { createTestDatabase, withAdminClient, type TestDatabase } from '../support/postgres.js';
import { killAllServers, startServer, type SpawnedServer } from '../support/server-process.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const HEARTBEAT = '500ms';
const DEAD_AFTER = '12s';
// Fence after 12 s − 0.5 s − 2 × 2 s = 7.5 s without a renewed heartbeat (replica-fence.ts).
const STOP_GRACE = '2s';

/** Refuses the heartbeat writes (row kept `alive`) of the node ids listed in fence_test_cut. */
const CUT_SQL = `
create table fence_test_cut (node_id text primary key);
create function fence_test_refuse_beat() returns trigger language plpgsql as $$
begin
  if new.state = 'alive' and exists (select 1 from fence_test_cut where node_id = new.node_id) then
    raise exception 'heartbeat of % refused: cut off from the store (test)', new.node_id;
  end if;
  return new;
end $$;
create trigger fence_test_refuse_beat before insert or update on replicas
  for each row execute function fence_test_refuse_beat();
`;

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('a replica that cannot renew its heartbeat fences itself', () => {
  let registry: RegistryFixture;
  let database: TestDatabase;
  const prefix = `dash-fence-${randomBytes(4).toString('hex')}`;
  let a: SpawnedServer;
  let b: SpawnedServer;

  const shared = (): Record<string, string> => ({
    DATABASE_URL: database.url,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    EMPLOYEE_REGISTRY_DIR: registry.path,
    AGENT_CLAUDE_BIN: FAKE_AGENT,
    AGENT_CODEX_BIN: '/nonexistent/codex',
    AGENT_MAX_RESTARTS: '0',
    AGENT_STOP_GRACE: STOP_GRACE,
    DISPATCH_INTERVAL: '200ms',
    TASK_RETRY_BACKOFF: '200ms',
    DRAIN_TIMEOUT: '1s',
    REPLICA_HEARTBEAT_INTERVAL: HEARTBEAT,
    REPLICA_DEAD_AFTER: DEAD_AFTER,
    SERVE_WEB: 'false',
    MEMORY_EMBEDDINGS: 'hash',
    MEMORY_ENCRYPTION_KEY: memoryKey,
    MEMORY_CLEANUP_CRON: 'off',
    DASHBOARD_ADMIN_TOKEN: adminToken,
    DASHBOARD_ADMIN_PASSWORD: adminPassword,
  });
  const memoryKey = randomBytes(32).toString('base64');
  const adminToken = randomAdminToken();
  const adminPassword = randomPassword();

  /** JSON from `server`, parsed; throws with the body on another status. */
  const get = async <T>(server: SpawnedServer, path: string, parse: (v: unknown) => T): Promise<T> => {
    const res = await server.api(path);
    const text = await res.text();
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${text}`);
    return parse(JSON.parse(text));
  };
  const createTask = async (server: SpawnedServer, title: string, description: string): Promise<Task> => {
    const res = await server.api('/api/tasks', { method: 'POST', body: JSON.stringify({ title, description }), headers: { 'content-type': 'application/json' } });
    if (res.status !== 201) throw new Error(`POST /api/tasks: ${res.status} ${await res.text()}`);
    return taskSchema.parse(await res.json());
  };
  const taskOf = (id: string) => get(b, `/api/tasks/${id}`, (v) => taskSchema.parse(v));
  const runsOf = async (id: string) => (await get(b, `/api/tasks/${id}/runs`, (v) => runList.parse(v))).items;
  const runOf = (id: string) => get(b, `/api/runs/${id}`, (v) => runSchema.parse(v));
  const replicaState = async (nodeId: string) => (await get(b, '/api/cluster/replicas', (v) => clusterReplicaList.parse(v))).items.find((r) => r.nodeId === nodeId)?.state;
  const ready = async (server: SpawnedServer) => {
    const res = await fetch(`${server.url}/ready`);
    return { status: res.status, body: readyResponse.parse(await res.json()) };
  };
  const eventsOf = async (runId: string): Promise<RunEvent[]> => {
    const all: RunEvent[] = [];
    for (let after = 0; ; ) {
      const page = await get(b, `/api/runs/${runId}/events?after=${after}&limit=1000`, (v) => runEventsPage.parse(v));
      if (page.events.length === 0) return all;
      all.push(...page.events);
      after = page.nextAfter;
    }
  };
  /** The BullMQ state of a task's job (`active` = claimed by some dispatcher). */
  const jobState = async (taskId: string): Promise<string> => {
    const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue(TASK_QUEUE_NAME, { connection, prefix });
    try {
      return await queue.getJobState(`j_${taskId}`);
    } finally {
      await queue.close();
      connection.disconnect();
    }
  };
  const until = async <T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) {
        const tail = (s: SpawnedServer | undefined) => (s ? s.stdout().slice(-2500) : '');
        throw new Error(`timed out waiting for ${what}\n--- A ---\n${tail(a)}\n--- B ---\n${tail(b)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const runningRun = (taskId: string, nodeId: string, timeoutMs?: number) =>
    until(
      `a run of ${taskId} running on ${nodeId}`,
      async () => (await runsOf(taskId)).find((r): r is Run & { pid: number } => r.nodeId === nodeId && r.status === 'running' && r.pid !== null),
      timeoutMs,
    );

  beforeAll(async () => {
    registry = await makeRegistryFixture();
    await registry.write(teamRegistry([teamMember('emp_481', { maxConcurrentTasks: 4 }), teamMember('emp_482', { maxConcurrentTasks: 4 })]));
    database = await createTestDatabase();
    b = await startServer({ env: { ...shared(), NODE_ID: 'fence-b', MAX_CONCURRENT_PROCESSES: '1' }, readyTimeoutMs: 60_000 });
    await withAdminClient((client) => client.query(CUT_SQL), database.url);
  }, 90_000);

  afterAll(async () => {
    for (const server of [a, b]) if (server) await server.stop('SIGTERM', 20_000);
    await killAllServers();
    await database?.drop();
    await registry?.cleanup();
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    try {
      for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 }) as AsyncIterable<string[]>) {
        if (keys.length > 0) await redis.del(...keys);
      }
    } finally {
      await redis.quit();
    }
  }, 60_000);

  it('stops its agent before it could be recovered, claims nothing and is not ready; after the heartbeat is back it claims again', async () => {
    // B's only slot is taken; A (two slots) is the only replica that can take work.
    const holder = await createTask(b, 'Holds B', fakeScript('Hold.', { steps: [{ text: 'holding' }, { sleep: 600_000 }] }));
    await runningRun(holder.id, 'fence-b');
    a = await startServer({ env: { ...shared(), NODE_ID: 'fence-a', MAX_CONCURRENT_PROCESSES: '2' }, readyTimeoutMs: 60_000 });
    const fenced = await createTask(a, 'Runs on A', fakeScript('Work.', { steps: [{ emit: { count: 100_000, rate: 20, text: 'fenced' } }] }));
    const first = await runningRun(fenced.id, 'fence-a');
    expect((await ready(a)).status).toBe(200);

    // A's heartbeat writes are refused from now on.
    await withAdminClient((client) => client.query(`insert into fence_test_cut values ('fence-a')`), database.url);

    const notReady = await until('A not ready', async () => {
      const r = await ready(a);
      return r.status === 503 ? r.body : undefined;
    });
    expect(notReady).toMatchObject({ ready: false, state: 'ready', nodeId: 'fence-a' });
    expect(notReady.reason).toMatch(/^fenced: heartbeat not renewed for \d+\.\d s$/);
    // Liveness is untouched: /health answers (Kubernetes does not restart a fenced replica).
    expect([200, 503]).toContain((await fetch(`${a.url}/health`)).status);

    // A's agent is gone while A is still alive to everyone else and its run still active: A
    // stopped it itself, before any replica could declare it dead and recover the run.
    await until('A’s agent gone', () => (alive(first.pid) ? undefined : true));
    expect(await replicaState('fence-a')).toBe('alive');
    expect((await runOf(first.id)).status).toBe('running');

    // Created while A is fenced: nobody may take it (B is full, A claims nothing).
    const waiting = await createTask(b, 'Waits while A is fenced', fakeScript('Quick.', { steps: [{ text: 'after the fence' }] }));

    // B declares A dead and recovers the run: lost, and its task queued again by its retry policy.
    const lost = await until('A’s run recovered by B', async () => {
      const r = await runOf(first.id);
      return r.status === 'lost' ? r : undefined;
    });
    expect(lost).toMatchObject({ errorCode: 'RUN_LOST', nodeId: 'fence-a' });
    expect(lost.errorMessage).toContain('fence-a stopped sending heartbeats');
    expect(await replicaState('fence-a')).toBe('dead');
    const stored = await eventsOf(first.id);
    const seqOf = (match: (e: RunEvent['event']) => boolean) => stored.find((e) => match(e.event))?.seq ?? -1;
    const fencedStop = seqOf((e) => e.type === 'supervisor' && e.action === 'stop_requested' && e.message.includes('fenced itself'));
    const recoveredAt = seqOf((e) => e.type === 'supervisor' && e.action === 'lost');
    expect(fencedStop).toBeGreaterThan(0);
    expect(recoveredAt).toBeGreaterThan(seqOf((e) => e.type === 'exit'));
    expect(seqOf((e) => e.type === 'exit')).toBeGreaterThan(fencedStop);

    // All the while A was fenced with a free slot, the waiting task's job stayed in the queue
    // unclaimed (a claim would make it `active`), and nothing ran it.
    expect((await ready(a)).status).toBe(503);
    expect(await jobState(waiting.id)).toMatch(/^(waiting|prioritized)$/);
    expect(await taskOf(waiting.id)).toMatchObject({ status: 'queued', lastRunId: null });
    expect(await runsOf(waiting.id)).toEqual([]);

    // A's heartbeat writes go through again: it registers anew, is ready, and claims again.
    await withAdminClient((client) => client.query(`delete from fence_test_cut`), database.url);
    await until('A ready again', async () => ((await ready(a)).status === 200 ? true : undefined));
    expect(await replicaState('fence-a')).toBe('alive');
    const done = await until('the waiting task completed', async () => {
      const t = await taskOf(waiting.id);
      return t.status === 'completed' ? t : undefined;
    });
    expect((await runsOf(done.id)).map((r) => [r.nodeId, r.status])).toEqual([['fence-a', 'succeeded']]);
    // The recovered task's job was held by A; A enqueues it again once the fence is lifted (well
    // before the periodic sweep a minute on), and runs the retry.
    const retry = await runningRun(fenced.id, 'fence-a', 20_000);
    expect(retry.id).not.toBe(first.id);
    expect(alive(first.pid)).toBe(false);

    // A wrote nothing over B's recovery; the task was settled once (one failed attempt, one retry).
    expect(await runOf(first.id)).toMatchObject({ status: 'lost', errorMessage: lost.errorMessage, endedAt: lost.endedAt });
    expect(await eventsOf(first.id)).toEqual(stored);
    const timeline = (await get(b, `/api/tasks/${fenced.id}/timeline`, (v) => taskTimeline.parse(v))).items;
    expect(timeline.filter((e) => e.to === 'failed').map((e) => e.data?.runId)).toEqual([first.id]);
    expect((await taskOf(fenced.id)).attempts).toBe(2);

    const logsOf = (s: SpawnedServer) => s.logs().map((l) => String(l.msg));
    expect(logsOf(a).some((m) => m.startsWith('replica fenced itself'))).toBe(true);
    expect(a.logs().some((l) => String(l.msg).startsWith('replica heartbeat renewed: fence lifted') && l.owner === 'elsewhere')).toBe(true);
    expect(logsOf(b)).toContain('replica declared dead: no heartbeat');
  }, 240_000);
});
