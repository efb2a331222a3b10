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
import type { MemoryContextBody, MemoryContextResult, MemorySearchOptions, MemorySearchResult, SearchMemoryBody } from '@dash/shared';
import { type Ranked, type RankingWeights } from '../../domain/memory/hybrid-ranking.js';
import { type QueryExpander } from '../../domain/memory/query-expansion.js';
import { type MemoryMember } from '../../domain/memory/memory-access.js';
import type { Clock } from '../../ports/clock.js';
import type { EmbeddingProvider } from '../../ports/embedding-provider.js';
import type { Logger } from '../../ports/logger.js';
import type { MemoryMemberDirectory, MemoryMeta, MemoryRepository } from '../../ports/memory-repository.js';
import type { VectorIndex } from '../../ports/vector-index.js';
import type { VectorSync } from './vector-sync.js';
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
export declare class MemorySearch {
    private readonly deps;
    constructor(deps: MemorySearchDeps);
    search(body: SearchMemoryBody): Promise<MemorySearchResult>;
    context(body: MemoryContextBody): Promise<MemoryContextResult>;
    /** Every candidate that passes the filters, best first (at least topK when that many exist). */
    rank(member: MemoryMember, request: RankRequest): Promise<RankedCandidate[]>;
    /** The query's vector; null when it cannot be embedded and the search may go on lexically. */
    private embedQuery;
}
