/**
 * Hybrid ranking of memory search candidates. THE one place the weights live (docs/memory.md
 * quotes them and how they were tuned on the labelled retrieval set):
 *
 *   score = w.lexical·L + w.vector·V + w.importance·importance/10 + w.recency·R
 *
 *  - L: the BM25 score over the blind token index (the query expanded with the software
 *    vocabulary, query-expansion.ts) divided by the best BM25 score among the candidates, so
 *    1 = best lexical match, 0 = none;
 *  - V: cosine similarity of the query and memory vectors, clamped at 0 and divided by the best
 *    among the candidates (the scales of the providers differ; only the order within a query counts);
 *  - R: recency, exp(−ln2 · age / half-life), half-life RECENCY_HALF_LIFE_DAYS; 0 when the caller
 *    turns `boostRecent` off.
 * `lexical` and `vector` modes rank by that one signal alone (evaluation and debugging).
 *
 * Weights: tuned with `npx tsx bench/memory/retrieval.ts --tune` on the TUNING half of the
 * labelled set only. Lexical 0.40–0.55 was best for use-lite and 0.65–0.8 for hash; 0.5 is within
 * 0.015 recall@5 of the best for both. Linear mixing of max-normalized scores beat reciprocal-rank
 * fusion there (RRF flattens the strong lexical signal the expansion gives).
 */
import type { MemorySearchMode, MemoryScoreParts } from '@dash/shared';
export declare const RANKING_WEIGHTS: {
    readonly lexical: 0.5;
    readonly vector: 0.4;
    readonly importance: 0.05;
    readonly recency: 0.05;
};
export type RankingWeights = {
    readonly [K in keyof typeof RANKING_WEIGHTS]: number;
};
/** Age at which the recency boost halves. */
export declare const RECENCY_HALF_LIFE_DAYS = 30;
export interface RankCandidate {
    id: string;
    /** Raw lexical score, higher = better; null when the memory did not match lexically. */
    lexical: number | null;
    /** Cosine similarity in [-1, 1]; null when the memory has no vector from the current provider. */
    vector: number | null;
    importance: number;
    createdAtMs: number;
}
export interface RankOptions {
    mode: MemorySearchMode;
    boostRecent: boolean;
    nowMs: number;
    weights?: RankingWeights;
}
export interface Ranked {
    id: string;
    score: number;
    parts: MemoryScoreParts;
}
export declare function recencyOf(createdAtMs: number, nowMs: number): number;
/** Best first; ties go to the newer memory, then by id, so results are stable. */
export declare function rankCandidates(candidates: readonly RankCandidate[], options: RankOptions): Ranked[];
