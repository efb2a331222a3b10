/**
 * Keeps the vector index in step with the store, and re-embeds memories whose vector does not
 * come from the configured provider.
 *
 * Index sync: the index records a checkpoint (provider id, store revision). `sync()` replays the
 * store's vector changes after it, in revision order, in pages; an index holding another
 * provider's vectors (or none) is cleared and rebuilt. It runs before each search (normally one
 * query that finds nothing new) and after each write, one at a time.
 *
 * Re-embedding: memories with no vector from the configured provider (new provider, or embedding
 * failed when they were written) are embedded in batches, oldest id first. Progress is the data
 * itself, so the job resumes where it stopped after a restart; it runs in the background at start
 * and on demand.
 */
import type { MemoryReembedReport } from '@dash/shared';
import type { EmbeddingProvider } from '../../ports/embedding-provider.js';
import type { Logger } from '../../ports/logger.js';
import type { MemoryRepository } from '../../ports/memory-repository.js';
import type { VectorIndex } from '../../ports/vector-index.js';
export declare const REEMBED_BATCH = 32;
export interface VectorSyncDeps {
    repository: MemoryRepository;
    index: VectorIndex;
    embeddings: EmbeddingProvider;
    logger: Logger;
}
export declare class VectorSync {
    #private;
    private readonly deps;
    constructor(deps: VectorSyncDeps);
    /** Applies every store change up to now; concurrent calls share one pass (plus one more if needed). */
    sync(): Promise<void>;
    /** One re-embedding run of at most `maxMemories`; concurrent calls share the running one. */
    reembed(maxMemories: number): Promise<MemoryReembedReport>;
    /** Stops a running re-embedding after its current batch. */
    stop(): Promise<void>;
}
