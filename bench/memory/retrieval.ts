/**
 * Retrieval quality on the labelled set in packages/server/test/fixtures/memory-retrieval/
 * (312 memories written for this project across the 13 roles; 135 development queries and 110
 * blind queries with their relevant memories). Every memory is stored company-wide through the
 * real service (SQLite store, sqlite-vec index, encryption, blind lexical index), with creation
 * dates spread over 120 days, so each query searches the whole set. Reports, per embedding
 * provider and ranking mode:
 *  - recall@5: share of a query's relevant memories in its top 5, averaged over queries;
 *  - MRR@10: mean reciprocal rank of the first relevant memory in the top 10 (0 if none);
 * on each subset: the development queries (queries.json, split by split.json into `tuning`,
 * `heldOut` and `fresh`; `dev` = all three) and `blind` (queries-blind.json, written by two
 * writers who never saw the ranking code, the vocabulary or the development queries, and frozen
 * before any evaluation: the headline). Settings are chosen on the development queries only.
 * Lexical-only does not depend on the provider. Every ranking is also run without the vocabulary
 * expansion, and hybrid without the affinity to the searcher's own memories (ablations).
 *
 *   npx tsx bench/memory/retrieval.ts                    hash and use-lite
 *   npx tsx bench/memory/retrieval.ts --providers hash   one provider
 *   npx tsx bench/memory/retrieval.ts --tune             also grid-search the weights on `dev`
 *
 * --tune ranks weight sets (and the expansion weight) by recall@5 then MRR on the development
 * queries, and never prints the blind figures of the candidates. Figures are printed (and written
 * to bench/results/memory-retrieval.json), never asserted.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { memorySearchOptions, type MemorySearchMode, type MemoryType } from '@dash/shared';
import { RANKING_WEIGHTS, type RankingWeights } from '../../packages/server/src/domain/memory/hybrid-ranking.js';
import { EXPANSION_WEIGHT, noQueryExpansion, QueryExpander, softwareQueryExpander } from '../../packages/server/src/domain/memory/query-expansion.js';
import { SOFTWARE_VOCABULARY } from '../../packages/server/src/domain/memory/software-vocabulary.js';
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
type Subset = 'tuning' | 'heldOut' | 'fresh' | 'blind';
const SUBSETS: readonly Subset[] = ['tuning', 'heldOut', 'fresh', 'blind'];

const FIXTURES = new URL('../../packages/server/test/fixtures/memory-retrieval/', import.meta.url);
const RESULTS = fileURLToPath(new URL('../results/', import.meta.url));
const memories = JSON.parse(readFileSync(new URL('memories.json', FIXTURES), 'utf8')) as FixtureMemory[];
const blindQueries = JSON.parse(readFileSync(new URL('queries-blind.json', FIXTURES), 'utf8')) as FixtureQuery[];
const queries = [...(JSON.parse(readFileSync(new URL('queries.json', FIXTURES), 'utf8')) as FixtureQuery[]), ...blindQueries];
const split = {
  ...(JSON.parse(readFileSync(new URL('split.json', FIXTURES), 'utf8')) as Record<Exclude<Subset, 'blind'>, string[]>),
  blind: blindQueries.map((q) => q.id),
};
const subsetOf = new Map(SUBSETS.flatMap((s) => split[s].map((id) => [id, s] as const)));

const args = process.argv.slice(2);
const providerArg = args.includes('--providers') ? (args[args.indexOf('--providers') + 1] ?? '') : 'hash,use-lite';
const providers = providerArg.split(',').filter(Boolean) as ProviderName[];
const tune = args.includes('--tune');
const DAY_MS = 24 * 3600 * 1000;

interface Score {
  recallAt5: number;
  mrrAt10: number;
  queries: number;
}
type Scores = Record<Subset | 'all', Score>;

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

/** Recall@5 and MRR@10 of every query, then averaged per subset. */
async function evaluate(search: MemorySearch, idMap: Map<string, string>, mode: MemorySearchMode): Promise<Scores> {
  const sums = new Map<Subset | 'all', { recall: number; mrr: number; n: number }>();
  for (const q of queries) {
    const relevant = new Set(q.relevant.map((r) => idMap.get(r)));
    const result = await search.search({ employeeId: q.employeeId, query: q.query, options: memorySearchOptions.parse({ topK: 10, mode }) });
    const ids = result.results.map((r) => r.id);
    const recall = ids.slice(0, 5).filter((id) => relevant.has(id)).length / relevant.size;
    const first = ids.findIndex((id) => relevant.has(id));
    const mrr = first < 0 ? 0 : 1 / (first + 1);
    const subset = subsetOf.get(q.id) ?? 'all';
    // `all` is the development set (queries.json); the blind set is reported on its own.
    for (const key of subset === 'blind' ? (['blind'] as const) : (['all', subset] as const)) {
      const s = sums.get(key) ?? { recall: 0, mrr: 0, n: 0 };
      sums.set(key, { recall: s.recall + recall, mrr: s.mrr + mrr, n: s.n + 1 });
    }
  }
  const score = (key: Subset | 'all'): Score => {
    const s = sums.get(key) ?? { recall: 0, mrr: 0, n: 0 };
    return { recallAt5: round(s.recall / Math.max(1, s.n)), mrrAt10: round(s.mrr / Math.max(1, s.n)), queries: s.n };
  };
  return { all: score('all'), tuning: score('tuning'), heldOut: score('heldOut'), fresh: score('fresh'), blind: score('blind') };
}

function searchWith(bench: BenchMemory, weights: RankingWeights, expander: QueryExpander): MemorySearch {
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
    expander,
  });
}

function weightGrid(): RankingWeights[] {
  const out: RankingWeights[] = [];
  for (let lexical = 0.3; lexical <= 0.6001; lexical += 0.05) {
    for (const affinity of [0, 0.1, 0.15, 0.2]) {
      const importance = 0.025;
      const recency = 0.025;
      const vector = 1 - lexical - affinity - importance - recency;
      if (vector < 0.1) continue;
      out.push({ lexical: round(lexical), vector: round(vector), affinity, importance, recency });
    }
  }
  return out;
}

const round = (n: number): number => Math.round(n * 1000) / 1000;
const fmt = (s: Score): string => `${s.recallAt5.toFixed(3)} / ${s.mrrAt10.toFixed(3)}`;
const better = (a: Scores, b: Scores): number => b.all.recallAt5 - a.all.recallAt5 || b.all.mrrAt10 - a.all.mrrAt10;

const report: Record<string, unknown> = {
  set: {
    memories: memories.length,
    queries: queries.length,
    roles: new Set(memories.map((m) => m.employeeId)).size,
    subsets: Object.fromEntries(SUBSETS.map((s) => [s, split[s].length])),
  },
  weights: RANKING_WEIGHTS,
  expansionWeight: EXPANSION_WEIGHT,
  vocabularyGroups: SOFTWARE_VOCABULARY.length,
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
    const noAffinity: RankingWeights = { ...RANKING_WEIGHTS, affinity: 0, vector: RANKING_WEIGHTS.vector + RANKING_WEIGHTS.affinity };
    // Affinity only matters in hybrid mode; its ablation gives its weight to the vector side.
    for (const [expansion, affinity] of [[true, true], [false, true], [true, false]] as const) {
      const search = searchWith(bench, affinity ? RANKING_WEIGHTS : noAffinity, expansion ? softwareQueryExpander : noQueryExpansion);
      for (const mode of affinity ? modes : (['hybrid'] as const)) {
        // Without a bag-of-words provider, expansion does not touch vector-only ranking.
        if (mode === 'vector' && !expansion && !bench.embeddings.bagOfWords) continue;
        const score = await evaluate(search, idMap, mode);
        const label = `${mode === 'lexical' ? 'lexical only' : `${mode === 'vector' ? 'vector only' : 'hybrid'}, ${name}`}${expansion ? '' : ', no expansion'}${affinity ? '' : ', no affinity'}`;
        rows.push(`${label.padEnd(44)} ${SUBSETS.map((s) => `${s} ${fmt(score[s])}`).join('   ')}   dev ${fmt(score.all)}`);
        (report.results as unknown[]).push({ provider: mode === 'lexical' ? null : name, mode, expansion, affinity, ...score });
      }
    }
    lexicalDone = true;
    if (tune) {
      const scored: { weights: RankingWeights; expansionWeight: number; score: Scores }[] = [];
      for (const expansionWeight of [0.5, 0.7, 0.85, 1]) {
        const expander = new QueryExpander(SOFTWARE_VOCABULARY, expansionWeight);
        for (const weights of weightGrid()) scored.push({ weights, expansionWeight, score: await evaluate(searchWith(bench, weights, expander), idMap, 'hybrid') });
      }
      scored.sort((a, b) => better(a.score, b.score));
      console.log(`\n${name}: best hybrid settings on the development queries (of ${scored.length}); recall@5 / MRR@10`);
      for (const s of scored.slice(0, 12)) {
        console.log(`  ${JSON.stringify(s.weights)} expansion ${s.expansionWeight}  dev ${fmt(s.score.all)}  fresh ${fmt(s.score.fresh)}`);
      }
      // The blind subset is never printed here: settings must not be chosen by it.
      (report[`tuning-${name}`] as unknown) = scored.slice(0, 30).map((s) => ({ weights: s.weights, expansionWeight: s.expansionWeight, dev: s.score.all, fresh: s.score.fresh }));
    }
  } finally {
    await bench.close();
  }
}

console.log(
  `\nLabelled set: ${memories.length} memories, ${queries.length} queries (${SUBSETS.map((s) => `${s} ${split[s].length}`).join(', ')}); ` +
    `weights ${JSON.stringify(RANKING_WEIGHTS)}, expansion weight ${EXPANSION_WEIGHT}, ${SOFTWARE_VOCABULARY.length} vocabulary groups`,
);
console.log('recall@5 / MRR@10');
for (const row of rows) console.log(row);
mkdirSync(RESULTS, { recursive: true });
writeFileSync(`${RESULTS}memory-retrieval.json`, `${JSON.stringify(report, null, 2)}\n`);
