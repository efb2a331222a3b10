import { describe, expect, it } from 'vitest';
import { LEXICAL_HALF_MATCH, lexicalEvidence, RANKING_WEIGHTS, rankCandidates, recencyOf, RECENCY_HALF_LIFE_DAYS, type RankCandidate } from './hybrid-ranking.js';

const now = Date.parse('2025-08-01T00:00:00Z');
const DAY = 24 * 3600 * 1000;
const cand = (id: string, extra: Partial<RankCandidate>): RankCandidate => ({
  id,
  lexical: null,
  vector: null,
  own: false,
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

  it('saturates lexical evidence on an absolute scale and normalizes vectors by the best candidate', () => {
    expect(lexicalEvidence(LEXICAL_HALF_MATCH)).toBeCloseTo(0.5, 12);
    expect(lexicalEvidence(null)).toBe(0);
    expect(lexicalEvidence(-3)).toBe(0);
    const ranked = rankCandidates([cand('a', { lexical: 6, vector: 0.2 }), cand('b', { lexical: 2, vector: 0.4 })], {
      mode: 'hybrid',
      boostRecent: false,
      nowMs: now,
    });
    expect(ranked.find((r) => r.id === 'a')?.parts).toMatchObject({ lexical: 0.75, vector: 0.5 });
    expect(ranked.find((r) => r.id === 'b')?.parts).toMatchObject({ lexical: 0.5, vector: 1 });
  });

  it('keeps a weak best lexical match weak (no rescaling to 1)', () => {
    const [weak] = rankCandidates([cand('a', { lexical: 0.5 })], { mode: 'hybrid', boostRecent: false, nowMs: now });
    expect(weak?.parts.lexical).toBeCloseTo(0.2, 6);
  });

  it('mixes the parts with the shipped weights, which sum to 1', () => {
    const w = RANKING_WEIGHTS;
    expect(w.lexical + w.vector + w.affinity + w.importance + w.recency).toBeCloseTo(1, 12);
    const [only] = rankCandidates([cand('a', { lexical: 2, vector: 0.5, own: true, importance: 6, createdAtMs: now - RECENCY_HALF_LIFE_DAYS * DAY })], {
      mode: 'hybrid',
      boostRecent: true,
      nowMs: now,
    });
    expect(only?.score).toBeCloseTo(0.5 * w.lexical + w.vector + w.affinity + 0.6 * w.importance + 0.5 * w.recency, 5);
    expect(only?.parts.affinity).toBe(1);
  });

  it("puts the searcher's own memory first among equals, but not above a clearly better colleague's", () => {
    const equal = rankCandidates([cand('colleague', { lexical: 3, vector: 0.5 }), cand('mine', { lexical: 3, vector: 0.5, own: true })], {
      mode: 'hybrid',
      boostRecent: false,
      nowMs: now,
    });
    expect(equal.map((r) => r.id)).toEqual(['mine', 'colleague']);
    const better = rankCandidates([cand('mine', { lexical: 0.3, vector: 0.2, own: true }), cand('colleague', { lexical: 6, vector: 0.6 })], {
      mode: 'hybrid',
      boostRecent: false,
      nowMs: now,
    });
    expect(better.map((r) => r.id)).toEqual(['colleague', 'mine']);
  });

  it('ranks by one signal in lexical and vector modes', () => {
    const candidates = [cand('a', { lexical: 1, vector: 0.9, own: true }), cand('b', { lexical: 3, vector: 0.1 })];
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
