import { remoteMemoryApiUrl } from '../../config/service-role.js';
import { HttpMemoryApi } from './http-memory-api.js';
export function selectMemoryApi(config, inProcess) {
    const url = remoteMemoryApiUrl(config.role, config.services.memoryApiUrl);
    if (url === null)
        return inProcess();
    const token = config.memory.apiToken;
    return new HttpMemoryApi({
        baseUrl: url,
        timeoutMs: config.memory.apiTimeoutMs,
        ...(token !== null && { headers: () => ({ authorization: `Bearer ${token}` }) }),
    });
}
//# sourceMappingURL=select-memory-api.js.map