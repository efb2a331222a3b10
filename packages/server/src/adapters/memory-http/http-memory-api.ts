/**
 * The MemoryApi port over HTTP, for a process whose memory service runs elsewhere
 * (MEMORY_API_URL, the `memory` role on port 3333). Each call is one POST under /api/memory with
 * its own request id and a timeout; the answer is checked against the shared wire schema.
 * Failures are AppErrors with the memory API's own codes (memory-api-errors.ts), or 503
 * MEMORY_UNAVAILABLE when it cannot be reached, times out, or answers something unexpected.
 */
import { randomUUID } from 'node:crypto';
import {
  createMemoryResult,
  memoryContextResult,
  memorySearchResult,
  type CreateMemoryResult,
  type MemoryContextBodyInput,
  type MemoryContextResult,
  type MemorySearchResult,
  type SearchMemoryBodyInput,
  type StoreMemoryBody,
} from '@dash/shared';
import type { z } from 'zod';
import { AppError } from '../../domain/app-error.js';
import type { MemoryApi } from '../../ports/memory-api.js';
import { REQUEST_ID_HEADER } from '../../observability/request-id.js';
import { memoryApiError, memoryUnavailable } from './memory-api-errors.js';

export interface HttpMemoryApiOptions {
  /** Base URL without a trailing slash, e.g. `http://memory:3333`. */
  baseUrl: string;
  timeoutMs: number;
  /** Extra headers per call (credentials, once the API has them). */
  headers?: () => Record<string, string>;
  newRequestId?: () => string;
}

export class HttpMemoryApi implements MemoryApi {
  constructor(private readonly options: HttpMemoryApiOptions) {}

  context(body: MemoryContextBodyInput): Promise<MemoryContextResult> {
    return this.#post('/api/memory/context', body, memoryContextResult);
  }

  store(body: StoreMemoryBody): Promise<CreateMemoryResult> {
    return this.#post('/api/memory/store', body, createMemoryResult);
  }

  search(body: SearchMemoryBodyInput): Promise<MemorySearchResult> {
    return this.#post('/api/memory/search', body, memorySearchResult);
  }

  async #post<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.output<S>> {
    const { baseUrl, timeoutMs } = this.options;
    let status: number;
    let text: string;
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
    } catch (err) {
      throw memoryUnavailable(baseUrl, err, timeoutMs);
    }
    if (status < 200 || status > 299) throw memoryApiError(baseUrl, status, text);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
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
