/**
 * The MemoryApi port over the MemoryService of this process (embedded mode, or the `memory` role
 * itself). Bodies are validated with the same schemas as the HTTP routes (400 VALIDATION_FAILED
 * naming the field), so both adapters answer alike.
 *
 * The service opens after the dispatcher (it asks the employee registry who is who) and closes
 * before it; this adapter follows it through open()/close() (wired as a lifecycle component in
 * app.ts): calls made while it is still starting wait for it (callers bound that wait with their
 * own timeout), calls after it closed fail at once with 503 MEMORY_UNAVAILABLE.
 */
import { type CreateMemoryResult, type MemoryContextBodyInput, type MemoryContextResult, type MemorySearchResult, type SearchMemoryBodyInput, type StoreMemoryBody } from '@dash/shared';
import type { MemoryApi } from '../../ports/memory-api.js';
import type { MemoryService } from './memory-service.js';
export declare class InProcessMemoryApi implements MemoryApi {
    #private;
    /** The service is open: waiting calls go ahead. */
    open(service: MemoryService): void;
    /** The service is closing: calls fail with MEMORY_UNAVAILABLE until it opens again. */
    close(): void;
    context(body: MemoryContextBodyInput): Promise<MemoryContextResult>;
    store(body: StoreMemoryBody): Promise<CreateMemoryResult>;
    search(body: SearchMemoryBodyInput): Promise<MemorySearchResult>;
}
