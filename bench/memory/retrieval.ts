/**
 * Retrieval quality on the labelled set in packages/server/test/fixtures/memory-retrieval/
 * (312 memories written for this project across the 13 roles, 70 paraphrased queries with their
 * relevant memories). Every memory is stored company-wide through the real service (SQLite store,
 * sqlite-vec index, encryption, blind lexical index), with creation dates spread over 120 days, so
 * each query searches the whole set. Reports, per embedding provider and ranking mode:
 *  - recall@5: share of a query's relevant memories in its top 5, averaged over queries;
 *  - MRR@10: mean reciprocal rank of the first relevant memory in the top 10 (0 if none).
 * Lexical-only does not depend on the provider and is reported once.
 *
 *   npx tsx bench/memory/retrieval.ts                    hash and use-lite
 *   npx tsx bench/memory/retrieval.ts --providers hash   one provider
 *   npx tsx bench/memory/retrieval.ts --tune             also grid-search the hybrid weights
 *
 * --tune reports the best weights on THIS set next to the shipped ones (RANKING_WEIGHTS); with 70
 * queries that is a fit to the set, so pick weights that do well for both providers rather than
 * the single best cell. Figures are printed (and written to bench/results/memory-retrieval.json),
 * never asserted.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { memorySearchOptions, type MemorySearchMode, type MemoryType } from '@dash/shared';
import { RANKING_WEIGHTS, type RankingWeights } from '../../packages/server/src/domain/memory/hybrid-ranking.js';
import { MemorySearch } from '../../packages/server/src/services/memory/memory-search.js';
import { VectorSync } from '../../packages/server/src/services/memory/vector-sync.js';
import { silentLogger } from '../../packages/server/src/ports/logger.js';
import { benchDirectory, CachingProvider, makeProvider, openBenchMemory, type BenchMemory, type ProviderName } from './memory-bench-setup.js';

interface FixtureMemory {
  id: string;
  employeeId: string;
  type: MemoryType;
  tags: string[];
  content: string;
}
interface FixtureQuery {
  id: string;
  employeeId: string;
  query: string;
  relevant: string[];
}

const FIXTURES = new URL('../../packages/server/test/fixtures/memory-retrieval/', import.meta.url);
const RESULTS = fileURLToPath(new URL('../results/', import.meta.url));
const memories = JSON.parse(readFileSync(new URL('memories.json', FIXTURES), 'utf8')) as FixtureMemory[];
const queries = JSON.parse(readFileSync(new URL('queries.json', FIXTURES), 'utf8')) as FixtureQuery[];

const args = process.argv.slice(2);
const providerArg = args.includes('--providers') ? (args[args.indexOf('--providers') + 1] ?? '') : 'hash,use-lite';
const providers = providerArg.split(',').filter(Boolean) as ProviderName[];
const tune = args.includes('--tune');
const DAY_MS = 24 * 3600 * 1000;

interface Score {
  recallAt5: number;
  mrrAt10: number;
}

async function ingest(bench: BenchMemory): Promise<{ idMap: Map<string, string>; seconds: number }> {
  const idMap = new Map<string, string>();
  const start = bench.clock.ms;
  const t0 = performance.now();
  for (const [i, m] of memories.entries()) {
    // Spread creation over 120 days (deterministic), so recency is noise, not a hint.
    bench.clock.ms = start - ((i * 37) % 120) * DAY_MS;
    const metadata = { tags: m.tags, scope: 'company' as const };
    const view =
      m.type === 'interaction'
        ? await bench.service.createInteraction({
            employeeId: m.employeeId,
            query: m.content.replace(/^Query: /, '').split(' Response: ')[0] ?? m.content,
            response: m.content.split(' Response: ')[1] ?? '-',
            metadata,
          })
        : await bench.service.create(m.type, { employeeId: m.employeeId, content: m.content, metadata });
    idMap.set(m.id, view.id);
  }
  bench.clock.ms = start;
  return { idMap, seconds: (performance.now() - t0) / 1000 };
}

async function evaluate(search: MemorySearch, idMap: Map<string, string>, mode: MemorySearchMode): Promise<Score> {
  let recall = 0;
  let mrr = 0;
  for (const q of queries) {
    const relevant = new Set(q.relevant.map((r) => idMap.get(r)));
    const result = await search.search({ employeeId: q.employeeId, query: q.query, options: memorySearchOptions.parse({ topK: 10, mode }) });
    const ids = result.results.map((r) => r.id);
    recall += ids.slice(0, 5).filter((id) => relevant.has(id)).length / relevant.size;
    const first = ids.findIndex((id) => relevant.has(id));
    mrr += first < 0 ? 0 : 1 / (first + 1);
  }
  return { recallAt5: round(recall / queries.length), mrrAt10: round(mrr / queries.length) };
}

function searchWith(bench: BenchMemory, weights: RankingWeights): MemorySearch {
  const sync = new VectorSync({ repository: bench.repository, index: bench.index, embeddings: bench.embeddings, logger: silentLogger });
  return new MemorySearch({
    repository: bench.repository,
    index: bench.index,
    embeddings: bench.embeddings,
    members: benchDirectory(),
    sync,
    clock: bench.clock,
    logger: silentLogger,
    weights,
  });
}

function weightGrid(): RankingWeights[] {
  const out: RankingWeights[] = [];
  for (let lexical = 0; lexical <= 0.8001; lexical += 0.05) {
    for (const importance of [0, 0.05, 0.1]) {
      for (const recency of [0, 0.05]) {
        const vector = 1 - lexical - importance - recency;
        if (vector < 0.1) continue;
        out.push({ lexical: round(lexical), vector: round(vector), importance, recency });
      }
    }
  }
  return out;
}

const round = (n: number): number => Math.round(n * 1000) / 1000;

const report: Record<string, unknown> = {
  set: { memories: memories.length, queries: queries.length, roles: new Set(memories.map((m) => m.employeeId)).size },
  weights: RANKING_WEIGHTS,
  results: [] as unknown[],
};
const rows: string[] = [];
let lexicalDone = false;
for (const name of providers) {
  const embeddings = new CachingProvider(makeProvider(name));
  const bench = await openBenchMemory({ store: 'sqlite', embeddings });
  try {
    const { idMap, seconds } = await ingest(bench);
    console.log(`${name}: ingested ${memories.length} memories in ${seconds.toFixed(1)} s (embedding included)`);
    const modes: MemorySearchMode[] = lexicalDone ? ['vector', 'hybrid'] : ['lexical', 'vector', 'hybrid'];
    for (const mode of modes) {
      const score = await evaluate(bench.service.search, idMap, mode);
      const label = mode === 'lexical' ? 'lexical only (blind BM25)' : `${mode === 'vector' ? 'vector only' : 'hybrid'} (${name})`;
      rows.push(`${label.padEnd(30)} recall@5 ${score.recallAt5.toFixed(3)}   MRR@10 ${score.mrrAt10.toFixed(3)}`);
      (report.results as unknown[]).push({ provider: mode === 'lexical' ? null : name, mode, ...score });
    }
    lexicalDone = true;
    if (tune) {
      const scored: { weights: RankingWeights; score: Score }[] = [];
      for (const weights of weightGrid()) scored.push({ weights, score: await evaluate(searchWith(bench, weights), idMap, 'hybrid') });
      scored.sort((a, b) => b.score.recallAt5 - a.score.recallAt5 || b.score.mrrAt10 - a.score.mrrAt10);
      console.log(`\n${name}: best hybrid weights on this set (of ${scored.length}):`);
      for (const s of scored.slice(0, 8)) console.log(`  ${JSON.stringify(s.weights)}  recall@5 ${s.score.recallAt5.toFixed(3)}  MRR@10 ${s.score.mrrAt10.toFixed(3)}`);
      (report[`tuning-${name}`] as unknown) = scored.slice(0, 20);
    }
  } finally {
    await bench.close();
  }
}

console.log(`\nLabelled set: ${memories.length} memories, ${queries.length} queries; weights ${JSON.stringify(RANKING_WEIGHTS)}`);
for (const row of rows) console.log(row);
mkdirSync(RESULTS, { recursive: true });
writeFileSync(`${RESULTS}memory-retrieval.json`, `${JSON.stringify(report, null, 2)}\n`);
