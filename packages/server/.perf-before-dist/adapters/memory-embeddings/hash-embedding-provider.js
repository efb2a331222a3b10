import { contentTokens, words } from '../../domain/memory/text-tokens.js';
export const HASH_PROVIDER_ID = 'hash-v1';
const DEFAULT_DIM = 512;
const FEATURE_WEIGHTS = { word: 1, pair: 0.5, trigram: 0.25 };
export class HashEmbeddingProvider {
    id;
    dim;
    bagOfWords = true;
    constructor(dim = DEFAULT_DIM) {
        if (!Number.isInteger(dim) || dim < 8 || (dim & (dim - 1)) !== 0)
            throw new TypeError('hash embedder: dim must be a power of two ≥ 8');
        this.dim = dim;
        this.id = dim === DEFAULT_DIM ? HASH_PROVIDER_ID : `${HASH_PROVIDER_ID}-${dim}`;
    }
    embed(texts) {
        return Promise.resolve(texts.map((t) => this.embedOne(t)));
    }
    close() {
        return Promise.resolve();
    }
    embedOne(text) {
        const features = new Map();
        const add = (feature, weight) => {
            features.set(feature, (features.get(feature) ?? 0) + weight);
        };
        const tokens = contentTokens(text);
        tokens.forEach((token, i) => {
            add(`w:${token}`, FEATURE_WEIGHTS.word);
            const next = tokens[i + 1];
            if (next !== undefined)
                add(`p:${token} ${next}`, FEATURE_WEIGHTS.pair);
        });
        for (const word of words(text)) {
            const padded = `<${word}>`;
            for (let i = 0; i + 3 <= padded.length; i++)
                add(`c:${padded.slice(i, i + 3)}`, FEATURE_WEIGHTS.trigram);
        }
        if (features.size === 0)
            add(`raw:${text.trim().toLowerCase()}`, 1);
        const vector = new Float32Array(this.dim);
        for (const [feature, total] of features) {
            // `total` is weight × tf; log-scale the term frequency, keep the weight.
            const weight = featureWeight(feature);
            const tf = total / weight;
            const h = hash32(feature);
            const sign = (mix32(h ^ 0x9e3779b9) & 1) === 0 ? 1 : -1;
            const bucket = h & (this.dim - 1);
            vector[bucket] = (vector[bucket] ?? 0) + sign * weight * (1 + Math.log(tf));
        }
        return normalize(vector);
    }
}
const WEIGHT_BY_PREFIX = { w: FEATURE_WEIGHTS.word, p: FEATURE_WEIGHTS.pair, c: FEATURE_WEIGHTS.trigram };
const featureWeight = (feature) => WEIGHT_BY_PREFIX[feature.charAt(0)] ?? 1;
/** FNV-1a over UTF-16 code units, then the murmur3 finalizer for better low bits. */
function hash32(text) {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    return mix32(h);
}
function mix32(value) {
    let h = value >>> 0;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
}
/** Scales to unit length in place (an all-zero vector stays zero). */
export function normalize(vector) {
    let sum = 0;
    for (const v of vector)
        sum += v * v;
    const norm = Math.sqrt(sum);
    if (norm > 0)
        for (let i = 0; i < vector.length; i++)
            vector[i] = (vector[i] ?? 0) / norm;
    return vector;
}
//# sourceMappingURL=hash-embedding-provider.js.map