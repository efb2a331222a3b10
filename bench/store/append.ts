/**
 * Micro-benchmark: run events appended per second, in batches of 100, on SQLite (temp file) and
 * PostgreSQL (a fresh database on TEST_DATABASE_URL, dropped afterwards).
 *
 *   npx tsx bench/store/append.ts            (needs @dash/shared built: npx tsc -b packages/server)
 *
 * Scenarios: one run appended sequentially (the recorder's steady state), and 4 runs appended
 * concurrently (several agents at once). Figures are printed, never asserted.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunEvent } from '@dash/shared';
import { openStore, type StoreOptions } from '../../packages/server/src/adapters/store/open-store.js';
import type { Store } from '../../packages/server/src/ports/store.js';
import { createTestDatabase } from '../../packages/server/test/support/postgres.js';
import { makeTempDir } from '../../packages/server/test/support/temp-dir.js';

const BATCH = 100;
const EVENTS_PER_RUN = 20_000;
const CONCURRENT_RUNS = 4;

/** A mix shaped like real agent output: short texts and tool results of a few hundred bytes. */
function makeBatch(runId: string, fromSeq: number): { events: RunEvent[]; bytes: number } {
  const events: RunEvent[] = Array.from({ length: BATCH }, (_, i) => {
    const seq = fromSeq + i;
    const event: RunEvent['event'] =
      seq % 3 === 0
        ? { type: 'tool.result', toolUseId: `tu_${seq}`, isError: false, output: 'x'.repeat(400), truncated: false }
        : { type: 'assistant.text', text: `Step ${seq}: reading the file and planning the next edit — ✓` };
    return { runId, seq, at: Date.now(), event };
  });
  return { events, bytes: events.reduce((n, e) => n + Buffer.byteLength(JSON.stringify(e)), 0) };
}

async function appendRun(store: Store, events: number): Promise<number[]> {
  const run = await store.runs.create({
    id: `bench-${randomUUID()}`, taskId: null, employeeId: null, runtime: 'shell', model: null,
    cwd: '/tmp', resumeOf: null, nodeId: null, createdAt: new Date().toISOString(),
  });
  const latencies: number[] = [];
  for (let seq = 1; seq <= events; seq += BATCH) {
    const { events: batch, bytes } = makeBatch(run.id, seq);
    const t0 = performance.now();
    await store.runEvents.append(run.id, batch, bytes);
    latencies.push(performance.now() - t0);
  }
  return latencies;
}

const pct = (sorted: number[], p: number): string =>
  (sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0).toFixed(2);

/** Every scenario's figure, written to bench/results/store-append.json at the end. */
const figures: { label: string; eventsPerSec: number; batchP50Ms: number; batchP99Ms: number }[] = [];

async function scenario(store: Store, label: string, runs: number): Promise<void> {
  const t0 = performance.now();
  const all = (await Promise.all(Array.from({ length: runs }, () => appendRun(store, EVENTS_PER_RUN)))).flat();
  const seconds = (performance.now() - t0) / 1000;
  const sorted = all.sort((a, b) => a - b);
  const total = runs * EVENTS_PER_RUN;
  console.log(
    `${label.padEnd(34)} ${Math.round(total / seconds).toLocaleString('en-US').padStart(9)} events/s` +
      `  (${total} events, ${seconds.toFixed(2)} s; batch p50 ${pct(sorted, 50)} ms, p99 ${pct(sorted, 99)} ms)`,
  );
  figures.push({ label, eventsPerSec: Math.round(total / seconds), batchP50Ms: Number(pct(sorted, 50)), batchP99Ms: Number(pct(sorted, 99)) });
}

async function bench(name: string, options: StoreOptions): Promise<void> {
  const store = await openStore(options);
  try {
    await appendRun(store, 2_000); // warm-up: JIT, statement cache, connections
    await scenario(store, `${name}: 1 run, sequential`, 1);
    await scenario(store, `${name}: ${CONCURRENT_RUNS} runs, concurrent`, CONCURRENT_RUNS);
  } finally {
    await store.close();
  }
}

const dir = await makeTempDir('dash-bench-');
try {
  await bench('sqlite', { kind: 'sqlite', file: join(dir.path, 'bench.db') });
} finally {
  await dir.cleanup();
}

const db = await createTestDatabase();
try {
  await bench('postgres', { kind: 'postgres', url: db.url, poolSize: CONCURRENT_RUNS });
} finally {
  await db.drop();
}

mkdirSync(fileURLToPath(new URL('../results/', import.meta.url)), { recursive: true });
writeFileSync(
  fileURLToPath(new URL('../results/store-append.json', import.meta.url)),
  `${JSON.stringify({ benchmark: 'store-append', at: new Date().toISOString(), figures }, null, 2)}\n`,
);
