/**
 * Query expansion with a vocabulary of equivalent terms (software-vocabulary.ts), so a query that
 * says "iteration" also finds the memory that says "sprint", and "infrastructure as code" finds
 * "Terraform". Only the QUERY is expanded, at search time: nothing about it is stored, the blind
 * index keeps hashing exactly the tokens of the memories, and a vocabulary change needs no rebuild.
 *
 *  - Matching is word by word after the lexical normalization (lower case, light stemming,
 *    text-tokens.ts), stopwords KEPT, so "log in" matches only "log in", never every "log".
 *  - Where matches overlap, the longer one wins ("logged out" rather than "logged").
 *  - Each match adds the content tokens of the other terms of its group, with EXPANSION_WEIGHT.
 *    A token the query has itself keeps weight 1.
 *  - `phrases` lists the added terms as text, for embedders that are bags of words (the `hash`
 *    provider embeds the query with them; a sentence encoder is better off with the query alone).
 */
import { SOFTWARE_VOCABULARY } from './software-vocabulary.js';
import { contentTokens, stem, words } from './text-tokens.js';
/**
 * Weight of an added token relative to the query's own (BM25 multiplies its idf by this). Tuned
 * on the tuning half of the labelled set with bench/memory/retrieval.ts --tune (0.5, 0.7, 0.85 and
 * 1 tried): equivalents count as much as the words they stand for.
 */
export const EXPANSION_WEIGHT = 1;
export class QueryExpander {
    expansionWeight;
    #byFirstWord = new Map();
    #groups;
    constructor(groups, expansionWeight = EXPANSION_WEIGHT) {
        this.expansionWeight = expansionWeight;
        this.#groups = groups;
        groups.forEach((terms, group) => {
            for (const term of terms) {
                const key = matchKey(term);
                // A term with no content token ("it", "out") would match noise and add nothing.
                if (key.length === 0 || contentTokens(term).length === 0)
                    continue;
                const first = key[0];
                const list = this.#byFirstWord.get(first) ?? [];
                list.push({ words: key, group, term });
                this.#byFirstWord.set(first, list);
            }
        });
    }
    expand(query) {
        const terms = new Map();
        for (const token of contentTokens(query))
            if (!terms.has(token))
                terms.set(token, { token, weight: 1, expansion: false });
        const phrases = [];
        const seenPhrases = new Set();
        for (const match of this.#matches(query)) {
            for (const term of this.#groups[match.entry.group] ?? []) {
                if (term === match.entry.term)
                    continue;
                if (!seenPhrases.has(term)) {
                    seenPhrases.add(term);
                    phrases.push(term);
                }
                for (const token of contentTokens(term)) {
                    const known = terms.get(token);
                    if (!known)
                        terms.set(token, { token, weight: this.expansionWeight, expansion: true });
                    else if (known.expansion && known.weight < this.expansionWeight)
                        known.weight = this.expansionWeight;
                }
            }
        }
        return { terms: [...terms.values()], phrases };
    }
    /** Vocabulary terms found in the query; a match inside a longer one is dropped. */
    #matches(query) {
        const seq = matchKey(query);
        const found = [];
        seq.forEach((word, at) => {
            for (const entry of this.#byFirstWord.get(word) ?? []) {
                if (entry.words.every((w, j) => seq[at + j] === w))
                    found.push({ entry, at });
            }
        });
        const covers = (outer, inner) => outer !== inner &&
            outer.entry.words.length > inner.entry.words.length &&
            outer.at <= inner.at &&
            outer.at + outer.entry.words.length >= inner.at + inner.entry.words.length;
        return found.filter((m) => !found.some((o) => covers(o, m)));
    }
}
/** Words of a text as matched against the vocabulary: normalized and stemmed, stopwords kept. */
function matchKey(text) {
    return words(text).map(stem);
}
export const softwareQueryExpander = new QueryExpander(SOFTWARE_VOCABULARY);
/** No expansion: the query's own tokens only (ablation in the benchmark, and a reference in tests). */
export const noQueryExpansion = new QueryExpander([]);
/** The text a bag-of-words embedder embeds for the query: the query, then the added terms. */
export function expandedQueryText(query, expanded) {
    return expanded.phrases.length === 0 ? query : `${query}\n${expanded.phrases.join(', ')}`;
}
//# sourceMappingURL=query-expansion.js.map