/**
 * The MemoryApi port over HTTP, for a process whose memory service runs elsewhere
 * (MEMORY_API_URL, the `memory` role on port 3333). Each call is one POST under /api/memory with
 * its own request id and a timeout; the answer is checked against the shared wire schema.
 * Failures are AppErrors with the memory API's own codes (memory-api-errors.ts), or 503
 * MEMORY_UNAVAILABLE when it cannot be reached, times out, or answers something unexpected.
 */
import { randomUUID } from 'node:crypto';
import { createMemoryResult, memoryContextResult, memorySearchResult, } from '@dash/shared';
import { AppError } from '../../domain/app-error.js';
import { REQUEST_ID_HEADER } from '../../observability/request-id.js';
import { memoryApiError, memoryUnavailable } from './memory-api-errors.js';
export class HttpMemoryApi {
    options;
    constructor(options) {
        this.options = options;
    }
    context(body) {
        return this.#post('/api/memory/context', body, memoryContextResult);
    }
    store(body) {
        return this.#post('/api/memory/store', body, createMemoryResult);
    }
    search(body) {
        return this.#post('/api/memory/search', body, memorySearchResult);
    }
    async #post(path, body, schema) {
        const { baseUrl, timeoutMs } = this.options;
        let status;
        let text;
        try {
            // One deadline for the answer and its body.
            const signal = AbortSignal.timeout(timeoutMs);
            const response = await fetch(`${baseUrl}${path}`, {
                method: 'POST',
                headers: {
                    'content-type': 'application/json',
                    accept: 'application/json',
                    [REQUEST_ID_HEADER]: (this.options.newRequestId ?? randomUUID)(),
                    ...this.options.headers?.(),
                },
                body: JSON.stringify(body),
                signal,
            });
            status = response.status;
            text = await response.text();
        }
        catch (err) {
            throw memoryUnavailable(baseUrl, err, timeoutMs);
        }
        if (status < 200 || status > 299)
            throw memoryApiError(baseUrl, status, text);
        let json;
        try {
            json = JSON.parse(text);
        }
        catch {
            json = undefined;
        }
        const parsed = schema.safeParse(json);
        if (!parsed.success) {
            throw new AppError('MEMORY_UNAVAILABLE', {
                message: `The memory service at ${baseUrl} answered ${path} with an unexpected body (a different version?)`,
                details: { memoryApiUrl: baseUrl, path },
            });
        }
        return parsed.data;
    }
}
//# sourceMappingURL=http-memory-api.js.map