/**
 * Which query terms BM25 scores, and with what weight (the lexical index runs the sum in SQL,
 * adapters/memory-store/memory-lexical-index.ts). Bounding the terms bounds the postings a query
 * reads, whatever the length of a task description or the size of the vocabulary expansion:
 *
 *  - of the query's own terms, the MAX_QUERY_TERMS_SCORED rarest;
 *  - of the terms added by expansion, the MAX_EXPANSION_TERMS_SCORED rarest;
 *  - a term found in more than COMMON_TERM_SHARE of all memories is skipped (its idf is about 1,
 *    against 5–10 for a distinctive word), except the query's rarest own term, so a query made of
 *    common words still matches something; for an added term the bar is EXPANSION_COMMON_SHARE
 *    (an equivalent that common is weak evidence, and its postings would dominate the cost);
 *  - terms no memory contains are dropped (they score nothing).
 *
 * Each chosen term weighs weight × idf, with idf = ln(1 + (N − df + 0.5) / (df + 0.5)) (Lucene's
 * BM25 idf, never negative).
 */
export const MAX_QUERY_TERMS_SCORED = 8;
export const MAX_EXPANSION_TERMS_SCORED = 12;
export const COMMON_TERM_SHARE = 0.25;
/**
 * 0.05 and 12 terms: same recall@5 on the tuning half as 0.25 and 16 (MRR −0.017), and about half
 * the postings read per query at 100,000 memories (bench/memory/search.ts).
 */
export const EXPANSION_COMMON_SHARE = 0.05;

export interface TermStats<K> {
  key: K;
  /** Memories containing the term. */
  df: number;
  weight: number;
  expansion: boolean;
}

export interface ScoredTerm<K> {
  key: K;
  /** weight × idf: the term's factor in the BM25 sum. */
  idf: number;
}

export function bm25Idf(df: number, docs: number): number {
  return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
}

/**
 * The unit lexical scores are reported in: the idf of a term found in one memory out of `docs`.
 * A BM25 sum divided by it reads as "about this many rare words matched", whatever the corpus
 * size (raw idf grows with ln(docs)), so the ranking can weigh it on an absolute scale.
 */
export function rareTermIdf(docs: number): number {
  return bm25Idf(1, Math.max(2, docs));
}

/** The terms to score, rarest first within each kind (query's own, then expansions). */
export function chooseScoredTerms<K extends string>(terms: readonly TermStats<K>[], docs: number): ScoredTerm<K>[] {
  const present = terms.filter((t) => t.df > 0);
  const rarest = (list: TermStats<K>[]): TermStats<K>[] => list.sort((a, b) => a.df - b.df || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const own = rarest(present.filter((t) => !t.expansion))
    .filter((t, i) => i === 0 || t.df <= COMMON_TERM_SHARE * docs)
    .slice(0, MAX_QUERY_TERMS_SCORED);
  const added = rarest(present.filter((t) => t.expansion))
    .filter((t) => t.df <= EXPANSION_COMMON_SHARE * docs)
    .slice(0, MAX_EXPANSION_TERMS_SCORED);
  return [...own, ...added].map((t) => ({ key: t.key, idf: t.weight * bm25Idf(t.df, docs) }));
}
