/** Picks the embedding provider from configuration (MEMORY_EMBEDDINGS and friends). */
import type { Config } from '../../config/config.js';
import type { EmbeddingProvider } from '../../ports/embedding-provider.js';
export declare function createEmbeddingProvider(config: Config['memory']['embeddings']): EmbeddingProvider;
