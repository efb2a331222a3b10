/**
 * Replicas on one PostgreSQL database (services/cluster): the replica table's conditional writes,
 * recovery of a replica whose heartbeat stopped (its run marked lost by the leader of the
 * `replica-recovery` lock, judged by a counter that stopped moving, not by clocks), fencing of a
 * replica that was given up while it still ran (its agent killed, nothing more written), and stop /
 * follow-up routed to the replica that runs the agent (request/response over the bus).
 *
 * Two "replicas" here are two real RunServices (process supervisor, fake agent) on two stores
 * opened on the same fresh database; their run control shares one in-process bus.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalEventBus } from '../../src/adapters/bus-local/local-event-bus.js';
import { PostgresLeaderLock } from '../../src/adapters/leader-lock/postgres-leader-lock.js';
import { KyselyReplicaRepository } from '../../src/adapters/store/kysely-replica-repository.js';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { postgresClientConfig } from '../../src/adapters/store/postgres-connection.js';
import { isAppError } from '../../src/domain/app-error.js';
import type { Clock } from '../../src/ports/clock.js';
import { silentLogger } from '../../src/ports/logger.js';
import { ReplicaHeartbeat } from '../../src/services/cluster/replica-heartbeat.js';
import { ReplicaRecovery } from '../../src/services/cluster/replica-recovery.js';
import { RunControl } from '../../src/services/cluster/run-control.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { makeRunHarness, scripted, type RunHarness } from '../support/run-harness.js';

let database: TestDatabase;
let a: RunHarness;
let b: RunHarness;

/** A clock the test moves by hand (recovery compares its own readings only). */
function manualClock(start = Date.parse('2026-01-01T00:00:00Z')): Clock & { advance(ms: number): void } {
  let now = start;
  return { now: () => now, isoNow: () => new Date(now).toISOString(), advance: (ms) => void (now += ms) };
}

const longRun = (text: string) => scripted('Work for a while.', { steps: [{ emit: { count: 2000, rate: 20, text } }] });

async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not reached`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  a = await makeRunHarness({ nodeId: 'node-a', store: await openStore({ kind: 'postgres', url: database.url }) });
  b = await makeRunHarness({ nodeId: 'node-b', store: await openStore({ kind: 'postgres', url: database.url }) });
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await database?.drop();
});

const replicasOf = (h: RunHarness) => new KyselyReplicaRepository(storeDatabaseOf(h.store).db);
const lockFor = (nodeId: string) =>
  new PostgresLeaderLock({ name: 'replica-recovery', client: postgresClientConfig({ url: database.url, applicationName: `dash-leader-${nodeId}` }), logger: silentLogger });

describe('replica table', () => {
  it('beats only for the registered instance while alive; declaring dead needs the beats last seen', async () => {
    const repo = replicasOf(a);
    const at = '2026-01-01T00:00:00.000Z';
    await repo.register({ nodeId: 'r-1', role: 'all', instance: 'i-1', address: '127.0.0.1:1', pid: 1, startedAt: at });
    expect(await repo.beat('r-1', 'i-1', at)).toBe('ok');
    expect(await repo.beat('r-1', 'i-1', at)).toBe('ok');
    // A recoverer that saw 1 beat is too late: the replica beat since.
    expect(await repo.declareDead('r-1', 'i-1', 1, at)).toBe(false);
    expect(await repo.declareDead('r-1', 'i-1', 2, at)).toBe(true);
    expect(await repo.declareDead('r-1', 'i-1', 2, at)).toBe(false);
    expect(await repo.beat('r-1', 'i-1', at)).toBe('declared_dead');
    // A restart takes the row over; the old instance's beats are refused.
    await repo.register({ nodeId: 'r-1', role: 'all', instance: 'i-2', address: null, pid: 2, startedAt: at });
    expect(await repo.beat('r-1', 'i-1', at)).toBe('taken_over');
    expect(await repo.beat('r-1', 'i-2', at)).toBe('ok');
    await repo.markStopped('r-1', 'i-1', at);
    expect((await repo.list()).find((r) => r.nodeId === 'r-1')).toMatchObject({ instance: 'i-2', state: 'alive', beats: 1 });
    await repo.markStopped('r-1', 'i-2', at);
    expect((await repo.list()).find((r) => r.nodeId === 'r-1')).toMatchObject({ state: 'stopped', endedAt: at });
    expect(await repo.beat('r-2', 'i-9', at)).toBe('missing');
  });
});

describe('recovery and fencing', () => {
  it('one leader at a time; a replica whose counter stopped is declared dead, its run lost; it fences itself when it returns', async () => {
    const clock = manualClock();
    const settled: string[] = [];
    const lockA = lockFor('node-a');
    const lockB = lockFor('node-b');
    const recoveryOf = (h: RunHarness, nodeId: string, leader: PostgresLeaderLock) =>
      new ReplicaRecovery({
        replicas: replicasOf(h),
        runs: h.store.runs,
        leader,
        reconcileNode: (node, why) => h.runService.reconcile({ nodeId: node, why }),
        settleLost: async (runs) => void settled.push(...runs.map((r) => r.id)),
        clock,
        logger: silentLogger,
        selfNodeId: nodeId,
        deadAfterMs: 2_000,
        intervalMs: 60_000,
      });
    const recoveryB = recoveryOf(b, 'node-b', lockB);
    const recoveryA = recoveryOf(a, 'node-a', lockA);
    const heartbeatA = new ReplicaHeartbeat({
      replicas: replicasOf(a),
      runs: a.store.runs,
      local: { liveRunIds: () => a.runService.activeRuns().map((r) => r.id), abandon: (id) => a.runService.abandon(id) },
      clock,
      logger: silentLogger,
      self: { nodeId: 'node-a', role: 'all', instance: randomUUID(), address: null, pid: process.pid },
      intervalMs: 60_000,
    });
    try {
      await heartbeatA.start();
      const run = await a.runService.start({ runtime: 'claude-code', prompt: longRun('a-line') });
      await until('run streaming', async () => ((await a.eventLog.read(run.id, 0, 100)).length >= 5 ? true : undefined));

      await recoveryB.tick();
      await recoveryA.tick();
      expect([lockA.isLeader, lockB.isLeader]).toEqual([false, true]);

      // A beats while time passes: alive.
      clock.advance(1_500);
      await heartbeatA.beat();
      await recoveryB.tick();
      clock.advance(1_500);
      await recoveryB.tick();
      expect((await b.store.runs.get(run.id))?.status).toBe('running');

      // A stops beating (frozen, cut off): after 2 s of the leader's own clock it is dead. B acts
      // as a replica on another machine, where A's agent process is not visible (on the same
      // machine it would kill it: the e2e topology test shows that).
      b.supervisor.killOrphan = async () => false;
      clock.advance(2_500);
      await recoveryB.tick();
      const lost = await b.store.runs.get(run.id);
      expect(lost).toMatchObject({ status: 'lost', errorCode: 'RUN_LOST', nodeId: 'node-a' });
      expect(lost?.errorMessage).toContain('node-a stopped sending heartbeats');
      expect(settled).toEqual([run.id]);
      expect((await replicasOf(b).list()).find((r) => r.nodeId === 'node-a')?.state).toBe('dead');
      const recovered = await b.eventLog.read(run.id, 0, 10_000);
      const marker = recovered[recovered.length - 1];
      expect(marker?.event).toMatchObject({ type: 'supervisor', action: 'lost' });

      // A comes back: its next beat finds it was given up; it registers again and kills the agent
      // whose run was recovered; nothing more is written for it.
      expect(a.runService.isLive(run.id)).toBe(true);
      await heartbeatA.beat();
      await until('A’s agent killed', async () => (a.runService.isLive(run.id) ? undefined : true));
      expect((await replicasOf(a).list()).find((r) => r.nodeId === 'node-a')?.state).toBe('alive');
      expect(await b.store.runs.get(run.id)).toMatchObject({ status: 'lost', errorCode: 'RUN_LOST' });
      const after = await b.store.runEvents.page(run.id, { afterSeq: 0, limit: 100_000 });
      expect(after.map((e) => e.seq)).toEqual(recovered.map((e) => e.seq));
    } finally {
      await heartbeatA.stop();
      await recoveryA.stop();
      await recoveryB.stop();
    }
  });
});

describe('run control', () => {
  it('stop and follow-up are carried out by the replica running the agent; a gone owner is RUN_OWNER_UNAVAILABLE', async () => {
    const bus = new LocalEventBus();
    const alive = new Set(['node-a', 'node-b']);
    const controlOf = (h: RunHarness, nodeId: string) =>
      new RunControl({
        nodeId,
        runs: h.runService,
        isAlive: async (node) => alive.has(node),
        bus,
        newId: randomUUID,
        logger: silentLogger,
        timeoutMs: 300,
        stopGraceMs: 200,
      });
    const controlA = controlOf(a, 'node-a');
    const controlB = controlOf(b, 'node-b');
    controlA.start();
    controlB.start();
    try {
      const run = await a.runService.start({ runtime: 'claude-code', prompt: longRun('ctl') });
      await until('running', async () => ((await a.store.runs.get(run.id))?.status === 'running' ? true : undefined));

      const follow = await controlB.followUp(run.id, 'from node-b');
      expect(follow).toMatchObject({ mode: 'stdin', run: { id: run.id, nodeId: 'node-a' } });
      await until('follow-up recorded', async () =>
        (await a.eventLog.read(run.id, 0, 100_000)).some((e) => e.event.type === 'user.message' && e.event.text === 'from node-b') ? true : undefined,
      );
      const stopped = await controlB.stopRun(run.id);
      expect(stopped).toMatchObject({ id: run.id, status: 'cancelled' });
      // The owner's error comes back with its code.
      await expect(controlB.stopRun(run.id)).rejects.toMatchObject({ code: 'RUN_NOT_ACTIVE' });

      // An owner that does not answer (its listener gone) times out; one not alive fails at once.
      const second = await a.runService.start({ runtime: 'claude-code', prompt: longRun('ctl2') });
      controlA.stop();
      const silent = await controlB.stopRun(second.id).catch((err: unknown) => err);
      expect(isAppError(silent) && silent.code).toBe('RUN_OWNER_UNAVAILABLE');
      alive.delete('node-a');
      const gone = await controlB.followUp(second.id, 'anyone?').catch((err: unknown) => err);
      expect(isAppError(gone) && gone.code).toBe('RUN_OWNER_UNAVAILABLE');
      expect((await a.store.runs.get(second.id))?.status).toBe('running');
      await a.runService.stop(second.id);
    } finally {
      controlA.stop();
      controlB.stop();
    }
  });
});
