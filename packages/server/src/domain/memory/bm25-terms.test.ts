import { describe, expect, it } from 'vitest';
import { bm25Idf, chooseScoredTerms, MAX_EXPANSION_TERMS_SCORED, MAX_QUERY_TERMS_SCORED, type TermStats } from './bm25-terms.js';

const own = (key: string, df: number): TermStats<string> => ({ key, df, weight: 1, expansion: false });
const added = (key: string, df: number, weight = 0.5): TermStats<string> => ({ key, df, weight, expansion: true });

describe('BM25 term choice', () => {
  it('uses a non-negative idf that falls as a term gets common', () => {
    expect(bm25Idf(1, 1000)).toBeGreaterThan(bm25Idf(100, 1000));
    expect(bm25Idf(1000, 1000)).toBeGreaterThan(0);
  });

  it("multiplies each term's idf by its weight", () => {
    const [a, b] = chooseScoredTerms([own('a', 10), added('b', 10, 0.5)], 1000);
    expect(a).toEqual({ key: 'a', idf: bm25Idf(10, 1000) });
    expect(b?.idf).toBeCloseTo(0.5 * bm25Idf(10, 1000), 12);
  });

  it("keeps the rarest of the query's own terms and of the expansion's, each within its cap", () => {
    const mine = Array.from({ length: 12 }, (_, i) => own(`o${String(i).padStart(2, '0')}`, 12 - i));
    const theirs = Array.from({ length: 20 }, (_, i) => added(`x${String(i).padStart(2, '0')}`, 30 - i));
    const chosen = chooseScoredTerms([...mine, ...theirs], 1000).map((t) => t.key);
    expect(chosen.slice(0, MAX_QUERY_TERMS_SCORED)).toEqual(['o11', 'o10', 'o09', 'o08', 'o07', 'o06', 'o05', 'o04']);
    expect(chosen.slice(MAX_QUERY_TERMS_SCORED)).toHaveLength(MAX_EXPANSION_TERMS_SCORED);
    expect(chosen).toContain('x19');
    expect(chosen).not.toContain('x00');
  });

  it('skips common terms, except the rarest own term, and absent ones', () => {
    const chosen = chooseScoredTerms([own('common', 400), own('rare', 3), own('absent', 0), added('commonAdded', 300), added('rareAdded', 2)], 1000);
    expect(chosen.map((t) => t.key)).toEqual(['rare', 'rareAdded']);
    // An added term has a lower bar (EXPANSION_COMMON_SHARE) than the query's own words.
    expect(chooseScoredTerms([own('a', 1), own('b', 100), added('c', 100), added('d', 40)], 1000).map((t) => t.key)).toEqual(['a', 'b', 'd']);
    expect(chooseScoredTerms([own('common', 400), own('commoner', 600), added('x', 500)], 1000).map((t) => t.key)).toEqual(['common']);
  });
});
