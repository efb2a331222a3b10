/**
 * Which MemoryApi adapter the rest of the server gets: the HTTP one when the memory service runs
 * elsewhere (MEMORY_API_URL, any role but `memory`), else the in-process one, built by the caller
 * (it belongs to the memory wiring: services/memory/in-process-memory-api.ts).
 */
import type { Config } from '../../config/config.js';
import { remoteMemoryApiUrl } from '../../config/service-role.js';
import type { MemoryApi } from '../../ports/memory-api.js';
import { HttpMemoryApi } from './http-memory-api.js';

export function selectMemoryApi(config: Config, inProcess: () => MemoryApi): MemoryApi {
  const url = remoteMemoryApiUrl(config.role, config.services.memoryApiUrl);
  if (url === null) return inProcess();
  const token = config.memory.apiToken;
  return new HttpMemoryApi({
    baseUrl: url,
    timeoutMs: config.memory.apiTimeoutMs,
    ...(token !== null && { headers: () => ({ authorization: `Bearer ${token}` }) }),
  });
}
