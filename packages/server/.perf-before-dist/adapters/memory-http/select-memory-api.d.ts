/**
 * Which MemoryApi adapter the rest of the server gets: the HTTP one when the memory service runs
 * elsewhere (MEMORY_API_URL, any role but `memory`), else the in-process one, built by the caller
 * (it belongs to the memory wiring: services/memory/in-process-memory-api.ts).
 */
import type { Config } from '../../config/config.js';
import type { MemoryApi } from '../../ports/memory-api.js';
export declare function selectMemoryApi(config: Config, inProcess: () => MemoryApi): MemoryApi;
