/**
 * Self-fencing of a replica that cannot renew its heartbeat (services/cluster/replica-fence.ts),
 * on one PostgreSQL database with two real RunServices (process supervisor, fake agent that
 * ignores SIGINT and SIGTERM, so the whole stop escalation runs): replica A's heartbeat writes
 * fail like a dropped connection (a wrapper at the ReplicaRepository port), B leads recovery.
 *
 *  - cut long enough to be declared dead: A's agent is gone while A is still `alive` and its run
 *    still active (before B may recover it), A refuses new runs; B then recovers the run; once A's
 *    heartbeat is back it lifts the fence and writes nothing over B's recovery (status, message,
 *    event log), the task-level settle happens once (B's);
 *  - cut shorter than that: A fences, then its next beat renews the heartbeat before anyone gave it
 *    up; A records the run lost itself (its log closed with a `lost` event) and B recovers nothing.
 *
 * One manual clock drives A's heartbeat and fence and B's recovery, so the order of events is
 * the test's, not the machine's speed.
 */
import { randomUUID } from 'node:crypto';
import type { Run } from '@dash/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresLeaderLock } from '../../src/adapters/leader-lock/postgres-leader-lock.js';
import { KyselyReplicaRepository } from '../../src/adapters/store/kysely-replica-repository.js';
import { storeDatabaseOf } from '../../src/adapters/store/kysely-store.js';
import { openStore } from '../../src/adapters/store/open-store.js';
import { postgresClientConfig } from '../../src/adapters/store/postgres-connection.js';
import type { Clock } from '../../src/ports/clock.js';
import { silentLogger } from '../../src/ports/logger.js';
import type { ReplicaRepository } from '../../src/ports/replica-repository.js';
import { fenceAfter, ReplicaFence } from '../../src/services/cluster/replica-fence.js';
import { ReplicaHeartbeat } from '../../src/services/cluster/replica-heartbeat.js';
import { ReplicaRecovery } from '../../src/services/cluster/replica-recovery.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';
import { fastLimits, makeRunHarness, scripted, type RunHarness } from '../support/run-harness.js';

const DEAD_AFTER_MS = 2_000;
// 2 s − 0.1 s − 2 × 0.2 s = 1.5 s.
const FENCE_AFTER_MS = fenceAfter({ deadAfterMs: DEAD_AFTER_MS, heartbeatMs: 100, stopGraceMs: fastLimits.sigintGraceMs }).ms;

let database: TestDatabase;
let a: RunHarness;
let b: RunHarness;

function manualClock(start = Date.parse('2026-01-01T00:00:00Z')): Clock & { advance(ms: number): void } {
  let now = start;
  return { now: () => now, isoNow: () => new Date(now).toISOString(), advance: (ms) => void (now += ms) };
}

/** The replica table as A sees it: heartbeat writes fail like a dropped connection while `cut.on`. */
function cuttable(repo: ReplicaRepository, cut: { on: boolean }): ReplicaRepository {
  const dropped = (): never => {
    throw new Error('Connection terminated unexpectedly');
  };
  return {
    register: async (replica) => (cut.on ? dropped() : repo.register(replica)),
    beat: async (...args) => (cut.on ? dropped() : repo.beat(...args)),
    markStopped: (...args) => repo.markStopped(...args),
    declareDead: (...args) => repo.declareDead(...args),
    list: () => repo.list(),
  };
}

/** An agent that streams and ignores SIGINT and SIGTERM: only SIGKILL ends it. */
const stubborn = (text: string) =>
  scripted('Work for a while.', { ignoreSignals: ['SIGINT', 'SIGTERM'], steps: [{ emit: { count: 5000, rate: 20, text } }] });

/** How a run ended, as recorded (usage totals left out: an agent's spent tokens are added whoever settles it). */
const endOf = (run: Run | null | undefined) =>
  run && { status: run.status, errorCode: run.errorCode, errorMessage: run.errorMessage, endedAt: run.endedAt, exitSignal: run.exitSignal, resultText: run.resultText };

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
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
  // B stands for a replica on another machine: it cannot see (nor kill) A's agent processes, so
  // only A itself can have stopped them.
  b.supervisor.killOrphan = async () => false;
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await database?.drop();
});

const replicasOf = (h: RunHarness) => new KyselyReplicaRepository(storeDatabaseOf(h.store).db);
const stateOf = async (nodeId: string) => (await replicasOf(b).list()).find((r) => r.nodeId === nodeId)?.state;

/** Replica A (heartbeat through `cut`, its fence) and B's recovery, on one manual clock. */
function cluster() {
  const clock = manualClock();
  const cut = { on: false };
  const settledByB: string[] = [];
  const fence = new ReplicaFence({
    target: { fence: (why) => a.runService.fence(why), unfence: (owner) => a.runService.settleFenced(owner) },
    clock,
    logger: silentLogger,
    fenceAfterMs: FENCE_AFTER_MS,
  });
  const heartbeat = new ReplicaHeartbeat({
    replicas: cuttable(replicasOf(a), cut),
    runs: a.store.runs,
    local: { liveRunIds: () => a.runService.activeRuns().map((r) => r.id), abandon: (id) => a.runService.abandon(id) },
    clock,
    logger: silentLogger,
    self: { nodeId: 'node-a', role: 'all', instance: randomUUID(), address: null, pid: process.pid },
    intervalMs: 60_000,
    renewed: (sentAt, owner) => fence.renewed(sentAt, owner),
  });
  const leader = new PostgresLeaderLock({
    name: 'replica-recovery',
    client: postgresClientConfig({ url: database.url, applicationName: 'dash-leader-node-b' }),
    logger: silentLogger,
  });
  const recovery = new ReplicaRecovery({
    replicas: replicasOf(b),
    runs: b.store.runs,
    leader,
    reconcileNode: (node, why) => b.runService.reconcile({ nodeId: node, why }),
    settleLost: async (runs) => void settledByB.push(...runs.map((r) => r.id)),
    clock,
    logger: silentLogger,
    selfNodeId: 'node-b',
    deadAfterMs: DEAD_AFTER_MS,
    intervalMs: 60_000,
  });
  return {
    clock,
    cut,
    fence,
    heartbeat,
    recovery,
    settledByB,
    async stop() {
      await heartbeat.stop();
      await fence.stop();
      await recovery.stop();
    },
  };
}

/** Starts A's stubborn agent; resolves with its run id and pid once it streams. */
async function startOnA(text: string): Promise<{ runId: string; pid: number }> {
  const run = await a.runService.start({ runtime: 'claude-code', prompt: stubborn(text) });
  const pid = await until('the agent running', async () => {
    const stored = await a.store.runs.get(run.id);
    return stored?.status === 'running' && stored.pid !== null ? stored.pid : undefined;
  });
  await until('the agent streaming', async () => ((await a.eventLog.read(run.id, 0, 100)).length >= 5 ? true : undefined));
  return { runId: run.id, pid };
}

describe('self-fencing', () => {
  it('cut off until declared dead: A stops its agent before B may recover it, and writes nothing over the recovery', async () => {
    const c = cluster();
    try {
      await c.heartbeat.start();
      const { runId, pid } = await startOnA('declared');
      await c.recovery.tick();

      c.cut.on = true;
      c.clock.advance(FENCE_AFTER_MS - 100);
      await c.heartbeat.beat();
      c.fence.check();
      expect(c.fence.reason).toBeNull();
      expect(alive(pid)).toBe(true);

      // Past the fence threshold: A fences itself and its agent (deaf to SIGINT/SIGTERM) is killed.
      c.clock.advance(200);
      c.fence.check();
      expect(c.fence.reason).toMatch(/^heartbeat not renewed for 1\.6 s$/);
      await until('A’s agent gone', () => (alive(pid) ? undefined : true));
      await a.eventLog.flush(runId);
      // …before anyone could recover it: B's clock is short of REPLICA_DEAD_AFTER, A still `alive`,
      // its run still active in the store.
      await c.recovery.tick();
      expect(await stateOf('node-a')).toBe('alive');
      expect((await b.store.runs.get(runId))?.status).toBe('running');
      await expect(a.runService.start({ runtime: 'claude-code', prompt: stubborn('refused') })).rejects.toMatchObject({
        code: 'DEPENDENCY_UNAVAILABLE',
        details: { fenced: true },
      });
      const signals = (await b.eventLog.read(runId, 0, 100_000)).flatMap((e) => (e.event.type === 'supervisor' && e.event.action === 'signal_sent' ? [e.event.signal] : []));
      expect(signals).toEqual(['SIGINT', 'SIGTERM', 'SIGKILL']);

      // B's clock passes REPLICA_DEAD_AFTER: A is declared dead, its run lost and settled by B.
      c.clock.advance(DEAD_AFTER_MS);
      await c.recovery.tick();
      expect(await stateOf('node-a')).toBe('dead');
      const recovered = await b.store.runs.get(runId);
      expect(recovered).toMatchObject({ status: 'lost', errorCode: 'RUN_LOST' });
      expect(recovered?.errorMessage).toContain('node-a stopped sending heartbeats');
      expect(c.settledByB).toEqual([runId]);
      const stored = await b.store.runEvents.page(runId, { afterSeq: 0, limit: 100_000 });

      // A's heartbeat comes back: declared dead, it registers again and lifts the fence; the run
      // it stopped is B's now, so nothing of A's lands over B's recovery.
      c.cut.on = false;
      c.clock.advance(100);
      await c.heartbeat.beat();
      await until('the fence lifted and A’s run settled', () => (c.fence.reason === null && !a.runService.isLive(runId) ? true : undefined));
      expect(await stateOf('node-a')).toBe('alive');
      expect(endOf(await b.store.runs.get(runId))).toEqual(endOf(recovered));
      const after = await b.store.runEvents.page(runId, { afterSeq: 0, limit: 100_000 });
      expect(after).toEqual(stored);
      expect(after.map((e) => e.seq)).toEqual(after.map((_, i) => i + 1));
      expect(after.filter((e) => e.event.type === 'supervisor' && e.event.action === 'lost')).toHaveLength(1);
      expect(after.at(-1)?.event).toMatchObject({ type: 'supervisor', action: 'lost' });
      // Nobody but B settled it; A takes runs again.
      expect(c.settledByB).toEqual([runId]);
      const next = await a.runService.start({ runtime: 'claude-code', prompt: scripted('Short.', { steps: [{ text: 'back' }] }) });
      expect((await a.runService.waitFor(next.id)).status).toBe('succeeded');
    } finally {
      await c.stop();
    }
  });

  it('cut off briefly: A fences, its heartbeat is renewed before anyone gives it up, and A records the run lost itself', async () => {
    const c = cluster();
    try {
      await c.heartbeat.start();
      const { runId, pid } = await startOnA('brief');
      await c.recovery.tick();

      c.cut.on = true;
      c.clock.advance(FENCE_AFTER_MS + 100);
      await c.heartbeat.beat();
      c.fence.check();
      expect(c.fence.reason).not.toBeNull();
      await until('A’s agent gone', () => (alive(pid) ? undefined : true));
      expect((await a.store.runs.get(runId))?.status).toBe('running');

      c.cut.on = false;
      c.clock.advance(100);
      await c.heartbeat.beat();
      await until('the fence lifted and A’s run settled', () => (c.fence.reason === null && !a.runService.isLive(runId) ? true : undefined));
      const lost = await a.store.runs.get(runId);
      expect(lost).toMatchObject({ status: 'lost', errorCode: 'RUN_LOST', nodeId: 'node-a', pid: null });
      expect(lost?.errorMessage).toMatch(/^Its replica node-a fenced itself \(heartbeat not renewed for 1\.6 s\)/);
      const events = await a.store.runEvents.page(runId, { afterSeq: 0, limit: 100_000 });
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      expect(events.at(-1)?.event).toMatchObject({ type: 'supervisor', action: 'lost' });
      const fencedStop = events.findIndex((e) => e.event.type === 'supervisor' && e.event.action === 'stop_requested' && e.event.message.includes('fenced itself'));
      const kill = events.findIndex((e) => e.event.type === 'supervisor' && e.event.action === 'signal_sent' && e.event.signal === 'SIGKILL');
      expect(fencedStop).toBeGreaterThanOrEqual(0);
      expect(kill).toBeGreaterThan(fencedStop);

      // A was never given up and beats again: B recovers nothing.
      c.clock.advance(DEAD_AFTER_MS + 100);
      await c.heartbeat.beat();
      await c.recovery.tick();
      expect(await stateOf('node-a')).toBe('alive');
      expect(c.settledByB).toEqual([]);
      expect(endOf(await a.store.runs.get(runId))).toEqual(endOf(lost));
    } finally {
      await c.stop();
    }
  });
});
