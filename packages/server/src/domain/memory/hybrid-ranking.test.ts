import { describe, expect, it } from 'vitest';
import { RANKING_WEIGHTS, rankCandidates, recencyOf, RECENCY_HALF_LIFE_DAYS, type RankCandidate } from './hybrid-ranking.js';

const now = Date.parse('2025-08-01T00:00:00Z');
const DAY = 24 * 3600 * 1000;
const cand = (id: string, extra: Partial<RankCandidate>): RankCandidate => ({
  id,
  lexical: null,
  vector: null,
  importance: 5,
  createdAtMs: now,
  ...extra,
});

describe('hybrid ranking', () => {
  it('halves the recency boost every half-life', () => {
    expect(recencyOf(now, now)).toBe(1);
    expect(recencyOf(now - RECENCY_HALF_LIFE_DAYS * DAY, now)).toBeCloseTo(0.5, 6);
    expect(recencyOf(now + DAY, now)).toBe(1);
  });

  it('normalizes lexical and vector scores by the best candidate', () => {
    const ranked = rankCandidates([cand('a', { lexical: 8, vector: 0.2 }), cand('b', { lexical: 4, vector: 0.4 })], {
      mode: 'hybrid',
      boostRecent: false,
      nowMs: now,
    });
    expect(ranked.find((r) => r.id === 'a')?.parts).toMatchObject({ lexical: 1, vector: 0.5 });
    expect(ranked.find((r) => r.id === 'b')?.parts).toMatchObject({ lexical: 0.5, vector: 1 });
  });

  it('mixes the parts with the shipped weights, which sum to 1', () => {
    const w = RANKING_WEIGHTS;
    expect(w.lexical + w.vector + w.importance + w.recency).toBeCloseTo(1, 12);
    const [only] = rankCandidates([cand('a', { lexical: 3, vector: 0.5, importance: 6, createdAtMs: now - RECENCY_HALF_LIFE_DAYS * DAY })], {
      mode: 'hybrid',
      boostRecent: true,
      nowMs: now,
    });
    expect(only?.score).toBeCloseTo(w.lexical + w.vector + 0.6 * w.importance + 0.5 * w.recency, 5);
  });

  it('ranks by one signal in lexical and vector modes', () => {
    const candidates = [cand('a', { lexical: 1, vector: 0.9 }), cand('b', { lexical: 3, vector: 0.1 })];
    expect(rankCandidates(candidates, { mode: 'lexical', boostRecent: true, nowMs: now }).map((r) => r.id)).toEqual(['b', 'a']);
    expect(rankCandidates(candidates, { mode: 'vector', boostRecent: true, nowMs: now }).map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('lets importance and recency break near-ties, and clamps negative cosines', () => {
    const ranked = rankCandidates(
      [
        cand('old', { vector: 0.5, createdAtMs: now - 365 * DAY }),
        cand('new', { vector: 0.5 }),
        cand('opposite', { vector: -0.8, importance: 10 }),
      ],
      { mode: 'hybrid', boostRecent: true, nowMs: now },
    );
    expect(ranked.map((r) => r.id)).toEqual(['new', 'old', 'opposite']);
    expect(ranked[2]?.parts.vector).toBe(0);
  });
});
