/**
 * bench/agents: N concurrent fake agents, each printing R lines/s for D seconds, through the real
 * supervisor, Claude Code runner, run event log and store (this process is the server). A live
 * subscriber per run measures the latency from the agent writing a line (its `ts=` stamp) to the
 * subscriber receiving it. Every line is counted end to end: printed, received live, stored.
 *
 *   npx tsx bench/agents/agents.ts [--agents 100] [--rate 20] [--seconds 60] [--store sqlite|postgres]
 *
 * Writes bench/results/agents-<store>.json and prints a summary.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../../packages/server/src/adapters/store/open-store.js';
import type { Store } from '../../packages/server/src/ports/store.js';
import { createTestDatabase } from '../../packages/server/test/support/postgres.js';
import { makeRunHarness, scripted } from '../../packages/server/test/support/run-harness.js';
import { percentiles } from '../lib/stats.js';

const { values } = parseArgs({
  options: {
    agents: { type: 'string', default: '100' },
    rate: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '60' },
    store: { type: 'string', default: 'sqlite' },
    'flush-ms': { type: 'string' },
  },
});
const agents = Number(values.agents);
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const perAgent = rate * seconds;

let store: Store | undefined;
let dropDb: (() => Promise<void>) | undefined;
if (values.store === 'postgres') {
  const db = await createTestDatabase();
  dropDb = db.drop;
  store = await openStore({ kind: 'postgres', url: db.url, poolSize: 10 });
}
let persisted = 0;
const h = await makeRunHarness({
  ...(store && { store }),
  maxConcurrent: agents,
  ...(values['flush-ms'] && { eventLog: { flushIntervalMs: Number(values['flush-ms']) } }),
  metrics: {
    tokens: () => undefined,
    cost: () => undefined,
    runEnded: () => undefined,
    eventsPersisted: (n) => {
      persisted += n;
    },
  },
});
await h.supervisor.detectRuntimes();

const latencies: number[] = [];
const received = new Map<string, Set<number>>();
const samples: { t: number; rssMb: number; cpuPct: number; persistedPerSec: number }[] = [];
let lastCpu = process.cpuUsage();
let lastT = performance.now();
let lastPersisted = 0;
const sampler = setInterval(() => {
  const now = performance.now();
  const cpu = process.cpuUsage(lastCpu);
  const dt = (now - lastT) / 1000;
  samples.push({
    t: Math.round(now),
    rssMb: process.memoryUsage().rss / 1e6,
    cpuPct: ((cpu.user + cpu.system) / 1e6 / dt) * 100,
    persistedPerSec: (persisted - lastPersisted) / dt,
  });
  lastCpu = process.cpuUsage();
  lastT = now;
  lastPersisted = persisted;
}, 1000);

const started = performance.now();
const runIds: string[] = [];
for (let i = 0; i < agents; i += 1) {
  const r = await h.runService.start({
    runtime: 'claude-code',
    prompt: scripted(`bench agent ${i}`, { steps: [{ emit: { rate, durationMs: seconds * 1000, text: 'line', bytes: 120 } }] }),
    limits: { idleTimeoutMs: 0, wallTimeoutMs: (seconds + 120) * 1000 },
  });
  runIds.push(r.id);
  const seen = new Set<number>();
  received.set(r.id, seen);
  await h.eventLog.subscribe(r.id, 0, (e) => {
    if (e.event.type !== 'assistant.text') return;
    const m = /#(\d+) ts=(\d+)/.exec(e.event.text);
    if (!m) return;
    latencies.push(Date.now() - Number(m[2]));
    seen.add(Number(m[1]));
  });
}
const finals = await Promise.all(runIds.map((id) => h.runService.waitFor(id)));
const wallSeconds = (performance.now() - started) / 1000;
clearInterval(sampler);

let storedLines = 0;
let storedEvents = 0;
for (const id of runIds) {
  const events = await h.store.runEvents.page(id, { afterSeq: 0, limit: 1_000_000 });
  storedEvents += events.length;
  storedLines += events.filter((e) => e.event.type === 'assistant.text' && /#\d+ ts=/.test(e.event.text)).length;
}
const receivedLines = [...received.values()].reduce((n, s) => n + s.size, 0);
const expected = agents * perAgent;
const steady = samples.slice(2, -2);
const avg = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const result = {
  scenario: 'agents',
  store: values.store,
  agents,
  ratePerAgent: rate,
  seconds,
  cores: cpus().length,
  wallSeconds: Number(wallSeconds.toFixed(1)),
  runs: { succeeded: finals.filter((r) => r.status === 'succeeded').length, total: finals.length },
  lines: { expected, receivedLive: receivedLines, stored: storedLines, lost: expected - Math.min(receivedLines, storedLines) },
  storedEvents,
  latencyMs: percentiles(latencies, [50, 95, 99, 100]),
  server: {
    cpuPctAvg: Number(avg(steady.map((s) => s.cpuPct)).toFixed(1)),
    cpuPctMax: Number(Math.max(0, ...steady.map((s) => s.cpuPct)).toFixed(1)),
    rssMbAvg: Number(avg(steady.map((s) => s.rssMb)).toFixed(1)),
    rssMbMax: Number(Math.max(0, ...samples.map((s) => s.rssMb)).toFixed(1)),
  },
  eventsPersistedPerSec: {
    avg: Number(avg(steady.map((s) => s.persistedPerSec)).toFixed(0)),
    max: Number(Math.max(0, ...steady.map((s) => s.persistedPerSec)).toFixed(0)),
  },
  at: new Date().toISOString(),
};
mkdirSync(join(import.meta.dirname, '../results'), { recursive: true });
writeFileSync(join(import.meta.dirname, `../results/agents-${values.store}.json`), `${JSON.stringify(result, null, 2)}\n`);
console.log(JSON.stringify(result, null, 2));
await h.close();
await dropDb?.();
process.exit(result.lines.lost === 0 ? 0 : 1);

