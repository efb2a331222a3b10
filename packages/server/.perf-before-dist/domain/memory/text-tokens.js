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
export const LEXICAL_TOKENS_VERSION = 1;
const STOPWORDS = new Set(('a about above after again against all am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him ' +
    'himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other ' +
    'our ours ourselves out over own same she should so some such than that the their theirs them themselves then there ' +
    'these they this those through to too under until up very was we were what when where which while who whom why will ' +
    'with would you your yours yourself yourselves also via per us let lets get got onto within without').split(' '));
const WORD = /[\p{L}\p{N}]+/gu;
const MAX_WORD_CHARS = 40;
/** Lower-cased words in order, stopwords included (bigrams need the original adjacency). */
export function words(text) {
    return (text.normalize('NFKC').toLowerCase().match(WORD) ?? []).filter((w) => w.length <= MAX_WORD_CHARS);
}
export const isStopword = (word) => STOPWORDS.has(word);
/** Stemmed content words in order: the unit of lexical matching. */
export function contentTokens(text) {
    const out = [];
    for (const w of words(text)) {
        if (STOPWORDS.has(w))
            continue;
        if (w.length === 1 && !/\d/.test(w))
            continue;
        out.push(stem(w));
    }
    return out;
}
const VOWEL = /[aeiouy]/;
/** A light, deterministic suffix stemmer (see the module comment); never returns fewer than 3 letters for longer words. */
export function stem(word) {
    if (word.length <= 3 || /\d/.test(word))
        return word;
    let w = word;
    if (w.endsWith('ies') && w.length > 4)
        w = `${w.slice(0, -3)}y`;
    else if (w.endsWith('sses'))
        w = w.slice(0, -2);
    else if (w.endsWith('s') && !/(ss|us|is)$/.test(w))
        w = w.slice(0, -1);
    for (const suffix of ['ments', 'ment', 'ingly', 'ing', 'edly', 'ed', 'tion', 'sion']) {
        if (!w.endsWith(suffix))
            continue;
        // tion/sion keep their t/s: "migration" → "migrat" like "migrate" → "migrat".
        const cut = suffix === 'tion' || suffix === 'sion' ? suffix.length - 1 : suffix.length;
        const base = w.slice(0, w.length - cut);
        if (base.length >= 3 && VOWEL.test(base)) {
            w = base;
            // "running" → "runn" → "run"; "stopped" → "stop"; but keep "ll", "ss", "zz" ("install").
            if (/([^aeiouylsz])\1$/.test(w))
                w = w.slice(0, -1);
        }
        break;
    }
    if (w.length > 3 && w.endsWith('e'))
        w = w.slice(0, -1);
    return w;
}
//# sourceMappingURL=text-tokens.js.map