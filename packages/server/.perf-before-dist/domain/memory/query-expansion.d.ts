/**
 * Weight of an added token relative to the query's own (BM25 multiplies its idf by this). Tuned
 * on the tuning half of the labelled set with bench/memory/retrieval.ts --tune (0.5, 0.7, 0.85 and
 * 1 tried): equivalents count as much as the words they stand for.
 */
export declare const EXPANSION_WEIGHT = 1;
/** A token to look up in the lexical index, with its weight (1 for the query's own words). */
export interface QueryTerm {
    token: string;
    weight: number;
    /** Added by the vocabulary, not written in the query. */
    expansion: boolean;
}
export interface ExpandedQuery {
    /** The query's own tokens first (in order, once each), then the added ones. */
    terms: QueryTerm[];
    /** The vocabulary terms added, as written in the vocabulary, once each. */
    phrases: string[];
}
export declare class QueryExpander {
    #private;
    private readonly expansionWeight;
    constructor(groups: readonly (readonly string[])[], expansionWeight?: number);
    expand(query: string): ExpandedQuery;
}
export declare const softwareQueryExpander: QueryExpander;
/** No expansion: the query's own tokens only (ablation in the benchmark, and a reference in tests). */
export declare const noQueryExpansion: QueryExpander;
/** The text a bag-of-words embedder embeds for the query: the query, then the added terms. */
export declare function expandedQueryText(query: string, expanded: ExpandedQuery): string;
