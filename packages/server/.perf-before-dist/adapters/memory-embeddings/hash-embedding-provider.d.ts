/**
 * `hash`: a deterministic embedder with no model. Features are the stemmed content words
 * (weight 1), adjacent word pairs (0.5) and character 3-grams of each word (0.25); each feature is
 * hashed (FNV-1a + murmur finalizer) to one of `dim` buckets with a hashed sign, weighted by
 * 1 + ln(tf), and the vector is L2-normalized. It captures word overlap and spelling variants,
 * not meaning: fast and reproducible for tests, and a fallback where no model can run.
 */
import type { EmbeddingProvider } from '../../ports/embedding-provider.js';
export declare const HASH_PROVIDER_ID = "hash-v1";
export declare class HashEmbeddingProvider implements EmbeddingProvider {
    readonly id: string;
    readonly dim: number;
    readonly bagOfWords = true;
    constructor(dim?: number);
    embed(texts: readonly string[]): Promise<Float32Array[]>;
    close(): Promise<void>;
    embedOne(text: string): Float32Array;
}
/** Scales to unit length in place (an all-zero vector stays zero). */
export declare function normalize(vector: Float32Array): Float32Array;
