/**
 * Word tokens for lexical matching and the hashing embedder. One normalization for both, so
 * "Deploying the caches" and "deployed cache" share tokens:
 *  - NFKC, lower case, words are runs of letters and digits (`ci_cd` → `ci`, `cd`);
 *  - English stopwords dropped (they carry no topic, and in the blind index they would only add
 *    huge posting lists);
 *  - a light suffix stemmer (plural, -ing, -ed, -ment, -tion, trailing e, doubled consonant).
 *    It is deliberately simple and deterministic: changing it changes every stored token, so it
 *    is versioned by LEXICAL_TOKENS_VERSION (stored tokens from another version are rebuilt).
 */
export declare const LEXICAL_TOKENS_VERSION = 1;
/** Lower-cased words in order, stopwords included (bigrams need the original adjacency). */
export declare function words(text: string): string[];
export declare const isStopword: (word: string) => boolean;
/** Stemmed content words in order: the unit of lexical matching. */
export declare function contentTokens(text: string): string[];
/** A light, deterministic suffix stemmer (see the module comment); never returns fewer than 3 letters for longer words. */
export declare function stem(word: string): string;
