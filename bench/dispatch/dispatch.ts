/**
 * bench/dispatch: how fast the core loop hands work to agents, through the real task service,
 * dispatcher, run service, supervisor and store (this process is the server), on the embedded
 * queue and on BullMQ (Redis). The store is a temp SQLite file in both, so the figures compare the
 * queues. The agent is a no-op: the shell runtime running `true`.
 *
 *  1. latency, free slot: 1,000 tasks created one every 50 ms (20 per second) while 20 slots are
 *     free; time from the task being queued (its queuedAt) to its agent process being spawned
 *     (the supervisor's `started` callback);
 *  2. latency, slot freeing: 1,000 tasks queued up front for one employee with one slot (cap 1);
 *     time from one agent process ending for good to the next one being spawned;
 *  3. throughput: 1,000 tasks created back to back (enqueue phase), then dispatched and run to
 *     completion with 20 slots (dispatch phase), with real no-op processes and with a
 *     process-less supervisor (the dispatcher and store alone); beside raw BullMQ on the same
 *     Redis in the same run (Queue.add one by one, then a Worker with an empty processor,
 *     concurrency 20), as a ratio ours/raw.
 *
 *   npx tsx bench/dispatch/dispatch.ts [--tasks 1000]      (needs @dash/shared built)
 *
 * Writes bench/results/dispatch.json and prints a summary. Figures are measured, never asserted.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import type { EmployeeInput, Task } from '@dash/shared';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { BullmqJobQueue } from '../../packages/server/src/adapters/queue-bullmq/bullmq-job-queue.js';
import { redisConnectionOptions } from '../../packages/server/src/adapters/queue-bullmq/redis-connection-options.js';
import type { AgentSupervisor, RunHandle, RunOutcome, RunSink, RunSpec } from '../../packages/server/src/ports/agent-supervisor.js';
import type { JobQueue } from '../../packages/server/src/ports/job-queue.js';
import { makeCoreLoopHarness, teamMember, type CoreLoopHarness } from '../../packages/server/test/support/core-loop-harness.js';
import { percentiles } from '../lib/stats.js';

const { values } = parseArgs({
  options: {
    tasks: { type: 'string', default: '1000' },
    backends: { type: 'string', default: 'embedded,bullmq' },
    scenarios: { type: 'string', default: 'free,freeing,processes,processless' },
  },
});
const TASKS = Number(values.tasks);
const BACKENDS = values.backends.split(',') as Array<'embedded' | 'bullmq'>;
const SCENARIOS = new Set(values.scenarios.split(','));
const SLOTS = 20;
const FREE_SLOT_PACE_MS = 50;
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `dash-bench-${randomBytes(4).toString('hex')}`;

type Backend = 'embedded' | 'bullmq';

/** Records when each task's agent process was spawned and when it ended for good. */
class SpawnRecorder {
  readonly spawned = new Map<string, number>();
  readonly ended = new Map<string, number>();

  wrap(inner: AgentSupervisor): AgentSupervisor {
    return {
      start: (spec: RunSpec, sink: RunSink): RunHandle => {
        const key = spec.task?.id ?? spec.runId;
        const handle = inner.start(spec, {
          event: (e) => sink.event(e),
          started: (info) => {
            if (!this.spawned.has(key)) this.spawned.set(key, Date.now());
            sink.started(info);
          },
        });
        void handle.done.then(() => this.ended.set(key, Date.now()));
        return handle;
      },
      get: (id) => inner.get(id),
      activeCount: () => inner.activeCount(),
      sample: () => inner.sample(),
      detectRuntimes: () => inner.detectRuntimes(),
      killOrphan: (id, pid) => inner.killOrphan(id, pid),
      stopAll: (reason) => inner.stopAll(reason),
    };
  }
}

/**
 * A supervisor without processes: every run "spawns" and succeeds at once. Used to measure the
 * dispatcher, queue and store alone, without the cost of forking.
 */
function processLessSupervisor(inner: AgentSupervisor): AgentSupervisor {
  const live = new Map<string, RunHandle>();
  let pid = 100_000;
  return {
    start(spec, sink) {
      const outcome: RunOutcome = { status: 'succeeded', exitCode: 0, exitSignal: null, restarts: 0, errorCode: null, errorMessage: null, sessionId: null, resultText: 'ok' };
      const done = new Promise<RunOutcome>((resolve) =>
        setImmediate(() => {
          sink.started({ pid: (pid += 1), attempt: 1 });
          sink.event({ type: 'result', success: true, text: 'ok', turns: 1, durationMs: 0, costUsd: null, errorKind: null });
          sink.event({ type: 'exit', code: 0, signal: null });
          live.delete(spec.runId);
          resolve(outcome);
        }),
      );
      const handle: RunHandle = { runId: spec.runId, pid: null, sendInput: () => undefined, stop: () => done, done };
      live.set(spec.runId, handle);
      return handle;
    },
    get: (id) => live.get(id),
    activeCount: () => live.size,
    sample: async () => [],
    detectRuntimes: () => inner.detectRuntimes(),
    killOrphan: async () => false,
    stopAll: async () => undefined,
  };
}

const shellTeam = (count: number, slots: number, status: 'active' | 'paused'): EmployeeInput[] =>
  Array.from({ length: count }, (_, i) =>
    teamMember(`emp_${String(301 + i)}`, { status, maxConcurrentTasks: slots, runtimeConfig: { runtime: 'shell', command: ['true'] } }),
  );

async function harness(
  backend: Backend,
  options: { team: EmployeeInput[]; cap: number; wrap?: (s: AgentSupervisor) => AgentSupervisor },
): Promise<CoreLoopHarness> {
  const queue =
    backend === 'bullmq'
      ? (): Promise<JobQueue> => BullmqJobQueue.open({ url: REDIS_URL, prefix: PREFIX, queueName: `dispatch-${randomUUID()}`, defaultLeaseMs: 5_000 })
      : undefined;
  return makeCoreLoopHarness({
    team: options.team,
    maxConcurrent: options.cap,
    dispatcher: { tickMs: 1_000 },
    statsCacheMs: 2_000,
    ...(queue && { queue }),
    ...(options.wrap && { wrapSupervisor: options.wrap }),
  });
}

async function waitAllDone(h: CoreLoopHarness, ids: readonly string[]): Promise<void> {
  const pending = new Set(ids);
  const done = new Promise<void>((resolve) => {
    const check = (m: Task | { deleted: true }): void => {
      if ('status' in m && m.status === 'completed' && pending.delete(m.id) && pending.size === 0) resolve();
      if ('status' in m && m.status === 'failed') console.error(`task ${m.id} failed`);
    };
    h.bus.subscribe<Task | { deleted: true }>('tasks', check);
  });
  await done;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function latencyFreeSlot(backend: Backend): Promise<Record<string, number>> {
  const rec = new SpawnRecorder();
  const h = await harness(backend, { team: shellTeam(4, SLOTS / 4, 'active'), cap: SLOTS, wrap: (s) => rec.wrap(s) });
  try {
    // Warm-up: runtime detection, JIT, statement caches.
    const warm = await h.tasks.create({ title: 'warm-up', description: 'x' }, 'bench');
    await h.waitForTask(warm.id, (t) => t.status === 'completed');
    const tasks: Task[] = [];
    for (let i = 0; i < TASKS; i += 1) {
      tasks.push(await h.tasks.create({ title: `t${i}`, description: 'noop' }, 'bench'));
      // Well below what one dispatcher starts per second with real processes (see throughput),
      // so a slot is always free and the figure is the hand-off, not a backlog.
      await sleep(FREE_SLOT_PACE_MS);
    }
    for (const t of tasks) await h.waitForTask(t.id, (x) => x.status === 'completed', 60_000);
    const latencies = tasks.map((t) => (rec.spawned.get(t.id) ?? NaN) - Date.parse(t.queuedAt ?? ''));
    return percentiles(latencies.filter(Number.isFinite), [50, 95, 99, 100]);
  } finally {
    await h.close();
  }
}

async function latencySlotFreeing(backend: Backend): Promise<Record<string, number>> {
  const rec = new SpawnRecorder();
  const h = await harness(backend, { team: shellTeam(1, 1, 'paused'), cap: 1, wrap: (s) => rec.wrap(s) });
  try {
    const tasks: Task[] = [];
    for (let i = 0; i < TASKS; i += 1) tasks.push(await h.tasks.create({ title: `t${i}`, description: 'noop' }, 'bench'));
    const allDone = waitAllDone(h, tasks.map((t) => t.id));
    await h.registry.update('emp_301', { status: 'active' });
    await allDone;
    const order = [...rec.spawned.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id);
    const gaps: number[] = [];
    for (let i = 1; i < order.length; i += 1) {
      const freed = rec.ended.get(order[i - 1] ?? '');
      const spawned = rec.spawned.get(order[i] ?? '');
      if (freed !== undefined && spawned !== undefined) gaps.push(spawned - freed);
    }
    return percentiles(gaps, [50, 95, 99, 100]);
  } finally {
    await h.close();
  }
}

interface Throughput {
  enqueuePerSec: number;
  dispatchPerSec: number;
  totalPerSec: number;
  seconds: number;
}

const rates = (enqueueS: number, dispatchS: number): Throughput => ({
  enqueuePerSec: Math.round(TASKS / enqueueS),
  dispatchPerSec: Math.round(TASKS / dispatchS),
  totalPerSec: Math.round(TASKS / (enqueueS + dispatchS)),
  seconds: Math.round((enqueueS + dispatchS) * 100) / 100,
});

async function throughput(backend: Backend, processes: boolean): Promise<Throughput> {
  const h = await harness(backend, {
    team: shellTeam(4, SLOTS / 4, 'paused'),
    cap: SLOTS,
    ...(!processes && { wrap: processLessSupervisor }),
  });
  try {
    let t0 = performance.now();
    const ids: string[] = [];
    for (let i = 0; i < TASKS; i += 1) ids.push((await h.tasks.create({ title: `t${i}`, description: 'noop' }, 'bench')).id);
    const enqueueS = (performance.now() - t0) / 1000;
    const allDone = waitAllDone(h, ids);
    t0 = performance.now();
    for (let i = 0; i < 4; i += 1) await h.registry.update(`emp_${301 + i}`, { status: 'active' });
    await allDone;
    return rates(enqueueS, (performance.now() - t0) / 1000);
  } finally {
    await h.close();
  }
}

/** Raw BullMQ on the same Redis: Queue.add one by one, then a Worker (concurrency SLOTS) with an empty processor. */
async function rawBullmq(): Promise<Throughput> {
  const connection = redisConnectionOptions(REDIS_URL);
  const name = `raw-${randomUUID()}`;
  const queue = new Queue(name, { connection, prefix: PREFIX });
  try {
    let t0 = performance.now();
    for (let i = 0; i < TASKS; i += 1) await queue.add('job', { taskId: `t${i}` }, { jobId: `j${i}`, priority: 1000 - (i % 4), removeOnComplete: 1000 });
    const enqueueS = (performance.now() - t0) / 1000;
    t0 = performance.now();
    await new Promise<void>((resolve) => {
      let completed = 0;
      const worker = new Worker(name, async () => undefined, { connection, prefix: PREFIX, concurrency: SLOTS });
      worker.on('completed', () => {
        if (++completed === TASKS) void worker.close().then(resolve);
      });
    });
    return rates(enqueueS, (performance.now() - t0) / 1000);
  } finally {
    await queue.close();
  }
}

async function deleteBenchKeys(): Promise<void> {
  const admin = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    for await (const keys of admin.scanStream({ match: `${PREFIX}:*`, count: 1000 }) as AsyncIterable<string[]>) {
      if (keys.length > 0) await admin.del(...keys);
    }
  } finally {
    await admin.quit();
  }
}

const ratio = (ours: Throughput, raw: Throughput) => ({
  enqueue: Math.round((ours.enqueuePerSec / raw.enqueuePerSec) * 1000) / 1000,
  dispatch: Math.round((ours.dispatchPerSec / raw.dispatchPerSec) * 1000) / 1000,
  total: Math.round((ours.totalPerSec / raw.totalPerSec) * 1000) / 1000,
});

console.log(`dispatch benchmark: ${TASKS} tasks per scenario, no-op agent (shell \`true\`), ${cpus().length} cores\n`);
const result: Record<string, unknown> = { scenario: 'dispatch', tasks: TASKS, slots: SLOTS, cores: cpus().length, store: 'sqlite', at: new Date().toISOString() };
try {
  for (const backend of BACKENDS) {
    const figures: Record<string, unknown> = {};
    if (SCENARIOS.has('free')) {
      figures.latencyFreeSlotMs = await latencyFreeSlot(backend);
      console.log(`${backend.padEnd(8)} latency queued→spawned (free slot):   ${JSON.stringify(figures.latencyFreeSlotMs)} ms`);
    }
    if (SCENARIOS.has('freeing')) {
      figures.latencySlotFreeingMs = await latencySlotFreeing(backend);
      console.log(`${backend.padEnd(8)} latency exited→next spawned (1 slot): ${JSON.stringify(figures.latencySlotFreeingMs)} ms`);
    }
    const tp: Record<string, Throughput> = {};
    if (SCENARIOS.has('processes')) {
      tp.withProcesses = await throughput(backend, true);
      console.log(`${backend.padEnd(8)} throughput, no-op processes:          ${JSON.stringify(tp.withProcesses)}`);
    }
    if (SCENARIOS.has('processless')) {
      tp.processLess = await throughput(backend, false);
      console.log(`${backend.padEnd(8)} throughput, no processes:             ${JSON.stringify(tp.processLess)}`);
    }
    result[backend] = { ...figures, throughput: tp };
  }
  if (BACKENDS.includes('bullmq')) {
    const raw = await rawBullmq();
    console.log(`raw BullMQ (add, then Worker concurrency ${SLOTS}):     ${JSON.stringify(raw)}`);
    const bullmq = result.bullmq as { throughput: Partial<Record<'withProcesses' | 'processLess', Throughput>> };
    result.rawBullmq = raw;
    result.oursOverRawBullmq = Object.fromEntries(Object.entries(bullmq.throughput).map(([k, v]) => [k, ratio(v, raw)]));
    console.log(`ours/raw BullMQ: ${JSON.stringify(result.oursOverRawBullmq)}`);
  }
} finally {
  await deleteBenchKeys();
}

mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
writeFileSync(new URL('../results/dispatch.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
console.log('\nwrote bench/results/dispatch.json');
