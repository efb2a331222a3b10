/**
 * Memory search latency and ingest rate at 10,000 and 100,000 memories: SQLite with the sqlite-vec
 * index (the embedded default) and with the in-memory index over the same store, and PostgreSQL
 * with the in-memory index (pgvector is not installed on our machines). For the in-memory index it
 * also reports the recall@10 of its sketch pre-filter against a full scan.
 *
 *   npx tsx bench/memory/search.ts                       both stores, 10k and 100k
 *   npx tsx bench/memory/search.ts --stores sqlite --sizes 10000
 *
 * Memories are synthetic: 15–40 words drawn (Zipf) from the vocabulary of the labelled retrieval
 * set, owned by the 13 employees, 70 % private, 20 % department, 10 % company, embedded with the
 * `hash` provider. Ingest goes through the real service (embedding, encryption, blind index,
 * vector, index sync) and is reported in memories per second. Search latency is the whole
 * service call (member lookup, BM25, vector index, filters, decryption of the top 5, access
 * bookkeeping) for 300 queries of 3–6 words as random employees; query embeddings are computed
 * before the clock starts, so embedding time is excluded. After each ingest the tables are
 * analyzed (and vacuumed on PostgreSQL, as autovacuum would have done in steady state). Figures
 * are printed and written to bench/results/memory-search.json, never asserted.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { memorySearchOptions, type MemorySearchMode } from '@dash/shared';
import { sql } from 'kysely';
import { InMemoryVectorIndex } from '../../packages/server/src/adapters/memory-vector/in-memory-vector-index.js';
import { storeDatabaseOf } from '../../packages/server/src/adapters/store/kysely-store.js';
import type { MemoryService } from '../../packages/server/src/services/memory/memory-service.js';
import { percentiles } from '../lib/stats.js';
import { BENCH_DEPARTMENTS, CachingProvider, makeProvider, openBenchMemory, type BenchMemory, type StoreName } from './memory-bench-setup.js';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string): string => (args.includes(name) ? (args[args.indexOf(name) + 1] ?? fallback) : fallback);
const stores = arg('--stores', 'sqlite,postgres').split(',') as StoreName[];
const sizes = arg('--sizes', '10000,100000').split(',').map(Number);
const QUERIES = Number(arg('--queries', '300'));
const RESULTS = fileURLToPath(new URL('../results/', import.meta.url));

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

async function measure(service: MemoryService, embeddings: CachingProvider, mode: MemorySearchMode): Promise<Record<string, number>> {
  const queries = Array.from({ length: QUERIES }, () => ({ employeeId: pick(employees), query: sentence(3, 6) }));
  await embeddings.embed(queries.map((q) => q.query));
  for (const q of queries.slice(0, 20)) await service.search.search({ ...q, options: memorySearchOptions.parse({ mode }) });
  const latencies: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    await service.search.search({ ...q, options: memorySearchOptions.parse({ topK: 5, mode }) });
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

const fmt = (p: unknown): string => {
  const q = p as Record<string, number>;
  return `p50 ${String(q.p50).padStart(6)} ms  p95 ${String(q.p95).padStart(6)} ms`;
};

const results: unknown[] = [];
for (const store of stores) {
  const embeddings = new CachingProvider(makeProvider('hash'));
  const bench = await openBenchMemory({ store, embeddings });
  try {
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
      for (const [index, service] of services) {
        const row: Record<string, unknown> = { store, index, memories: size, ingestPerSecond: Math.round(rate) };
        for (const mode of ['hybrid', 'vector', 'lexical'] as const) row[mode] = await measure(service, embeddings, mode);
        if (index === 'in-memory') row.sketchRecallAt10 = await sketchRecall(bench, embeddings, inMemory);
        results.push(row);
        console.log(`  ${index}${row.sketchRecallAt10 === undefined ? '' : ` (recall@10 vs full scan ${String(row.sketchRecallAt10)})`}`);
        for (const mode of ['hybrid', 'vector', 'lexical']) console.log(`    ${mode.padEnd(8)} ${fmt(row[mode])}`);
      }
    }
  } finally {
    await bench.close();
  }
}
mkdirSync(RESULTS, { recursive: true });
writeFileSync(`${RESULTS}memory-search.json`, `${JSON.stringify({ queries: QUERIES, results }, null, 2)}\n`);
