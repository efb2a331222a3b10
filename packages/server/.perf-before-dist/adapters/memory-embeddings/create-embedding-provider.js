import { HashEmbeddingProvider } from './hash-embedding-provider.js';
import { HttpEmbeddingProvider } from './http-embedding-provider.js';
import { UseLiteEmbeddingProvider } from './use-lite-embedding-provider.js';
export function createEmbeddingProvider(config) {
    switch (config.provider) {
        case 'hash':
            return new HashEmbeddingProvider();
        case 'use-lite':
            return new UseLiteEmbeddingProvider();
        case 'http':
            if (config.url === null || config.model === null || config.dim === null) {
                throw new Error('MEMORY_EMBEDDINGS=http needs MEMORY_EMBEDDINGS_URL, MEMORY_EMBEDDINGS_MODEL and MEMORY_EMBEDDINGS_DIM');
            }
            return new HttpEmbeddingProvider({ baseUrl: config.url, model: config.model, dim: config.dim, apiKey: config.apiKey });
    }
}
//# sourceMappingURL=create-embedding-provider.js.map