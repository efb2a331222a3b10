/**
 * The read-mostly views over an employee's memories (stats, lifecycle, storage, expertise) and
 * cleanup, which archives what the retention score says is no longer worth keeping in search.
 * Nothing here decrypts content: it works on metadata.
 */
import { type MemoryCleanupBody, type MemoryCleanupReport, type MemoryEmployeeStats, type MemoryExpertiseResult, type MemoryLifecycle, type MemoryStorage } from '@dash/shared';
import type { Clock } from '../../ports/clock.js';
import type { EmbeddingProvider } from '../../ports/embedding-provider.js';
import type { MemoryMemberDirectory, MemoryRepository } from '../../ports/memory-repository.js';
import type { MemorySearch } from './memory-search.js';
import type { VectorSync } from './vector-sync.js';
/** Per-employee storage target (the origin's 100 MB). */
export declare const STORAGE_TARGET_BYTES: number;
/** A memory counts toward a domain when it matches lexically or its vector is at least this close. */
export declare const EXPERTISE_MIN_COSINE = 0.35;
export interface MemoryInsightsDeps {
    repository: MemoryRepository;
    members: MemoryMemberDirectory;
    embeddings: EmbeddingProvider;
    search: MemorySearch;
    sync: VectorSync;
    clock: Clock;
}
export declare class MemoryInsightsService {
    private readonly deps;
    constructor(deps: MemoryInsightsDeps);
    stats(employeeId: string): Promise<MemoryEmployeeStats>;
    allStats(): Promise<MemoryEmployeeStats[]>;
    lifecycle(employeeId: string): Promise<MemoryLifecycle>;
    storage(employeeId: string): Promise<MemoryStorage>;
    expertise(employeeId: string, domain: string): Promise<MemoryExpertiseResult['expertise']>;
    cleanup(employeeId: string, settings: MemoryCleanupBody): Promise<MemoryCleanupReport>;
    cleanupAll(settings: MemoryCleanupBody): Promise<{
        reports: MemoryCleanupReport[];
        errors: {
            employeeId: string;
            code: string;
            message: string;
        }[];
        employees: number;
    }>;
    private cleanupOf;
    private statsOf;
}
