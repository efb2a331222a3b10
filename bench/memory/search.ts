/**
 * Memory search latency and ingest rate at 10,000 and 100,000 memories, on SQLite (sqlite-vec
 * index) and PostgreSQL (exact in-memory index; pgvector is not installed on our machines).
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
 * before the clock starts, so embedding time is excluded. Figures are printed and written to
 * bench/results/memory-search.json, never asserted.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { memorySearchOptions, type MemorySearchMode } from '@dash/shared';
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

async function measure(bench: BenchMemory, embeddings: CachingProvider, mode: MemorySearchMode): Promise<Record<string, number>> {
  const queries = Array.from({ length: QUERIES }, () => ({ employeeId: pick(employees), query: sentence(3, 6) }));
  await embeddings.embed(queries.map((q) => q.query));
  for (const q of queries.slice(0, 20)) await bench.service.search.search({ ...q, options: memorySearchOptions.parse({ mode }) });
  const latencies: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    await bench.service.search.search({ ...q, options: memorySearchOptions.parse({ topK: 5, mode }) });
    latencies.push(performance.now() - t0);
  }
  return percentiles(latencies, [50, 95, 99]);
}

const results: unknown[] = [];
for (const store of stores) {
  const embeddings = new CachingProvider(makeProvider('hash'));
  const bench = await openBenchMemory({ store, embeddings });
  try {
    let stored = 0;
    for (const size of [...sizes].sort((a, b) => a - b)) {
      const rate = await ingest(bench, stored, size, store === 'postgres' ? 4 : 1);
      stored = size;
      const row: Record<string, unknown> = { store, index: bench.index.kind, memories: size, ingestPerSecond: Math.round(rate) };
      for (const mode of ['hybrid', 'vector', 'lexical'] as const) row[mode] = await measure(bench, embeddings, mode);
      results.push(row);
      const fmt = (p: unknown): string => {
        const q = p as Record<string, number>;
        return `p50 ${String(q.p50).padStart(6)} ms  p95 ${String(q.p95).padStart(6)} ms`;
      };
      console.log(`${store.padEnd(8)} ${bench.index.kind.padEnd(10)} ${String(size).padStart(7)} memories  ingest ${String(Math.round(rate)).padStart(5)}/s`);
      for (const mode of ['hybrid', 'vector', 'lexical']) console.log(`    ${mode.padEnd(8)} ${fmt(row[mode])}`);
    }
  } finally {
    await bench.close();
  }
}
mkdirSync(RESULTS, { recursive: true });
writeFileSync(`${RESULTS}memory-search.json`, `${JSON.stringify({ queries: QUERIES, results }, null, 2)}\n`);
