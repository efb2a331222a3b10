/**
 * The scale-out topology end to end, through the real nginx: three backend replicas
 * (SERVICE_ROLE=api,worker) on one fresh PostgreSQL database and the machine's Redis, the memory
 * service, the API bridge, nginx serving the built SPA and balancing /api and /ws
 * (scripts/topology/topology.mjs). Agents are the fake agent streaming numbered lines.
 *
 *  - the SPA and the API answer through nginx, spread over the replicas;
 *  - a run's output is watched live from a replica other than the one running it: every line, in
 *    order, the same as stored;
 *  - stop and follow-up sent to a replica that does not run the agent reach the one that does;
 *  - the replica leading recovery is killed with SIGKILL while every replica runs tasks: another
 *    takes the lead, marks the dead replica's runs lost (its orphaned agents killed), their tasks
 *    run again elsewhere and finish; every finished run stored exactly the lines its agent printed,
 *    and the watcher received exactly what was stored; nothing stays running; the killed replica
 *    comes back under its NODE_ID and works again.
 *
 * Needs a build (npm run build) and nginx (apt-get install -y nginx; .ci/run installs it).
 */
import { readFileSync } from 'node:fs';
import { clusterReplicaList, followUpResult, run as runSchema, type LiveEventMessage, type RunEvent, type Task } from '@dash/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emittedNumbers, eventually, leaderHolders, startTopologyHarness, type TopologyHarness } from '../support/topology-harness.js';
import type { LiveClient } from '../support/live-feed-client.js';

const TEAM = [
  { id: 'emp_301', slots: 2 },
  { id: 'emp_302', slots: 2 },
  { id: 'emp_303', slots: 2 },
];
const LINES = 50;
const emit = (text: string, count: number, rate: number) => ({ steps: [{ emit: { count, rate, text } }], result: { success: true, text: `${text} done` } });

let h: TopologyHarness;
const clients: LiveClient[] = [];

beforeAll(async () => {
  h = await startTopologyHarness({
    team: TEAM,
    replicaEnv: {
      MAX_CONCURRENT_PROCESSES: '2',
      DISPATCH_INTERVAL: '200ms',
      DISPATCH_LEASE: '2s',
      TASK_RETRY_BACKOFF: '200ms',
      AGENT_MAX_RESTARTS: '0',
      AGENT_STOP_GRACE: '300ms',
      REPLICA_HEARTBEAT_INTERVAL: '300ms',
      REPLICA_DEAD_AFTER: '2s',
      RUN_CONTROL_TIMEOUT: '3s',
    },
  });
});

afterAll(async () => {
  for (const c of clients) c.terminate();
  await h?.stop();
});

async function live(baseUrl: string): Promise<LiveClient> {
  const client = await h.live(baseUrl);
  clients.push(client);
  return client;
}

const runEventsOf = (client: LiveClient, runId: string): RunEvent[] =>
  client.events(`run:${runId}`).map((m: LiveEventMessage) => m.data as RunEvent);

async function runningTask(id: string): Promise<{ task: Task; runId: string; nodeId: string }> {
  return eventually(`task ${id} running`, async () => {
    const task = await h.task(id);
    if (task.status !== 'running' || task.lastRunId === null) return undefined;
    const run = await h.run(task.lastRunId);
    return run.nodeId === null || run.status !== 'running' ? undefined : { task, runId: run.id, nodeId: run.nodeId };
  });
}

const completed = (id: string) =>
  eventually(`task ${id} completed`, async () => {
    const t = await h.task(id);
    if (t.status === 'failed' || t.status === 'cancelled') throw new Error(`task ${t.title} ended ${t.status}`);
    return t.status === 'completed' ? t : undefined;
  }, 120_000);

const seqsOf = (events: readonly RunEvent[]) => events.map((e) => e.seq);
const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('scale-out topology through nginx (3 replicas, PostgreSQL, Redis)', () => {
  it('serves the SPA and the API through nginx, balanced over the three replicas', async () => {
    const page = await fetch(`${h.topology.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app"');
    const nodes = new Set<string>();
    for (let i = 0; i < 12; i++) nodes.add(((await (await h.api('/api/system')).json()) as { nodeId: string }).nodeId);
    expect(nodes.size).toBeGreaterThanOrEqual(2);
    const replicas = clusterReplicaList.parse(await (await h.api('/api/cluster/replicas')).json());
    expect(replicas.items.map((r) => [r.nodeId, r.state])).toEqual([
      ['replica-1', 'alive'],
      ['replica-2', 'alive'],
      ['replica-3', 'alive'],
    ]);
  });

  it('a run is watched live from a replica other than the one running it: every line, in order, as stored', async () => {
    const task = await h.createTask('Watched from elsewhere', emit('watched', 40, 20));
    const { runId, nodeId } = await runningTask(task.id);
    const watcherReplica = h.replicas.find((r) => r.nodeId !== nodeId);
    if (!watcherReplica) throw new Error('no other replica');
    const watcher = await live(watcherReplica.url);
    let firstLiveAt = 0;
    watcher.listen((m, at) => {
      if (m.type === 'event' && firstLiveAt === 0) firstLiveAt = at;
    });
    expect((await watcher.subscribe(`run:${runId}`)).type).toBe('subscribed');
    // And one through nginx, as a browser would connect.
    const browser = await live(h.topology.url);
    expect((await browser.subscribe(`run:${runId}`)).type).toBe('subscribed');

    await completed(task.id);
    const run = runSchema.parse(await h.run(runId));
    const stored = await h.events(runId);
    expect(seqsOf(stored)).toEqual(oneToN(stored.length));
    expect(emittedNumbers(stored, 'watched')).toEqual(oneToN(40));
    for (const client of [watcher, browser]) {
      await client.untilSeq(`run:${runId}`, stored.length);
      expect(runEventsOf(client, runId)).toEqual(stored);
    }
    // The watcher saw output while the run was still going (live, not a replay at the end).
    expect(firstLiveAt).toBeGreaterThan(0);
    expect(firstLiveAt).toBeLessThan(Date.parse(run.endedAt ?? ''));
  });

  it('follow-up and stop sent to another replica reach the one running the agent', async () => {
    const task = await h.createTask('Controlled from elsewhere', emit('long', 600, 10));
    const { runId, nodeId } = await runningTask(task.id);
    const other = h.replicas.find((r) => r.nodeId !== nodeId);
    if (!other) throw new Error('no other replica');

    const follow = await h.direct(other, `/api/runs/${runId}/follow-up`, { method: 'POST', body: JSON.stringify({ text: 'hello from another replica' }) });
    expect(follow.status).toBe(200);
    expect(followUpResult.parse(await follow.json())).toMatchObject({ mode: 'stdin', run: { id: runId, nodeId } });
    await eventually('the follow-up in the run log', async () =>
      (await h.events(runId)).some((e) => e.event.type === 'user.message' && e.event.text === 'hello from another replica') ? true : undefined,
    );

    const stop = await h.direct(other, `/api/runs/${runId}/stop`, { method: 'POST' });
    expect(stop.status).toBe(200);
    expect(runSchema.parse(await stop.json())).toMatchObject({ id: runId, status: 'cancelled', nodeId });
    await eventually('task cancelled', async () => ((await h.task(task.id)).status === 'cancelled' ? true : undefined));
    expect(h.replicaOf(nodeId).logs()).toContain('run control routed from another replica');

    // Nothing left to stop: the owner's answer comes back with its code.
    const again = await h.direct(other, `/api/runs/${runId}/stop`, { method: 'POST' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('RUN_NOT_ACTIVE');
  });

  it('the recovery leader killed with SIGKILL mid-run loses no task and no event; it comes back under its NODE_ID', async () => {
    const leader = await eventually('one replica leads recovery', async () => {
      const holders = await leaderHolders(h.topology.databaseUrl, 'replica-recovery');
      return holders.length === 1 ? holders[0] : undefined;
    });
    const victim = h.replicaOf(leader);

    const tasks = await Promise.all(Array.from({ length: 6 }, (_, i) => h.createTask(`Load ${i + 1}`, emit('load', LINES, 10))));
    // Six slots, two agents per replica: every replica runs two.
    const running = await eventually('every replica runs two tasks', async () => {
      const active = (await h.activeRuns()).filter((r) => r.status === 'running' && r.pid !== null);
      const perNode = new Map<string, number>();
      for (const r of active) perNode.set(r.nodeId ?? '', (perNode.get(r.nodeId ?? '') ?? 0) + 1);
      return active.length === 6 && [...perNode.values()].every((n) => n === 2) ? active : undefined;
    });
    const victimRuns = running.filter((r) => r.nodeId === victim.nodeId);
    expect(victimRuns).toHaveLength(2);

    // A watcher on a surviving replica follows the victim's runs (and, later, every other run).
    const survivor = h.replicas.find((r) => r !== victim);
    if (!survivor) throw new Error('no survivor');
    const watcher = await live(survivor.url);
    for (const r of victimRuns) await watcher.subscribe(`run:${r.id}`);
    await eventually('the victim streams', async () => (victimRuns.every((r) => runEventsOf(watcher, r.id).length >= 5) ? true : undefined));

    expect((await victim.kill('SIGKILL')).signal).toBe('SIGKILL');

    for (const t of tasks) await completed(t.id);
    expect(await h.activeRuns()).toEqual([]);

    // Leadership moved and the dead replica is recorded as such.
    const newLeader = await eventually('a new recovery leader', async () => {
      const holders = await leaderHolders(h.topology.databaseUrl, 'replica-recovery');
      return holders.length === 1 && holders[0] !== victim.nodeId ? holders[0] : undefined;
    });
    expect(newLeader).not.toBe(victim.nodeId);
    const replicas = clusterReplicaList.parse(await (await h.api('/api/cluster/replicas')).json());
    expect(replicas.items.find((r) => r.nodeId === victim.nodeId)).toMatchObject({ state: 'dead', activeRuns: 0 });

    let crashWindow = 0;
    for (const lostRun of victimRuns) {
      const run = await h.run(lostRun.id);
      expect(run).toMatchObject({ status: 'lost', errorCode: 'RUN_LOST' });
      // Its orphaned agent process group was killed (or had died with its pipe).
      expect(processOfRun(lostRun.pid ?? -1, lostRun.id)).toBe(false);
      const stored = await h.events(lostRun.id);
      expect(seqsOf(stored)).toEqual(oneToN(stored.length));
      const marker = stored[stored.length - 1];
      expect(marker?.event).toMatchObject({ type: 'supervisor', action: 'lost' });
      // The watcher received every stored line the dead replica had written, identically. Lines it
      // published in its last moments but never wrote are the crash window: after the marker's seq.
      const received = runEventsOf(watcher, lostRun.id);
      expect(received.filter((e) => e.seq < (marker?.seq ?? 0))).toEqual(stored.slice(0, -1));
      const beyond = received.filter((e) => e.seq >= (marker?.seq ?? 0));
      if (beyond.length > 0 && beyond[0]?.event.type !== 'supervisor') crashWindow += beyond.length;
      else expect(beyond).toEqual([marker]);
    }

    // Every task finished on a surviving replica with every line its agent printed, stored once
    // and in order; a subscriber on another replica received exactly what was stored.
    let printed = 0;
    let storedLines = 0;
    let receivedLines = 0;
    for (const t of tasks) {
      const runs = await h.runsOfTask(t.id);
      const done = runs.filter((r) => r.status === 'succeeded');
      expect(done).toHaveLength(1);
      const final = done[0];
      if (!final) continue;
      expect(final.nodeId).not.toBe(victim.nodeId);
      const stored = await h.events(final.id);
      expect(seqsOf(stored)).toEqual(oneToN(stored.length));
      expect(emittedNumbers(stored, 'load')).toEqual(oneToN(LINES));
      await watcher.subscribe(`run:${final.id}`);
      await watcher.untilSeq(`run:${final.id}`, stored.length);
      expect(runEventsOf(watcher, final.id)).toEqual(stored);
      printed += LINES;
      storedLines += emittedNumbers(stored, 'load').length;
      receivedLines += emittedNumbers(runEventsOf(watcher, final.id), 'load').length;
      // Tasks of the victim's runs ran again: the lost run, then the successful one.
      if (victimRuns.some((r) => r.taskId === t.id)) expect(runs.map((r) => r.status).sort()).toEqual(['lost', 'succeeded']);
    }
    expect({ printed, storedLines, receivedLines }).toEqual({ printed: 6 * LINES, storedLines: 6 * LINES, receivedLines: 6 * LINES });
    console.log(`[topology] killed ${victim.nodeId}; recovered by ${newLeader}; lines printed/stored/received ${printed}/${storedLines}/${receivedLines}; crash-window events ${crashWindow}`);

    const recoveredMetric = await Promise.all(h.replicas.filter((r) => r !== victim).map(async (r) => metricValue(await (await h.direct(r, '/metrics')).text(), 'dashboard_replica_runs_recovered_total')));
    expect(recoveredMetric.reduce((a, b) => a + b, 0)).toBe(2);

    // The killed replica comes back under its NODE_ID and takes work again.
    await victim.restart();
    await eventually('the victim alive again', async () => {
      const list = clusterReplicaList.parse(await (await h.api('/api/cluster/replicas')).json());
      return list.items.find((r) => r.nodeId === victim.nodeId)?.state === 'alive' ? true : undefined;
    });
    const after = await Promise.all(Array.from({ length: 6 }, (_, i) => h.createTask(`After ${i + 1}`, emit('after', 5, 20))));
    for (const t of after) await completed(t.id);
    const nodes = new Set((await Promise.all(after.map((t) => h.runsOfTask(t.id)))).flat().map((r) => r.nodeId));
    expect(nodes.has(victim.nodeId)).toBe(true);
  });
});

/** Whether a live process with this pid carries DASH_RUN_ID=<runId> (the agent of that run). */
function processOfRun(pid: number, runId: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`DASH_RUN_ID=${runId}`);
  } catch {
    return false;
  }
}

function metricValue(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? 0 : Number(line.slice(name.length + 1));
}
