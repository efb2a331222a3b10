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

export const RANKING_WEIGHTS = { lexical: 0.5, vector: 0.4, importance: 0.05, recency: 0.05 } as const;
export type RankingWeights = { readonly [K in keyof typeof RANKING_WEIGHTS]: number };

/** Age at which the recency boost halves. */
export const RECENCY_HALF_LIFE_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

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

export function recencyOf(createdAtMs: number, nowMs: number): number {
  const ageDays = Math.max(0, nowMs - createdAtMs) / DAY_MS;
  return Math.exp((-Math.LN2 * ageDays) / RECENCY_HALF_LIFE_DAYS);
}

/** Best first; ties go to the newer memory, then by id, so results are stable. */
export function rankCandidates(candidates: readonly RankCandidate[], options: RankOptions): Ranked[] {
  const w = options.weights ?? RANKING_WEIGHTS;
  const maxLexical = Math.max(0, ...candidates.map((c) => c.lexical ?? 0));
  const maxVector = Math.max(0, ...candidates.map((c) => c.vector ?? 0));
  const createdAt = new Map(candidates.map((c) => [c.id, c.createdAtMs]));
  const ranked = candidates.map((c): Ranked => {
    const parts: MemoryScoreParts = {
      lexical: maxLexical > 0 ? Math.max(0, c.lexical ?? 0) / maxLexical : 0,
      vector: maxVector > 0 ? Math.max(0, c.vector ?? 0) / maxVector : 0,
      importance: Math.min(10, Math.max(0, c.importance)) / 10,
      recency: options.boostRecent ? recencyOf(c.createdAtMs, options.nowMs) : 0,
    };
    const score =
      options.mode === 'lexical'
        ? parts.lexical
        : options.mode === 'vector'
          ? parts.vector
          : w.lexical * parts.lexical + w.vector * parts.vector + w.importance * parts.importance + w.recency * parts.recency;
    return { id: c.id, score: round(score), parts: { lexical: round(parts.lexical), vector: round(parts.vector), importance: parts.importance, recency: round(parts.recency) } };
  });
  return ranked.sort(
    (a, b) => b.score - a.score || (createdAt.get(b.id) ?? 0) - (createdAt.get(a.id) ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

const round = (n: number): number => Math.round(n * 1e6) / 1e6;
