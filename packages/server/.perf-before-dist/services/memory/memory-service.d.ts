/**
 * The memory service: what AI employees remember between tasks. Writes, reads and edits go
 * through the permission model (domain/memory/memory-access.ts); search, context and the
 * statistics views are delegated to MemorySearch and MemoryInsightsService.
 *
 * Rules:
 *  - every request acts as an employee (`employeeId`); an unknown or retired one is 404 NOT_FOUND;
 *  - content over MEMORY_CONTENT_MAX_CHARS (and context over MEMORY_CONTEXT_MAX_CHARS of JSON) is
 *    413 PAYLOAD_TOO_LARGE naming the field;
 *  - a memory the asker may not read is 404 MEMORY_NOT_FOUND (its existence is not revealed); one
 *    they may read but not change is 403 FORBIDDEN;
 *  - a write is stored even when the embedding provider fails: the memory is found lexically
 *    until the re-embedding job gives it a vector;
 *  - memory content never goes to the logs.
 */
import { type CreateInteractionBody, type CreateMemoryBody, type ListMemoriesQuery, type MemoryBatchBody, type MemoryList, type MemoryReembedReport, type MemoryType, type MemoryView, type UpdateMemoryBody } from '@dash/shared';
import type { Clock } from '../../ports/clock.js';
import type { EmbeddingProvider } from '../../ports/embedding-provider.js';
import type { Logger } from '../../ports/logger.js';
import type { MemoryMemberDirectory, MemoryRepository } from '../../ports/memory-repository.js';
import type { VectorIndex } from '../../ports/vector-index.js';
import { MemoryInsightsService } from './memory-insights-service.js';
import { MemorySearch } from './memory-search.js';
export interface MemoryServiceDeps {
    repository: MemoryRepository;
    index: VectorIndex;
    embeddings: EmbeddingProvider;
    members: MemoryMemberDirectory;
    clock: Clock;
    logger: Logger;
    newId: () => string;
}
export interface MemoryServiceOptions {
    /** Re-embed pending memories in the background after open(). @default true */
    backgroundReembed?: boolean;
}
type BatchError = {
    memoryId: string;
    code: string;
    message: string;
};
export declare class MemoryService {
    #private;
    readonly search: MemorySearch;
    readonly insights: MemoryInsightsService;
    constructor(deps: MemoryServiceDeps, options?: MemoryServiceOptions);
    /** The provider and index in use (for stats and health). */
    get engine(): {
        provider: string;
        dim: number;
        index: string;
    };
    /** Checks the key (MEMORY_KEY_MISMATCH), brings the index up to date, starts re-embedding. */
    open(): Promise<void>;
    close(): Promise<void>;
    create(type: Exclude<MemoryType, 'interaction'>, body: CreateMemoryBody): Promise<MemoryView>;
    createInteraction(body: CreateInteractionBody): Promise<MemoryView>;
    get(actorId: string, id: string): Promise<MemoryView>;
    list(query: ListMemoriesQuery): Promise<MemoryList>;
    update(actorId: string, id: string, body: UpdateMemoryBody): Promise<MemoryView>;
    delete(actorId: string, id: string): Promise<void>;
    archive(body: MemoryBatchBody): Promise<{
        done: string[];
        errors: BatchError[];
    }>;
    restore(body: MemoryBatchBody): Promise<{
        done: string[];
        errors: BatchError[];
    }>;
    /** One re-embedding pass (the background job runs the same). */
    reembed(maxMemories: number): Promise<MemoryReembedReport>;
}
export {};
