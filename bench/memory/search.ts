/**
 * Memory search latency and ingest rate at 10,000 and 100,000 memories: SQLite with the sqlite-vec
 * index (the embedded default) and with the in-memory index over the same store, and PostgreSQL
 * with the in-memory index (pgvector is not installed on our machines). Next to each, the raw
 * limit: a plain Float32Array scan of the same vectors (bench/memory/raw-scan.ts), in the same run.
 *
 *   npx tsx bench/memory/search.ts                       both stores, 10k and 100k, 3 runs
 *   npx tsx bench/memory/search.ts --stores sqlite --sizes 10000 --runs 5
 *
 * Memories are synthetic: 15–40 words drawn (Zipf) from the vocabulary of the labelled retrieval
 * set, owned by the 13 employees, 70 % private, 20 % department, 10 % company, embedded with the
 * `hash` provider. Ingest goes through the real service (embedding, encryption, blind index,
 * vector, index sync) and is reported in memories per second. Search latency is the whole
 * service call (member lookup, query expansion, BM25, vector index, filters, decryption of the
 * top 5, access bookkeeping) for 300 queries of 3–6 words as random employees; query embeddings
 * are computed before the clock starts, so embedding time is excluded. The same queries are
 * measured `--runs` times (default 3) per scenario; the report gives the median p50 and p95 over
 * the runs and the range of p95, and this process's CPU time per search (see measure()). After each ingest the tables are analyzed (and vacuumed on
 * PostgreSQL, as autovacuum would have done in steady state). Figures are printed and written to
 * bench/results/memory-search.json, never asserted.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { memorySearchOptions, type MemorySearchMode } from '@dash/shared';
import { sql } from 'kysely';
import { InMemoryVectorIndex } from '../../packages/server/src/adapters/memory-vector/in-memory-vector-index.js';
import { storeDatabaseOf } from '../../packages/server/src/adapters/store/kysely-store.js';
import { readablePartitions } from '../../packages/server/src/domain/memory/memory-access.js';
import type { MemoryService } from '../../packages/server/src/services/memory/memory-service.js';
import { median, percentiles } from '../lib/stats.js';
import { BENCH_DEPARTMENTS, benchDirectory, CachingProvider, makeProvider, openBenchMemory, type BenchMemory, type StoreName } from './memory-bench-setup.js';
import { RawScan } from './raw-scan.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => (args.includes(name) ? (args[args.indexOf(name) + 1] ?? fallback) : fallback);
const stores = arg('--stores', 'sqlite,postgres').split(',') as StoreName[];
const sizes = arg('--sizes', '10000,100000').split(',').map(Number);
const QUERIES = Number(arg('--queries', '300'));
const RUNS = Math.max(1, Number(arg('--runs', '3')));
const RESULTS = fileURLToPath(new URL('../results/', import.meta.url));
const MODES = ['hybrid', 'vector', 'lexical'] as const;

// A deterministic generator (mulberry32) so every run stores the same memories.
let seed = 0x5eed;
const random = (): number => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const fixture = JSON.parse(
  readFileSync(new URL('../../packages/server/test/fixtures/memory-retrieval/memories.json', import.meta.url), 'utf8'),
) as { content: string }[];
const vocabulary = [...new Set(fixture.flatMap((m) => m.content.toLowerCase().match(/[a-z][a-z0-9-]+/g) ?? []))];
// Zipf(1) over a shuffled vocabulary: a few common words, a long tail.
vocabulary.sort(() => random() - 0.5);
// Every store starts from this state, so each gets the same memories and queries whichever
// stores are measured (`--stores postgres` alone used to get other data than after SQLite).
const DATA_SEED = seed;
const harmonic: number[] = [];
vocabulary.reduce((sum, _w, i) => (harmonic[i] = sum + 1 / (i + 1)), 0);
const total = harmonic[harmonic.length - 1] as number;
const word = (): string => {
  const x = random() * total;
  let lo = 0;
  let hi = harmonic.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((harmonic[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return vocabulary[lo] as string;
};
const sentence = (min: number, max: number): string => Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, word).join(' ');
const employees = Object.keys(BENCH_DEPARTMENTS);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

interface Query {
  employeeId: string;
  query: string;
}

async function ingest(bench: BenchMemory, from: number, to: number, concurrency: number): Promise<number> {
  let next = from;
  const t0 = performance.now();
  const worker = async (): Promise<void> => {
    while (next < to) {
      next += 1;
      const r = random();
      const scope = r < 0.7 ? 'private' : r < 0.9 ? 'department' : 'company';
      await bench.service.create(pick(['experience', 'knowledge', 'decision'] as const), {
        employeeId: pick(employees),
        content: sentence(15, 40),
        metadata: { scope, importance: Math.round(random() * 10), tags: [word(), word()] },
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return (to - from) / ((performance.now() - t0) / 1000);
}

/**
 * Wall-clock latency percentiles, plus this process's CPU time per search (cpuP50, cpuP95): on a
 * machine shared with other work, CPU time shows the cost of our code without the waiting for a
 * core (on SQLite it includes the database, which runs in-process; on PostgreSQL it does not).
 */
async function measure(service: MemoryService, queries: readonly Query[], mode: MemorySearchMode): Promise<Record<string, number>> {
  const latencies: number[] = [];
  const cpu: number[] = [];
  for (const q of queries) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await service.search.search({ ...q, options: memorySearchOptions.parse({ topK: 5, mode }) });
    latencies.push(performance.now() - t0);
    const used = process.cpuUsage(c0);
    cpu.push((used.user + used.system) / 1000);
  }
  const cpuPercentiles = percentiles(cpu, [50, 95]);
  return { ...percentiles(latencies, [50, 95, 99]), cpuP50: cpuPercentiles.p50 ?? 0, cpuP95: cpuPercentiles.p95 ?? 0 };
}

/** The raw scan over the same partitions each query's search reads (the asker's readable ones). */
async function measureRaw(raw: RawScan, embeddings: CachingProvider, queries: readonly Query[]): Promise<Record<string, number>> {
  const directory = benchDirectory();
  const latencies: number[] = [];
  for (const q of queries) {
    const member = await directory.get(q.employeeId);
    if (!member) throw new Error(`unknown bench employee ${q.employeeId}`);
    const partitions = readablePartitions(member);
    const [vector] = await embeddings.embed([q.query]);
    const t0 = performance.now();
    raw.search(vector as Float32Array, partitions, 5);
    latencies.push(performance.now() - t0);
  }
  return percentiles(latencies, [50, 95, 99]);
}

/** Share of the full scan's top 10 that the in-memory index (sketch pre-filter) returns, over 100 queries. */
async function sketchRecall(bench: BenchMemory, embeddings: CachingProvider, index: InMemoryVectorIndex): Promise<number> {
  const full = new InMemoryVectorIndex(embeddings.dim, { exactUpTo: Number.POSITIVE_INFINITY });
  for (let rev = 0; ; ) {
    const changes = await bench.repository.vectorChanges(rev, 5000, embeddings.id);
    if (changes.length === 0) break;
    await full.upsert(changes.flatMap((c) => (c.vector ? [{ id: c.id, partition: c.partition, vector: c.vector }] : [])));
    rev = (changes[changes.length - 1] as { rev: number }).rev;
  }
  let found = 0;
  const partitions = ['emp:emp_001', 'dept:executive', 'dept:development', 'dept:operations', 'dept:support', 'company'];
  for (let i = 0; i < 100; i++) {
    const [query] = await embeddings.embed([sentence(3, 6)]);
    const truth = new Set((await full.search(query as Float32Array, { partitions, k: 10 })).map((h) => h.id));
    found += (await index.search(query as Float32Array, { partitions, k: 10 })).filter((h) => truth.has(h.id)).length;
  }
  return Math.round((found / 1000) * 1000) / 1000;
}

interface Summary {
  p50: number;
  p95: number;
  p95Min: number;
  p95Max: number;
  cpuP50?: number;
  cpuP95?: number;
  runs: Record<string, number>[];
}

/** Median p50 and p95 over the runs, the range of p95, and the median CPU percentiles. */
function summarize(runs: readonly Record<string, number>[]): Summary {
  const p95s = runs.map((r) => r.p95 as number);
  const summary: Summary = {
    p50: round1(median(runs.map((r) => r.p50 as number))),
    p95: round1(median(p95s)),
    p95Min: Math.min(...p95s),
    p95Max: Math.max(...p95s),
    runs: [...runs],
  };
  if (runs.every((r) => r.cpuP95 !== undefined)) {
    summary.cpuP50 = round1(median(runs.map((r) => r.cpuP50 as number)));
    summary.cpuP95 = round1(median(runs.map((r) => r.cpuP95 as number)));
  }
  return summary;
}

const round1 = (n: number): number => Math.round(n * 10) / 10;
const fmt = (s: Summary): string =>
  `p50 ${String(s.p50).padStart(6)} ms  p95 ${String(s.p95).padStart(6)} ms (${s.p95Min}–${s.p95Max})` +
  (s.cpuP95 === undefined ? '' : `   cpu p50 ${s.cpuP50} / p95 ${s.cpuP95} ms`);

async function loadAverage(): Promise<number[]> {
  const { loadavg } = await import('node:os');
  return loadavg().map((l) => Math.round(l * 100) / 100);
}

const results: unknown[] = [];
for (const store of stores) {
  seed = DATA_SEED;
  const embeddings = new CachingProvider(makeProvider('hash'));
  const bench = await openBenchMemory({ store, embeddings });
  try {
    if (store === 'postgres') {
      const available = await sql<{ ok: number }>`select 1 as ok from pg_available_extensions where name = 'vector'`.execute(storeDatabaseOf(bench.store).db);
      console.log(`pgvector ${available.rows.length > 0 ? 'available (this benchmark measures the in-memory index)' : 'not installed'}: in-memory index`);
    }
    let stored = 0;
    for (const size of [...sizes].sort((a, b) => a - b)) {
      const rate = await ingest(bench, stored, size, store === 'postgres' ? 4 : 1);
      stored = size;
      // Steady state: autovacuum would have set the visibility map (index-only scans) and statistics by now.
      if (store === 'postgres') await sql`vacuum analyze memories, memory_terms, memory_term_df, memory_vectors`.execute(storeDatabaseOf(bench.store).db);
      else await sql`analyze`.execute(storeDatabaseOf(bench.store).db);
      console.log(`${store} ${String(size).padStart(7)} memories  ingest ${String(Math.round(rate)).padStart(5)}/s (through the service, hash embeddings, ${bench.index.kind} index)`);
      // SQLite: sqlite-vec (the embedded default) and the in-memory index over the same store.
      const inMemory = bench.index instanceof InMemoryVectorIndex ? bench.index : new InMemoryVectorIndex(embeddings.dim);
      const services: [string, MemoryService][] = [[bench.index.kind, bench.service]];
      if (inMemory !== bench.index) {
        const t0 = performance.now();
        services.push(['in-memory', await bench.withIndex(inMemory)]);
        console.log(`    in-memory index filled from the store in ${Math.round(performance.now() - t0)} ms`);
      }
      const raw = await RawScan.load(bench.repository, embeddings.id, embeddings.dim);
      const queries: Query[] = Array.from({ length: QUERIES }, () => ({ employeeId: pick(employees), query: sentence(3, 6) }));
      await embeddings.embed(queries.map((q) => q.query));
      for (const [, service] of services) for (const mode of MODES) await measure(service, queries.slice(0, 30), mode);

      const runs = new Map<string, Record<string, number>[]>();
      const add = (key: string, value: Record<string, number>): void => {
        runs.set(key, [...(runs.get(key) ?? []), value]);
      };
      const loads: number[][] = [];
      for (let run = 0; run < RUNS; run++) {
        loads.push(await loadAverage());
        for (const [index, service] of services) for (const mode of MODES) add(`${index}/${mode}`, await measure(service, queries, mode));
        add('raw', await measureRaw(raw, embeddings, queries));
      }
      const rawSummary = summarize(runs.get('raw') ?? []);
      const members = new Map((await benchDirectory().list()).map((m) => [m.id, m]));
      const readable = median(
        queries.map((q) => {
          const member = members.get(q.employeeId);
          return member ? raw.count(readablePartitions(member)) : 0;
        }),
      );
      console.log(`    raw scan (plain Float32Array dot products over the asker's ${Math.round(readable)} vectors, median)  ${fmt(rawSummary)}   load ${JSON.stringify(loads)}`);
      for (const [index] of services) {
        const row: Record<string, unknown> = { store, index, memories: size, ingestPerSecond: Math.round(rate), raw: rawSummary, loadAverage: loads };
        for (const mode of MODES) row[mode] = summarize(runs.get(`${index}/${mode}`) ?? []);
        const ratio = (mode: string): number => Math.round((((row[mode] as { p95: number }).p95 / Math.max(0.1, rawSummary.p95)) * 10)) / 10;
        row.p95OverRaw = { hybrid: ratio('hybrid'), vector: ratio('vector') };
        if (index === 'in-memory') row.sketchRecallAt10 = await sketchRecall(bench, embeddings, inMemory);
        results.push(row);
        console.log(`  ${index}${row.sketchRecallAt10 === undefined ? '' : ` (recall@10 vs full scan ${String(row.sketchRecallAt10)})`}  p95 / raw p95: ${JSON.stringify(row.p95OverRaw)}`);
        for (const mode of MODES) console.log(`    ${mode.padEnd(8)} ${fmt(row[mode] as never)}`);
      }
    }
  } finally {
    await bench.close();
  }
}
mkdirSync(RESULTS, { recursive: true });
writeFileSync(`${RESULTS}memory-search.json`, `${JSON.stringify({ queries: QUERIES, runs: RUNS, results }, null, 2)}\n`);
