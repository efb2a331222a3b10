/**
 * Turns text into vectors for memory search. Implementations: `hash` (deterministic feature
 * hashing, no model; tests and a fallback), `use-lite` (Universal Sentence Encoder lite shipped
 * inside the @energetic-ai packages; offline; the default) and `http` (an OpenAI-compatible
 * `/v1/embeddings` endpoint). No implementation downloads anything at run time.
 *
 * Contract:
 *  - `id` names the provider AND its model/version; vectors are only ever compared with vectors
 *    of the same id (stored beside each vector), and a different configured id triggers
 *    re-embedding;
 *  - `embed` returns one vector per text, in order, each of length `dim` and unit L2 norm (so
 *    cosine similarity is a dot product); an empty list gives an empty list;
 *  - failures throw AppError MEMORY_EMBEDDING_FAILED (retryable), never partial results;
 *  - the texts are memory content: implementations never log them.
 */
export interface EmbeddingProvider {
    readonly id: string;
    readonly dim: number;
    /**
     * True when a vector is a bag of the text's words (the `hash` provider): it knows no synonyms,
     * so a search embeds the query together with its vocabulary expansion
     * (domain/memory/query-expansion.ts). Sentence encoders leave it unset and get the query alone.
     */
    readonly bagOfWords?: boolean;
    embed(texts: readonly string[]): Promise<Float32Array[]>;
    /** Releases a loaded model or open connections. Idempotent. */
    close(): Promise<void>;
}
