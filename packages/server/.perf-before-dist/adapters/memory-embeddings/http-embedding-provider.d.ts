import type { EmbeddingProvider } from '../../ports/embedding-provider.js';
export interface HttpEmbeddingOptions {
    /** Base URL including the API version, e.g. `https://api.openai.com/v1`. */
    baseUrl: string;
    model: string;
    dim: number;
    apiKey?: string | null;
    /** @default 64 texts per request */
    batchSize?: number;
    /** Per request. @default 30_000 */
    timeoutMs?: number;
    fetch?: typeof fetch;
}
export declare class HttpEmbeddingProvider implements EmbeddingProvider {
    #private;
    readonly id: string;
    readonly dim: number;
    constructor(options: HttpEmbeddingOptions);
    embed(texts: readonly string[]): Promise<Float32Array[]>;
    close(): Promise<void>;
    private request;
    private failure;
}
