/**
 * The memory service as the rest of the server uses it (the dispatcher before and after a run,
 * the MCP tools): the same operations and wire types as the Memory API under /api/memory.
 *
 * Two adapters: in-process over MemoryService (embedded mode, or the `memory` role itself) and
 * HTTP over MEMORY_API_URL (the memory service runs as its own process on port 3333). Errors are
 * AppErrors with the registry's codes in both (the HTTP adapter maps the API's error body back);
 * MEMORY_UNAVAILABLE when the service cannot be reached.
 */
import type { CreateMemoryResult, MemoryContextBodyInput, MemoryContextResult, MemorySearchResult, SearchMemoryBodyInput, StoreMemoryBody } from '@dash/shared';
export interface MemoryApi {
    /** Relevant memories for a task, packed into a token budget (POST /api/memory/context). */
    context(body: MemoryContextBodyInput): Promise<MemoryContextResult>;
    /** Stores one memory of `body.type` (POST /api/memory/store). */
    store(body: StoreMemoryBody): Promise<CreateMemoryResult>;
    /** Searches what the employee may read (POST /api/memory/search). */
    search(body: SearchMemoryBodyInput): Promise<MemorySearchResult>;
}
