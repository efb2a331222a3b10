/**
 * bench/faults: how long dispatch takes to come back after Redis restarts EMPTY (no persistence:
 * every BullMQ job is gone), on the BUILT server with PostgreSQL + BullMQ, in the shape of
 * test/integration/dispatch-redis-restart.test.ts. Per round, everything is fresh and private: a
 * redis-server on a free port (test/support/private-services.ts), a database on TEST_DATABASE_URL
 * (test/support/postgres.ts), a team of two fake agents as `claude` with one slot each, and the
 * server with the fault suite's environment (test/faults/fault-harness.ts). Then:
 *  1. two blockers run (both slots busy) and task B is created: it stays queued, its job in Redis;
 *  2. Redis is shut down (SHUTDOWN NOSAVE) half an outage before the blockers' sleep ends, and
 *     started again, empty, `--down-ms` after it stopped: the blockers end during the outage (as
 *     in the fault test), so both slots are free when Redis comes back;
 *  3. right after Redis answers again, task A is created (the request waits for the reconnect).
 * Measured from "Redis answers again" (the private Redis' PONG poll, 50 ms apart) to each task's run
 * started (the run's startedAt, from the API), also to the run's creation (the dispatch) and to
 * the server logging its queue's reconnect. Figures are printed and written to
 * bench/results/redis-restart.json, never asserted; the load average is recorded beside them.
 *
 *   npx tsx bench/faults/redis-restart.ts [--rounds 5] [--down-ms 2000] [--lease 30s]
 *
 * Needs the built server (npm run build), redis-server and PostgreSQL on 127.0.0.1:5432.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { RECONNECT_MAX_MS, reconnectDelayMs } from '../../packages/server/src/adapters/queue-bullmq/redis-connection-options.js';
import { parseDuration } from '../../packages/server/src/config/duration.js';
import { defaultDispatcherOptions } from '../../packages/server/src/services/dispatch/dispatcher.js';
import { call, createTask, faultEnv, faultTeam, fakeScript, getTask, sleep, startFaultServer, waitUntil } from '../../packages/server/test/faults/fault-harness.js';
import { createTestDatabase } from '../../packages/server/test/support/postgres.js';
import { startPrivateRedis } from '../../packages/server/test/support/private-services.js';
import type { SpawnedServer } from '../../packages/server/test/support/server-process.js';
import { load1 } from '../lib/server-sampler.js';
import { median } from '../lib/stats.js';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    'down-ms': { type: 'string', default: '2000' },
    lease: { type: 'string', default: '30s' },
  },
});
const rounds = Number(values.rounds);
const downMs = Number(values['down-ms']);
const leaseMs = parseDuration(values.lease);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds expects a positive integer');
if (!Number.isInteger(downMs) || downMs < 0) throw new Error('--down-ms expects a non-negative integer');
if (leaseMs === null || leaseMs < 1000) throw new Error('--lease expects a duration of at least 1s (e.g. 30s)');
/** Long enough for the pre-fix behaviour (the 60 s periodic sweep) to show as a figure, not a failure. */
const START_TIMEOUT_MS = 120_000;
/** The blockers' sleep: 4 s to queue B behind them before the kill (even on a loaded machine), then half the outage. */
const BLOCKER_MS = 4_000 + Math.ceil(downMs / 2);
const SERVER_ENV = { MAX_CONCURRENT_PROCESSES: '2', DISPATCH_LEASE: values.lease };

interface RunRow {
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
  status: string;
}
interface Round {
  round: number;
  load1Before: number;
  load1After: number;
  /** Redis answering again → the server logged its queue's reconnect. */
  reconnectMs: number | null;
  /** Task A (created right after the restart): POST duration, → run created, → run started. */
  createdAfter: { postMs: number; runCreatedMs: number; runStartedMs: number };
  /** Task B (queued before the kill, its job lost with Redis). */
  queuedBefore: { runCreatedMs: number; runStartedMs: number };
  /** Both blockers' runs ended while Redis was down (the shape this bench wants). */
  blockersEndedDuringOutage: boolean;
  /** ms relative to Redis answering again (negative: during the outage). */
  serverLog: { ms: number; level: number; msg: string }[];
}

let serverEnv: Record<string, string> = {};
const cleanups: (() => Promise<unknown>)[] = [];
let cleaning: Promise<void> = Promise.resolve();
/**
 * Stops what the round started, last started first; one failure never keeps the others from
 * running. Calls chain: each resolves only once every earlier cleanup has finished, so the exit
 * after a signal (or after the last round) never cuts a cleanup that is under way.
 */
function cleanUp(): Promise<void> {
  const steps = cleanups.splice(0).reverse();
  cleaning = cleaning.then(async () => {
    for (const fn of steps) await fn().catch((err: unknown) => console.error('cleanup failed:', err));
  });
  return cleaning;
}
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  // `on`, not `once`: tsx relays a Ctrl-C to this process a second time, which must not kill it mid-cleanup.
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    void cleanUp().finally(() => process.exit(130));
  });
}

const sleepScript = (ms: number): string => fakeScript('Work.', { steps: [{ sleep: ms }, { text: 'done' }] });

async function runsOf(server: SpawnedServer, taskId: string): Promise<RunRow[]> {
  const res = await call(server, 'GET', `/api/tasks/${taskId}/runs`);
  if (res.status !== 200) throw new Error(`GET /api/tasks/${taskId}/runs: ${res.status} ${JSON.stringify(res.json)}`);
  return (res.json as { items: RunRow[] }).items;
}

/** A run of the task once one has started (polled; the figure is the server's own startedAt). */
async function startedRun(server: SpawnedServer, taskId: string): Promise<RunRow> {
  let found: RunRow | undefined;
  await waitUntil(`task ${taskId}'s run to start`, async () => {
    found = (await runsOf(server, taskId)).find((r) => r.startedAt !== null);
    return found !== undefined;
  }, START_TIMEOUT_MS);
  return found as RunRow;
}

async function oneRound(round: number): Promise<Round> {
  const load1Before = load1();
  const redis = await startPrivateRedis();
  cleanups.push(() => redis.stop());
  const database = await createTestDatabase();
  cleanups.push(() => database.drop());
  const registry = await faultTeam(2, 1);
  cleanups.push(() => registry.cleanup());
  const server = await startFaultServer(registry, { DATABASE_URL: database.url, REDIS_URL: redis.url, ...SERVER_ENV });
  serverEnv = { ...faultEnv(registry, SERVER_ENV), EMPLOYEE_REGISTRY_DIR: '<private>', DATABASE_URL: '<fresh>', REDIS_URL: '<private>' };
  cleanups.push(() => server.stop());

  // 1. Both slots busy, then B is queued behind them.
  const blockers = [await createTask(server, 'Blocker 1', sleepScript(BLOCKER_MS)), await createTask(server, 'Blocker 2', sleepScript(BLOCKER_MS))];
  const blockerRuns = await Promise.all(blockers.map((t) => startedRun(server, t.id)));
  const queued = await createTask(server, 'Queued before the kill', sleepScript(50));
  if ((await getTask(server, queued.id)).status !== 'queued' || (await runsOf(server, queued.id)).length > 0) {
    throw new Error('task B was dispatched before Redis went down: the blockers did not hold both slots');
  }

  // 2. Down half an outage before the blockers' sleep ends (they also need their agent's start-up,
  // so they end a little later, still within the outage); restart() resolves on the new PONG.
  const killAt = Math.max(...blockerRuns.map((r) => Date.parse(r.startedAt ?? ''))) + BLOCKER_MS - Math.ceil(downMs / 2);
  if (Date.now() > killAt) throw new Error(`the machine is too slow: B was not queued within 4 s of the blockers' start`);
  await sleep(killAt - Date.now());
  const downAt = Date.now();
  await redis.restart(downMs);
  const backAt = Date.now();

  // 3. Task A, right after (as the fault test does).
  const created = await createTask(server, 'Created right after the restart', sleepScript(50));
  const postMs = Date.now() - backAt;
  const [runA, runB] = await Promise.all([startedRun(server, created.id), startedRun(server, queued.id)]);
  const since = (iso: string | null): number => (iso === null ? Number.NaN : Date.parse(iso) - backAt);

  await waitUntil('the blockers settled', async () => (await Promise.all(blockers.map((t) => getTask(server, t.id)))).every((t) => t.status !== 'running'));
  const blockersEnded = (await Promise.all(blockers.map((t) => runsOf(server, t.id)))).map((runs) => runs.at(-1));
  const endedDuring = blockersEnded.every((r) => r?.endedAt != null && Date.parse(r.endedAt) >= downAt && Date.parse(r.endedAt) <= backAt);
  const logs = server.logs().filter((l) => Number(l.time) >= downAt && Number(l.time) <= Date.parse(runB.startedAt ?? '') + 1000);
  const reconnectLog = logs.find((l) => String(l.msg).startsWith('job queue reconnected'));
  // For reading the figure: the server's queue/Redis lines and warnings around the outage, each
  // message once (reconnect attempts repeat theirs).
  const seen = new Set<string>();
  const serverLog = logs.filter((l) => (Number(l.level) >= 40 || /queue|redis|sweep/i.test(String(l.msg))) && !seen.has(String(l.msg)) && seen.add(String(l.msg)));
  await cleanUp();
  return {
    round,
    load1Before,
    load1After: load1(),
    reconnectMs: reconnectLog ? Number(reconnectLog.time) - backAt : null,
    createdAfter: { postMs, runCreatedMs: since(runA.createdAt), runStartedMs: since(runA.startedAt) },
    queuedBefore: { runCreatedMs: since(runB.createdAt), runStartedMs: since(runB.startedAt) },
    blockersEndedDuringOutage: endedDuring,
    serverLog: serverLog.map((l) => ({ ms: Number(l.time) - backAt, level: Number(l.level), msg: String(l.msg) })),
  };
}

const results: Round[] = [];
const failures: { round: number; error: string }[] = [];
for (let round = 1; round <= rounds && !interrupted; round += 1) {
  try {
    const r = await oneRound(round);
    results.push(r);
    console.log(
      `round ${round}: A (created after) started ${r.createdAfter.runStartedMs} ms, B (queued before) ${r.queuedBefore.runStartedMs} ms ` +
        `after Redis answered; reconnect logged ${r.reconnectMs ?? '—'} ms; blockers ended in the outage: ${r.blockersEndedDuringOutage}; load ${r.load1Before}→${r.load1After}`,
    );
  } catch (err) {
    failures.push({ round, error: err instanceof Error ? err.message : String(err) });
    console.error(`round ${round} failed:`, err);
  } finally {
    await cleanUp();
  }
}

if (interrupted) {
  await cleaning;
  process.exit(130);
}

const stats = (xs: number[]): { median: number; min: number; max: number } | null =>
  xs.length === 0 ? null : { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
const finite = (xs: (number | null)[]): number[] => xs.filter((x): x is number => x !== null && Number.isFinite(x));
const result = {
  scenario: 'redis-restart',
  params: { rounds, downMs, blockerMs: BLOCKER_MS, serverEnv },
  // What bounds the figures: the reconnect backoff (ioredis retryStrategy), the dispatch tick,
  // the periodic sweep (the only recovery before the fix) and the BullMQ stalled check.
  settings: {
    reconnectBackoffMs: { capMs: RECONNECT_MAX_MS, firstAttempts: [1, 2, 3, 4, 5, 6, 7, 8].map(reconnectDelayMs) },
    dispatchTickMs: parseDuration(serverEnv.DISPATCH_INTERVAL ?? '2s'),
    sweepMs: defaultDispatcherOptions.sweepMs,
    leaseMs,
    stalledIntervalMs: Math.max(1_000, Math.floor(leaseMs / 2)),
  },
  machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version },
  rounds: results,
  failures,
  summaryMs: {
    createdAfterRunStarted: stats(results.map((r) => r.createdAfter.runStartedMs)),
    queuedBeforeRunStarted: stats(results.map((r) => r.queuedBefore.runStartedMs)),
    createdAfterRunCreated: stats(results.map((r) => r.createdAfter.runCreatedMs)),
    queuedBeforeRunCreated: stats(results.map((r) => r.queuedBefore.runCreatedMs)),
    reconnectLogged: stats(finite(results.map((r) => r.reconnectMs))),
  },
  load1: stats(results.flatMap((r) => [r.load1Before, r.load1After])),
  at: new Date().toISOString(),
};
mkdirSync(join(import.meta.dirname, '../results'), { recursive: true });
writeFileSync(join(import.meta.dirname, '../results/redis-restart.json'), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify({ settings: result.settings, summaryMs: result.summaryMs, load1: result.load1, failures }, null, 2));
process.exit(failures.length > 0 ? 1 : 0);
