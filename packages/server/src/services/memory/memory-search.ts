/**
 * Search and task context over the memories an employee may read.
 *
 * A search gathers candidates from two sides, both restricted to the readable partitions: the
 * best BM25 matches of the blind lexical index for the query expanded with the software
 * vocabulary (domain/memory/query-expansion.ts) and the nearest vectors of the index. It keeps
 * those passing the filters (type, time range, importance, tags, archived), completes the vector
 * score of lexical-only candidates from the index, and ranks them (domain/memory/
 * hybrid-ranking.ts). When filters leave fewer than topK, it widens the candidate pools and tries
 * again. If the query cannot be embedded (provider down), a hybrid search degrades to lexical.
 */
import type {
  MemoryContextBody,
  MemoryContextResult,
  MemorySearchHit,
  MemorySearchOptions,
  MemorySearchResult,
  MemoryType,
  SearchMemoryBody,
} from '@dash/shared';
import { isAppError } from '../../domain/app-error.js';
import { packContext } from '../../domain/memory/context-budget.js';
import { rankCandidates, type Ranked, type RankingWeights } from '../../domain/memory/hybrid-ranking.js';
import { expandedQueryText, softwareQueryExpander, type QueryExpander } from '../../domain/memory/query-expansion.js';
import { searchPartitions } from '../../domain/memory/index-partitions.js';
import { readablePartitions, type MemoryMember } from '../../domain/memory/memory-access.js';
import type { Clock } from '../../ports/clock.js';
import type { EmbeddingProvider } from '../../ports/embedding-provider.js';
import type { Logger } from '../../ports/logger.js';
import type { CandidateFilter, MemoryMemberDirectory, MemoryMeta, MemoryRepository } from '../../ports/memory-repository.js';
import type { VectorIndex } from '../../ports/vector-index.js';
import { requireMember } from './memory-members.js';
import { toMemoryView } from './memory-views.js';
import type { VectorSync } from './vector-sync.js';

const MIN_POOL = 50;
const POOL_PER_RESULT = 8;
const MAX_POOL = 5_000;

export interface MemorySearchDeps {
  repository: MemoryRepository;
  index: VectorIndex;
  embeddings: EmbeddingProvider;
  members: MemoryMemberDirectory;
  sync: VectorSync;
  clock: Clock;
  logger: Logger;
  /** Overrides RANKING_WEIGHTS (weight tuning in bench/memory/retrieval.ts). */
  weights?: RankingWeights;
  /** Overrides the software vocabulary expansion (ablation in bench/memory/retrieval.ts). */
  expander?: QueryExpander;
}

/** A ranked candidate with its metadata (nothing decrypted yet). */
export interface RankedCandidate extends Ranked {
  meta: MemoryMeta;
  /** Cosine similarity before normalization; null without a vector. */
  rawVector: number | null;
}

export interface RankRequest {
  query: string;
  options: MemorySearchOptions;
  /** Restrict to one owner's memories (expertise). */
  ownerId?: string;
}

export class MemorySearch {
  constructor(private readonly deps: MemorySearchDeps) {}

  async search(body: SearchMemoryBody): Promise<MemorySearchResult> {
    const member = await requireMember(this.deps.members, body.employeeId);
    const ranked = await this.rank(member, { query: body.query, options: body.options });
    const top = ranked.slice(0, body.options.topK);
    const memories = await this.deps.repository.getMany(top.map((r) => r.id));
    await this.deps.repository.recordAccess(memories.map((m) => m.id), this.deps.clock.isoNow());
    const byId = new Map(memories.map((m) => [m.id, m]));
    const results: MemorySearchHit[] = top.flatMap((r) => {
      const memory = byId.get(r.id);
      return memory ? [{ id: r.id, score: r.score, scores: r.parts, memory: toMemoryView(memory) }] : [];
    });
    return { success: true, employeeId: member.id, query: body.query, results, total: results.length };
  }

  async context(body: MemoryContextBody): Promise<MemoryContextResult> {
    const member = await requireMember(this.deps.members, body.employeeId);
    const options: MemorySearchOptions = {
      topK: body.options.topK,
      boostRecent: true,
      includeArchived: false,
      mode: 'hybrid',
      ...(body.options.memoryTypes && { memoryTypes: body.options.memoryTypes }),
      ...(body.options.minImportance !== undefined && { minImportance: body.options.minImportance }),
    };
    const ranked = (await this.rank(member, { query: body.taskDescription, options })).slice(0, body.options.topK);
    const memories = await this.deps.repository.getMany(ranked.map((r) => r.id));
    const relevance = new Map(ranked.map((r) => [r.id, r.score]));
    const packed = packContext(memories, body.tokenBudget);
    await this.deps.repository.recordAccess(packed.items.map((i) => i.memory.id), this.deps.clock.isoNow());

    const items = packed.items.map((i) => ({
      id: i.memory.id,
      type: i.memory.type,
      scope: i.memory.scope,
      employeeId: i.memory.employeeId,
      content: i.content,
      truncated: i.truncated,
      tags: i.memory.tags,
      importance: i.memory.importance,
      createdAt: i.memory.createdAt,
      relevance: relevance.get(i.memory.id) ?? 0,
      tokens: i.tokens,
    }));
    const count = (type: MemoryType): number => items.filter((i) => i.type === type).length;
    const idsOf = (type: MemoryType, n: number): string[] => items.filter((i) => i.type === type).slice(0, n).map((i) => i.id);
    const scores = items.map((i) => i.relevance);
    return {
      success: true,
      employeeId: member.id,
      taskDescription: body.taskDescription,
      context: {
        memories: items,
        prompt: packed.prompt,
        tokenBudget: body.tokenBudget,
        tokensUsed: packed.tokensUsed,
        summary: {
          task: body.taskDescription,
          totalMemories: items.length,
          experienceCount: count('experience'),
          knowledgeCount: count('knowledge'),
          decisionCount: count('decision'),
          interactionCount: count('interaction'),
          avgRelevance: scores.length === 0 ? 0 : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 1e4) / 1e4,
          keyExperiences: idsOf('experience', 3),
          keyKnowledge: idsOf('knowledge', 3),
          keyDecisions: idsOf('decision', 2),
        },
        totalResults: ranked.length,
        relevanceScores: scores,
      },
    };
  }

  /** Every candidate that passes the filters, best first (at least topK when that many exist). */
  async rank(member: MemoryMember, request: RankRequest): Promise<RankedCandidate[]> {
    const { repository, index, embeddings } = this.deps;
    const { options } = request;
    const partitions = readablePartitions(member, options.scopes);
    const filter: CandidateFilter = {
      includeArchived: options.includeArchived,
      ...(request.ownerId !== undefined && { employeeId: request.ownerId }),
      ...(options.memoryTypes && { types: options.memoryTypes }),
      ...(options.timeRange?.start && { createdFrom: new Date(options.timeRange.start).toISOString() }),
      ...(options.timeRange?.end && { createdTo: new Date(options.timeRange.end).toISOString() }),
      ...(options.minImportance !== undefined && { minImportance: options.minImportance }),
      ...(options.tags && { tags: options.tags }),
    };
    const useLexical = options.mode !== 'vector';
    let useVector = options.mode !== 'lexical';
    const expanded = (this.deps.expander ?? softwareQueryExpander).expand(request.query);
    const embeddedQuery = embeddings.bagOfWords ? expandedQueryText(request.query, expanded) : request.query;
    const queryVector = useVector ? await this.embedQuery(embeddedQuery, options.mode === 'vector') : null;
    if (queryVector === null) useVector = false;
    // The index catches up with the store's vector changes while the lexical side runs: on
    // PostgreSQL that is one round trip fewer per search; the vector side waits for it.
    const synced = useVector ? this.deps.sync.sync() : Promise.resolve();

    let pool = Math.min(MAX_POOL, Math.max(MIN_POOL, options.topK * POOL_PER_RESULT));
    for (;;) {
      const [lexical, vector] = await Promise.all([
        useLexical ? repository.lexicalSearch(expanded.terms, partitions, pool, options.includeArchived) : Promise.resolve([]),
        useVector && queryVector
          ? synced.then(() => index.search(queryVector, { partitions: searchPartitions(partitions, options.includeArchived), k: pool }))
          : synced.then(() => []),
      ]);
      const lexicalScore = new Map(lexical.map((h) => [h.id, h.score]));
      const vectorScore = new Map(vector.map((h) => [h.id, h.similarity]));
      const ids = [...new Set([...lexicalScore.keys(), ...vectorScore.keys()])];
      const metas = await repository.filterCandidates(ids, filter);
      const exhausted = lexical.length < pool && vector.length < pool;
      if (metas.length < options.topK && !exhausted && pool < MAX_POOL) {
        pool = Math.min(MAX_POOL, pool * 4);
        continue;
      }
      if (useVector && queryVector && options.mode === 'hybrid') {
        const missing = metas.filter((m) => !vectorScore.has(m.id) && m.embeddingProvider === embeddings.id).map((m) => m.id);
        if (missing.length > 0) for (const [id, similarity] of await index.similarities(queryVector, missing)) vectorScore.set(id, similarity);
      }
      const byId = new Map(metas.map((m) => [m.id, m]));
      const ranked = rankCandidates(
        metas.map((m) => ({
          id: m.id,
          lexical: lexicalScore.get(m.id) ?? null,
          vector: vectorScore.get(m.id) ?? null,
          own: m.employeeId === member.id,
          importance: m.importance,
          createdAtMs: Date.parse(m.createdAt),
        })),
        { mode: options.mode, boostRecent: options.boostRecent, nowMs: this.deps.clock.now(), ...(this.deps.weights && { weights: this.deps.weights }) },
      );
      return ranked.map((r) => ({ ...r, meta: byId.get(r.id) as MemoryMeta, rawVector: vectorScore.get(r.id) ?? null }));
    }
  }

  /** The query's vector; null when it cannot be embedded and the search may go on lexically. */
  private async embedQuery(query: string, required: boolean): Promise<Float32Array | null> {
    try {
      const [vector] = await this.deps.embeddings.embed([query]);
      return vector ?? null;
    } catch (err) {
      if (required || !isAppError(err) || err.code !== 'MEMORY_EMBEDDING_FAILED') throw err;
      this.deps.logger.warn({ err, provider: this.deps.embeddings.id }, 'query embedding failed; searching lexically only');
      return null;
    }
  }
}
