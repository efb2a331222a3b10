import type { EmbeddingProvider } from '../../ports/embedding-provider.js';
export declare const USE_LITE_PROVIDER_ID = "use-lite-v1";
interface LoadedModel {
    embed(input: string[]): Promise<number[][]>;
}
export declare class UseLiteEmbeddingProvider implements EmbeddingProvider {
    #private;
    readonly id = "use-lite-v1";
    readonly dim = 512;
    embed(texts: readonly string[]): Promise<Float32Array[]>;
    /** Loads the model now (warm-up); later calls share the same load. */
    load(): Promise<LoadedModel>;
    close(): Promise<void>;
}
export {};
