/**
 * Hybrid ranking of memory search candidates. THE one place the weights live (docs/memory.md
 * quotes them and how they were chosen on the labelled retrieval set):
 *
 *   score = w.lexical·L + w.vector·V + w.affinity·A + w.importance·importance/10 + w.recency·R
 *
 *  - L: lexical evidence on an absolute scale. The lexical index scores BM25 in units of "one
 *    rare word matched" (the BM25 sum divided by the idf of a term found in one memory,
 *    bm25-terms.ts), so the scale does not depend on the corpus size; L = s / (s + LEXICAL_HALF_MATCH)
 *    saturates: two rare words matched count half, many count nearly 1, and a weak best match
 *    stays weak (dividing by the best candidate, as before, turned the best of a poor lot into a 1).
 *  - V: cosine similarity of the query and memory vectors, clamped at 0 and divided by the best
 *    among the candidates (the providers' scales differ; only the order within a query counts).
 *  - A: affinity, 1 for the searching employee's own memories, 0 for colleagues' (department or
 *    company shares). An employee's own experience is about its own role and work, so among
 *    memories that fit a task about equally, its own come first; the weight is small enough that
 *    a colleague's memory that clearly fits better still wins.
 *  - R: recency, exp(−ln2 · age / half-life), half-life RECENCY_HALF_LIFE_DAYS; 0 when the caller
 *    turns `boostRecent` off.
 * `lexical` and `vector` modes rank by that one signal alone (evaluation and debugging).
 *
 * Weights: chosen with bench/memory/retrieval.ts on the development queries (tuning, held-out and
 * fresh subsets of queries.json) and then measured once on the blind set (queries-blind.json),
 * whose writers never saw this code. Linear mixing beat reciprocal-rank fusion, vector
 * pseudo-relevance feedback and sentence-level vectors there.
 */
import type { MemorySearchMode, MemoryScoreParts } from '@dash/shared';

export const RANKING_WEIGHTS = { lexical: 0.45, vector: 0.35, affinity: 0.15, importance: 0.025, recency: 0.025 } as const;
export type RankingWeights = { readonly [K in keyof typeof RANKING_WEIGHTS]: number };

/** Lexical score (in rare-word units) at which L is one half. */
export const LEXICAL_HALF_MATCH = 2;
/** Age at which the recency boost halves. */
export const RECENCY_HALF_LIFE_DAYS = 30;
const DAY_MS = 24 * 3600 * 1000;

export interface RankCandidate {
  id: string;
  /** Lexical score in rare-word units (≥ 0, higher = better); null when the memory did not match lexically. */
  lexical: number | null;
  /** Cosine similarity in [-1, 1]; null when the memory has no vector from the current provider. */
  vector: number | null;
  /** The memory belongs to the employee searching. */
  own: boolean;
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

export function lexicalEvidence(score: number | null): number {
  const s = Math.max(0, score ?? 0);
  return s / (s + LEXICAL_HALF_MATCH);
}

/** Best first; ties go to the newer memory, then by id, so results are stable. */
export function rankCandidates(candidates: readonly RankCandidate[], options: RankOptions): Ranked[] {
  const w = options.weights ?? RANKING_WEIGHTS;
  const maxVector = Math.max(0, ...candidates.map((c) => c.vector ?? 0));
  const createdAt = new Map(candidates.map((c) => [c.id, c.createdAtMs]));
  const ranked = candidates.map((c): Ranked => {
    const parts: MemoryScoreParts = {
      lexical: lexicalEvidence(c.lexical),
      vector: maxVector > 0 ? Math.max(0, c.vector ?? 0) / maxVector : 0,
      importance: Math.min(10, Math.max(0, c.importance)) / 10,
      recency: options.boostRecent ? recencyOf(c.createdAtMs, options.nowMs) : 0,
      affinity: c.own ? 1 : 0,
    };
    const score =
      options.mode === 'lexical'
        ? parts.lexical
        : options.mode === 'vector'
          ? parts.vector
          : w.lexical * parts.lexical +
            w.vector * parts.vector +
            w.affinity * parts.affinity +
            w.importance * parts.importance +
            w.recency * parts.recency;
    return {
      id: c.id,
      score: round(score),
      parts: { lexical: round(parts.lexical), vector: round(parts.vector), importance: parts.importance, recency: round(parts.recency), affinity: parts.affinity },
    };
  });
  return ranked.sort(
    (a, b) => b.score - a.score || (createdAt.get(b.id) ?? 0) - (createdAt.get(a.id) ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

const round = (n: number): number => Math.round(n * 1e6) / 1e6;
