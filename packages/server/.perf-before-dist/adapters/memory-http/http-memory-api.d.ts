import { type CreateMemoryResult, type MemoryContextBodyInput, type MemoryContextResult, type MemorySearchResult, type SearchMemoryBodyInput, type StoreMemoryBody } from '@dash/shared';
import type { MemoryApi } from '../../ports/memory-api.js';
export interface HttpMemoryApiOptions {
    /** Base URL without a trailing slash, e.g. `http://memory:3333`. */
    baseUrl: string;
    timeoutMs: number;
    /** Extra headers per call (credentials, once the API has them). */
    headers?: () => Record<string, string>;
    newRequestId?: () => string;
}
export declare class HttpMemoryApi implements MemoryApi {
    #private;
    private readonly options;
    constructor(options: HttpMemoryApiOptions);
    context(body: MemoryContextBodyInput): Promise<MemoryContextResult>;
    store(body: StoreMemoryBody): Promise<CreateMemoryResult>;
    search(body: SearchMemoryBodyInput): Promise<MemorySearchResult>;
}
